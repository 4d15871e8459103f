//go:build benchstub

package provider

// Built with -tags benchstub for bench/plan-time only: connect_policy_document
// then returns its configuration unread, which measures what Terraform and
// the plugin framework cost for the same configuration without the
// provider's own work. Release builds never set this tag.
func init() { skipPolicyDocumentWork = true }
