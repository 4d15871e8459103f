package checker

import (
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// BenchmarkDocument checks a policy of every Connect action, by name, on
// the ARNs of six types.
func BenchmarkDocument(b *testing.B) {
	c := catalogtest.Load(b, catalog.Latest)
	doc := &policy.Document{Version: policy.Version2012}
	for _, a := range c.Actions() {
		doc.Statements = append(doc.Statements, policy.Statement{
			Effect:  policy.Allow,
			Actions: []string{a.FullName()},
			Resources: []string{
				"*", queue, "arn:aws:connect:us-east-1:123456789012:instance/abc",
				"arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*",
				"arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*",
			},
			Conditions: []policy.Condition{{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}}},
		})
	}
	json := doc.MinifiedJSON()
	b.ReportAllocs()
	for b.Loop() {
		New(c).Document(doc, policy.Size(json), "")
	}
}
