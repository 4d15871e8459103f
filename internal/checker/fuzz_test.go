package checker

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// FuzzDocument parses arbitrary policy JSON as connect_policy_analysis and
// the source and override documents of connect_policy_document do. A policy
// that parses must re-serialise to JSON that parses to the same policy, and
// the checker must give well-formed findings on it.
func FuzzDocument(f *testing.F) {
	f.Add([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}}`))
	f.Add([]byte(statementPolicy(`{"Sid": "A", "Effect": "Allow", "Action": ["connect:Describe*", "connect:DescribeUsr"], "Resource": "`+queue+`",
		"Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}, "Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"aws:MultiFactorAuthAge": 1}}}`,
		`{"Effect": "Deny", "NotAction": "s3:*", "NotResource": ["arn:aws:connect:*:*:instance/${aws:userid}"], "Principal": {"AWS": ["1", "2"]}}`)))
	f.Add([]byte(`{"Statement": [}`))
	f.Add([]byte(`{"Statement":[{"Sid":"a<b>&\u0001","Condition":{"Null":{"k":["true",false]}}}]}`))
	c := catalogtest.Load(f, catalog.Latest)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := policy.Parse(data)
		if err != nil {
			var parseErr *policy.ParseError
			if !errors.As(err, &parseErr) || parseErr.Line < 1 || parseErr.Column < 1 {
				t.Fatalf("error %v is not a ParseError with a position", err)
			}
			return
		}
		canonical := doc.JSON()
		for _, text := range []string{canonical, doc.MinifiedJSON()} {
			again, err := policy.Parse([]byte(text))
			if err != nil {
				t.Fatalf("canonical JSON does not parse: %v\n%s", err, text)
			}
			if again.JSON() != canonical {
				t.Fatalf("round trip changed the policy:\n%s\n%s", canonical, again.JSON())
			}
		}
		if policy.Size(canonical) != policy.Size(doc.MinifiedJSON()) {
			t.Fatal("indented and minified JSON differ in size")
		}

		findings := New(c).Document(doc, policy.Size(string(data)), "")
		sorted := slices.Clone(findings)
		Sort(sorted)
		if !slices.EqualFunc(findings, sorted, func(a, b Finding) bool { return reflect.DeepEqual(a, b) }) {
			t.Fatal("findings are not sorted")
		}
		for _, finding := range findings {
			if !slices.Contains(Codes, finding.Code) || finding.Severity.Rank() > 2 || finding.Message == "" ||
				finding.Statement < -1 || finding.Statement >= len(doc.Statements) ||
				finding.Condition >= 0 && finding.Statement >= 0 && finding.Condition >= len(doc.Statements[finding.Statement].Conditions) {
				t.Fatalf("malformed finding %+v", finding)
			}
			if !strings.HasSuffix(finding.Message, ".") && !strings.HasSuffix(finding.Message, "?") {
				t.Fatalf("message %q is not a sentence", finding.Message)
			}
		}
	})
}
