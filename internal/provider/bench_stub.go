//go:build benchstub

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// Built with -tags benchstub for bench/plan-time only: connect_policy_document
// then returns its configuration unread, which measures what Terraform and
// the plugin framework cost for the same configuration without the
// provider's own work. Release builds never set this tag.
func init() {
	newPolicyDocument = func() datasource.DataSource { return &stubPolicyDocument{} }
}

type stubPolicyDocument struct {
	policyDocumentDataSource
}

func (d *stubPolicyDocument) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	resp.State.Raw = req.Config.Raw
}
