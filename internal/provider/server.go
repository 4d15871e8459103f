package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/connect-iam/terraform-provider-connect/internal/directpath"
)

// directDataSources are the data sources whose configurations are large
// enough for the framework's handling of them to dominate a plan: the
// direct path serves them (see internal/directpath).
var directDataSources = []func() datasource.DataSource{
	func() datasource.DataSource { return newPolicyDocument() },
	NewPolicyAnalysisDataSource,
}

// NewServer returns the provider's protocol server: the framework's, with
// the direct path for directDataSources. The framework and the direct path
// share the one provider instance and its one Configure.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		return directpath.New(&connectProvider{version: version}, directDataSources...)
	}
}
