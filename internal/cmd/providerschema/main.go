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

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

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
	schema := providerSchema{
		Provider:          convertSchema(resp.Provider),
		ResourceSchemas:   map[string]schemaJSONType{},
		DataSourceSchemas: map[string]schemaJSONType{},
		Functions:         map[string]functionJSON{},
	}
	for name, s := range resp.ResourceSchemas {
		schema.ResourceSchemas[name] = convertSchema(s)
	}
	for name, s := range resp.DataSourceSchemas {
		schema.DataSourceSchemas[name] = convertSchema(s)
	}
	for name, f := range resp.Functions {
		fn := functionJSON{Description: f.Description, Summary: f.Summary, ReturnType: typeJSON(f.Return.Type)}
		for _, p := range f.Parameters {
			fn.Parameters = append(fn.Parameters, parameterJSON{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, Type: typeJSON(p.Type)})
		}
		if p := f.VariadicParameter; p != nil {
			fn.VariadicParameter = &parameterJSON{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, Type: typeJSON(p.Type)}
		}
		schema.Functions[name] = fn
	}
	return json.MarshalIndent(map[string]any{
		"format_version": "1.0",
		// tfplugindocs looks the provider up by its short name.
		"provider_schemas": map[string]providerSchema{"connect": schema},
	}, "", "  ")
}

type providerSchema struct {
	Provider          schemaJSONType            `json:"provider"`
	ResourceSchemas   map[string]schemaJSONType `json:"resource_schemas,omitempty"`
	DataSourceSchemas map[string]schemaJSONType `json:"data_source_schemas,omitempty"`
	Functions         map[string]functionJSON   `json:"functions,omitempty"`
}

type schemaJSONType struct {
	Version int64     `json:"version"`
	Block   blockJSON `json:"block"`
}

type blockJSON struct {
	Attributes      map[string]attributeJSON `json:"attributes,omitempty"`
	BlockTypes      map[string]blockTypeJSON `json:"block_types,omitempty"`
	Description     string                   `json:"description,omitempty"`
	DescriptionKind string                   `json:"description_kind,omitempty"`
	Deprecated      bool                     `json:"deprecated,omitempty"`
}

type attributeJSON struct {
	Type            json.RawMessage `json:"type,omitempty"`
	NestedType      *nestedTypeJSON `json:"nested_type,omitempty"`
	Description     string          `json:"description,omitempty"`
	DescriptionKind string          `json:"description_kind,omitempty"`
	Deprecated      bool            `json:"deprecated,omitempty"`
	Required        bool            `json:"required,omitempty"`
	Optional        bool            `json:"optional,omitempty"`
	Computed        bool            `json:"computed,omitempty"`
	Sensitive       bool            `json:"sensitive,omitempty"`
}

type nestedTypeJSON struct {
	Attributes  map[string]attributeJSON `json:"attributes"`
	NestingMode string                   `json:"nesting_mode"`
}

type blockTypeJSON struct {
	NestingMode string    `json:"nesting_mode"`
	Block       blockJSON `json:"block"`
	MinItems    int64     `json:"min_items,omitempty"`
	MaxItems    int64     `json:"max_items,omitempty"`
}

type functionJSON struct {
	Description       string          `json:"description,omitempty"`
	Summary           string          `json:"summary,omitempty"`
	ReturnType        json.RawMessage `json:"return_type"`
	Parameters        []parameterJSON `json:"parameters,omitempty"`
	VariadicParameter *parameterJSON  `json:"variadic_parameter,omitempty"`
}

type parameterJSON struct {
	Name        string          `json:"name,omitempty"`
	Description string          `json:"description,omitempty"`
	IsNullable  bool            `json:"is_nullable,omitempty"`
	Type        json.RawMessage `json:"type"`
}

func convertSchema(s *tfprotov6.Schema) schemaJSONType {
	if s == nil {
		return schemaJSONType{Block: blockJSON{DescriptionKind: "plain"}}
	}
	return schemaJSONType{Version: s.Version, Block: convertBlock(s.Block)}
}

func descriptionKind(k tfprotov6.StringKind) string {
	if k == tfprotov6.StringKindMarkdown {
		return "markdown"
	}
	return "plain"
}

func convertBlock(b *tfprotov6.SchemaBlock) blockJSON {
	out := blockJSON{Description: b.Description, DescriptionKind: descriptionKind(b.DescriptionKind), Deprecated: b.Deprecated}
	if len(b.Attributes) > 0 {
		out.Attributes = map[string]attributeJSON{}
		for _, a := range b.Attributes {
			out.Attributes[a.Name] = convertAttribute(a)
		}
	}
	if len(b.BlockTypes) > 0 {
		out.BlockTypes = map[string]blockTypeJSON{}
		for _, nb := range b.BlockTypes {
			out.BlockTypes[nb.TypeName] = blockTypeJSON{
				NestingMode: nestingMode(nb.Nesting.String()),
				Block:       convertBlock(nb.Block),
				MinItems:    nb.MinItems,
				MaxItems:    nb.MaxItems,
			}
		}
	}
	return out
}

func convertAttribute(a *tfprotov6.SchemaAttribute) attributeJSON {
	out := attributeJSON{
		Description: a.Description, DescriptionKind: descriptionKind(a.DescriptionKind), Deprecated: a.Deprecated,
		Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
	}
	if a.NestedType != nil {
		nested := &nestedTypeJSON{Attributes: map[string]attributeJSON{}, NestingMode: nestingMode(a.NestedType.Nesting.String())}
		for _, na := range a.NestedType.Attributes {
			nested.Attributes[na.Name] = convertAttribute(na)
		}
		out.NestedType = nested
	} else {
		out.Type = typeJSON(a.Type)
	}
	return out
}

// nestingMode turns the protocol's "LIST" into Terraform's "list".
func nestingMode(protocol string) string {
	return strings.ToLower(protocol)
}

func typeJSON(t interface{ MarshalJSON() ([]byte, error) }) json.RawMessage {
	b, err := t.MarshalJSON()
	if err != nil {
		panic(err) // tftypes documents MarshalJSON as error-free
	}
	return b
}
