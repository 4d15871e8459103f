// Package provider is the Terraform layer of the provider: its schema, data
// sources and functions, converting between Terraform values and the pure
// catalog, policy, planner and checker packages.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// RegistryAddress is the provider's source address.
const RegistryAddress = "registry.terraform.io/connect-iam/connect"

var (
	_ provider.Provider              = (*connectProvider)(nil)
	_ provider.ProviderWithFunctions = (*connectProvider)(nil)
)

type connectProvider struct {
	version string
}

// New returns a constructor of the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &connectProvider{version: version}
	}
}

func (p *connectProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "connect"
	resp.Version = p.version
}

func (p *connectProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Builds and checks least-privilege IAM policies for Amazon Connect at plan time. " +
			"The provider embeds a catalog of Connect's IAM actions, resource types and condition keys; " +
			"it needs no AWS credentials and makes no network call, so it has no configuration.",
	}
}

func (p *connectProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *connectProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

func (p *connectProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewActionsDataSource,
		NewResourceTypesDataSource,
		NewConditionKeysDataSource,
		NewPolicyDocumentDataSource,
		NewPolicyAnalysisDataSource,
	}
}

func (p *connectProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewARNFunction,
		NewParseARNFunction,
		NewExpandActionsFunction,
		NewMinimizeActionsFunction,
	}
}
