// Command rawstub is a provider for bench/plan-attribution only: the same
// schema as terraform-provider-connect, served directly through
// terraform-plugin-go, doing no work. It validates nothing and reads every
// data source by returning its configuration unread (computed values stay
// null), so that a plan through it costs the provider process the least a
// provider of this schema can cost: decoding the gRPC messages and
// answering them. Its schema is the real provider's, asked once at start.
//
// BENCH_SHAPE reshapes connect_policy_document's schema, for
// bench/schema-shapes to measure what each shape costs Terraform:
// "attributes" turns its nested blocks into nested attributes (lists of
// objects), "lists" turns its sets into lists; both may be given, comma
// separated.
package main

import (
	"context"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/connect-iam/terraform-provider-connect/internal/provider"
)

func main() {
	// As the real provider does (main.go's quietSDKLogs): the SDKs' TRACE
	// logs, which Terraform drops unless TF_LOG is set, are not written.
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		_ = os.Setenv(name, "OFF")
	}
	framework := provider.NewServer("bench")()
	schema, err := framework.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schema.Diagnostics) > 0 {
		log.Fatalf("the provider's schema: %v %v", err, schema.Diagnostics)
	}
	for _, shape := range strings.Split(os.Getenv("BENCH_SHAPE"), ",") {
		reshape(schema.DataSourceSchemas["connect_policy_document"].Block, shape)
	}
	serve := func() tfprotov6.ProviderServer { return &noWork{ProviderServer: framework, schema: schema} }
	if err := tf6server.Serve(provider.RegistryAddress, serve); err != nil {
		log.Fatal(err)
	}
}

// noWork answers the RPCs of a plan without work; the others go to the
// framework's server, which a plan of data sources does not call.
type noWork struct {
	tfprotov6.ProviderServer
	schema *tfprotov6.GetProviderSchemaResponse
}

func (s *noWork) GetProviderSchema(context.Context, *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return s.schema, nil
}

func (s *noWork) GetMetadata(context.Context, *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	resp := &tfprotov6.GetMetadataResponse{ServerCapabilities: s.schema.ServerCapabilities}
	for name := range s.schema.DataSourceSchemas {
		resp.DataSources = append(resp.DataSources, tfprotov6.DataSourceMetadata{TypeName: name})
	}
	for name := range s.schema.Functions {
		resp.Functions = append(resp.Functions, tfprotov6.FunctionMetadata{Name: name})
	}
	return resp, nil
}

func (s *noWork) ValidateProviderConfig(_ context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return &tfprotov6.ValidateProviderConfigResponse{PreparedConfig: req.Config}, nil
}

func (s *noWork) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{}, nil
}

func (s *noWork) ValidateDataResourceConfig(context.Context, *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return &tfprotov6.ValidateDataResourceConfigResponse{}, nil
}

func (s *noWork) ReadDataSource(_ context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return &tfprotov6.ReadDataSourceResponse{State: req.Config}, nil
}

// reshape changes a block's schema in place to the shape named.
func reshape(block *tfprotov6.SchemaBlock, shape string) {
	switch shape {
	case "attributes":
		for _, nested := range block.BlockTypes {
			block.Attributes = append(block.Attributes, &tfprotov6.SchemaAttribute{
				Name: nested.TypeName, Optional: true, NestedType: asObject(nested.Block),
			})
		}
		block.BlockTypes = nil
	case "lists":
		for _, a := range block.Attributes {
			if set, ok := a.Type.(tftypes.Set); ok {
				a.Type = tftypes.List{ElementType: set.ElementType}
			}
		}
		for _, nested := range block.BlockTypes {
			if nested.Nesting == tfprotov6.SchemaNestedBlockNestingModeSet {
				nested.Nesting = tfprotov6.SchemaNestedBlockNestingModeList
			}
			reshape(nested.Block, shape)
		}
	}
}

// asObject is a block's content as a list of objects, its nested blocks
// nested attributes in turn.
func asObject(block *tfprotov6.SchemaBlock) *tfprotov6.SchemaObject {
	object := &tfprotov6.SchemaObject{Nesting: tfprotov6.SchemaObjectNestingModeList, Attributes: block.Attributes}
	for _, nested := range block.BlockTypes {
		object.Attributes = append(object.Attributes, &tfprotov6.SchemaAttribute{Name: nested.TypeName, Optional: true, NestedType: asObject(nested.Block)})
	}
	return object
}
