// Command providerschema prints the provider's schema in the format of
// `terraform providers schema -json`, for tfplugindocs. Reading the schema
// from the provider itself, not through Terraform, makes the docs the same
// whatever Terraform is installed: Terraform before 1.8 leaves the
// functions out.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/connect-iam/terraform-provider-connect/internal/provider"
)

func main() {
	out, err := schemaJSON(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "providerschema:", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(out, '\n'))
}

func schemaJSON(ctx context.Context) ([]byte, error) {
	server := provider.NewServer("docs")()
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}
	schema := &tfjson.ProviderSchema{
		ConfigSchema:      convertSchema(resp.Provider),
		ResourceSchemas:   map[string]*tfjson.Schema{},
		DataSourceSchemas: map[string]*tfjson.Schema{},
		Functions:         map[string]*tfjson.FunctionSignature{},
	}
	for name, s := range resp.ResourceSchemas {
		schema.ResourceSchemas[name] = convertSchema(s)
	}
	for name, s := range resp.DataSourceSchemas {
		schema.DataSourceSchemas[name] = convertSchema(s)
	}
	for name, f := range resp.Functions {
		fn := &tfjson.FunctionSignature{Description: f.Description, Summary: f.Summary, ReturnType: ctyType(f.Return.Type)}
		for _, p := range f.Parameters {
			fn.Parameters = append(fn.Parameters, convertParameter(p))
		}
		if p := f.VariadicParameter; p != nil {
			fn.VariadicParameter = convertParameter(p)
		}
		schema.Functions[name] = fn
	}
	return json.MarshalIndent(&tfjson.ProviderSchemas{
		FormatVersion: "1.0",
		// tfplugindocs looks the provider up by its short name.
		Schemas: map[string]*tfjson.ProviderSchema{"connect": schema},
	}, "", "  ")
}

func convertSchema(s *tfprotov6.Schema) *tfjson.Schema {
	if s == nil {
		return &tfjson.Schema{Block: &tfjson.SchemaBlock{DescriptionKind: tfjson.SchemaDescriptionKindPlain}}
	}
	return &tfjson.Schema{Version: uint64(max(s.Version, 0)), Block: convertBlock(s.Block)}
}

func descriptionKind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

func convertBlock(b *tfprotov6.SchemaBlock) *tfjson.SchemaBlock {
	out := &tfjson.SchemaBlock{Description: b.Description, DescriptionKind: descriptionKind(b.DescriptionKind), Deprecated: b.Deprecated}
	if len(b.Attributes) > 0 {
		out.Attributes = map[string]*tfjson.SchemaAttribute{}
		for _, a := range b.Attributes {
			out.Attributes[a.Name] = convertAttribute(a)
		}
	}
	if len(b.BlockTypes) > 0 {
		out.NestedBlocks = map[string]*tfjson.SchemaBlockType{}
		for _, nb := range b.BlockTypes {
			out.NestedBlocks[nb.TypeName] = &tfjson.SchemaBlockType{
				NestingMode: nestingMode(nb.Nesting.String()),
				Block:       convertBlock(nb.Block),
				MinItems:    uint64(max(nb.MinItems, 0)),
				MaxItems:    uint64(max(nb.MaxItems, 0)),
			}
		}
	}
	return out
}

func convertAttribute(a *tfprotov6.SchemaAttribute) *tfjson.SchemaAttribute {
	out := &tfjson.SchemaAttribute{
		Description: a.Description, DescriptionKind: descriptionKind(a.DescriptionKind), Deprecated: a.Deprecated,
		Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
	}
	if a.NestedType != nil {
		nested := &tfjson.SchemaNestedAttributeType{Attributes: map[string]*tfjson.SchemaAttribute{}, NestingMode: nestingMode(a.NestedType.Nesting.String())}
		for _, na := range a.NestedType.Attributes {
			nested.Attributes[na.Name] = convertAttribute(na)
		}
		out.AttributeNestedType = nested
	} else {
		out.AttributeType = ctyType(a.Type)
	}
	return out
}

func convertParameter(p *tfprotov6.FunctionParameter) *tfjson.FunctionParameter {
	return &tfjson.FunctionParameter{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, Type: ctyType(p.Type)}
}

// nestingMode turns the protocol's "LIST" into Terraform's "list".
func nestingMode(protocol string) tfjson.SchemaNestingMode {
	return tfjson.SchemaNestingMode(strings.ToLower(protocol))
}

// ctyType converts a protocol type (a tftypes.Type) to the cty type
// terraform-json holds, through the JSON form both share.
func ctyType(t interface{ MarshalJSON() ([]byte, error) }) cty.Type {
	b, err := t.MarshalJSON()
	if err != nil {
		panic(err) // tftypes documents MarshalJSON as error-free
	}
	out, err := ctyjson.UnmarshalType(b)
	if err != nil {
		panic(fmt.Sprintf("type %s has no cty form: %v", b, err)) // every type of the protocol has one
	}
	return out
}
