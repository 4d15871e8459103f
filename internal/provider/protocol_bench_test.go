package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// protocolServers are the servers to compare: the framework's alone, and
// the one the provider serves, with its direct path.
var protocolServers = []struct {
	name string
	new  func() tfprotov6.ProviderServer
}{
	{"framework", providerserver.NewProtocol6(New("bench")())},
	{"served", NewServer("bench")},
}

// configuredServer is a protocol server, configured with the default
// catalog, as Terraform sees it.
func configuredServer(tb testing.TB, newServer func() tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	tb.Helper()
	ctx := context.Background()
	server := newServer()
	schema, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	typ := schema.Provider.ValueType()
	config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{"catalog": tftypes.NewValue(tftypes.String, nil)}))
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &config})
	if err != nil || len(resp.Diagnostics) > 0 {
		tb.Fatal(err, resp.Diagnostics)
	}
	return server
}

// configValue encodes a model of a data source as the configuration
// Terraform would send.
func configValue(tb testing.TB, d datasource.DataSource, model any) *tfprotov6.DynamicValue {
	tb.Helper()
	ctx := context.Background()
	var resp datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &resp)
	typ := resp.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(typ, nil)}
	if diags := state.Set(ctx, model); diags.HasError() {
		tb.Fatal(diags)
	}
	value, err := tfprotov6.NewDynamicValue(typ, state.Raw)
	if err != nil {
		tb.Fatal(err)
	}
	return &value
}

// BenchmarkPolicyDocumentProtocol is what the provider process does for one
// connect_policy_document of bench/plan-time in a plan: Terraform validates
// the configuration twice (validate and plan walks) and reads it once.
func BenchmarkPolicyDocumentProtocol(b *testing.B) {
	ctx := context.Background()
	config := configValue(b, NewPolicyDocumentDataSource(), benchModel(0))
	const typeName = "connect_policy_document"
	for _, s := range protocolServers {
		b.Run(s.name, func(b *testing.B) {
			server := configuredServer(b, s.new)
			b.ReportAllocs()
			for b.Loop() {
				for range 2 {
					resp, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: config})
					if err != nil || len(resp.Diagnostics) > 0 {
						b.Fatal(err, resp.Diagnostics)
					}
				}
				resp, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config})
				if err != nil || len(resp.Diagnostics) > 0 {
					b.Fatal(err, resp.Diagnostics)
				}
			}
		})
	}
}
