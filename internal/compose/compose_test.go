package compose

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

const instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

func TestComposeMergesInAwsIamPolicyDocumentOrder(t *testing.T) {
	source := `{"Version": "2012-10-17", "Statement": [{"Sid": "Keep", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"},
		{"Sid": "Replaced", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "` + instance + `"}]}`
	override := `{"Statement": [{"Sid": "Users", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "` + instance + `/agent/u1"}]}`
	result, problems := Compose(catalogtest.Latest(t), Input{
		ID:         "p1",
		Sources:    []string{source},
		Overrides:  []string{override},
		Grants:     []planner.Grant{{Actions: []string{"connect:DescribeQueue"}, Resources: []string{instance + "/queue/*"}}},
		Statements: []policy.Statement{{Sid: "Replaced", Actions: []string{"connect:ListQueues"}, Resources: []string{instance + "/queue/*"}}, {Sid: "Users", Actions: []string{"connect:ListUsers"}, Resources: []string{instance}}},
	})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	var sids []string
	for _, s := range result.Document.Statements {
		sids = append(sids, s.Sid)
	}
	// Sources first; the current statements replace a source's of the same
	// Sid in place; overrides last, replacing in place too.
	if got := strings.Join(sids, ","); got != "Keep,Replaced,ConnectReadQueue,Users" {
		t.Errorf("Sids = %s", got)
	}
	if s := result.Document.Statements[3]; s.Actions[0] != "connect:DescribeUser" {
		t.Errorf("override did not replace Users: %+v", s)
	}
	if result.Document.ID != "p1" || result.Size != policy.Size(result.Minified) || len(result.Summary.Allowed) != 4 {
		t.Errorf("result = id %q, size %d, allowed %v", result.Document.ID, result.Size, result.Summary.Allowed)
	}
}

func TestComposeProblemsSayWhere(t *testing.T) {
	grantOn := func(actions ...string) []planner.Grant {
		return []planner.Grant{{Actions: actions, Resources: []string{instance + "/queue/*"}}}
	}
	tests := []struct {
		name  string
		in    Input
		want  Problem // Severity, Part, Index, Field, FieldIndex compared
		inMsg string
	}{
		{"version", Input{Version: "2012-10-18"}, Problem{Severity: checker.SeverityError, Part: PartVersion, Index: -1, FieldIndex: -1}, `"2012-10-18" is not an IAM policy language version`},
		{"source that does not parse", Input{Sources: []string{`{}`, `{"Statement": [}`}}, Problem{Severity: checker.SeverityError, Part: PartSources, Index: 1, FieldIndex: -1}, "This policy cannot be read: line 1, column 16"},
		{"source statement", Input{Overrides: []string{`{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "connect:DescribeUsr", "Resource": "*"}]}`}},
			Problem{Severity: checker.SeverityError, Part: PartOverrides, Index: 0, FieldIndex: -1}, "Statement 0 (Sid A): connect:DescribeUsr is not a Connect action"},
		{"Sid used twice across sources", Input{Sources: []string{
			`{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "logs:Get*", "Resource": "*"}]}`,
			`{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "logs:Put*", "Resource": "*"}]}`}},
			Problem{Severity: checker.SeverityError, Part: PartSources, Index: 1, FieldIndex: -1}, `Sid "A" is used more than once across source_policy_documents (first in item 0)`},
		{"grant action", Input{Grants: grantOn("connect:DescribeQueue", "connect:DescribeUsr")},
			Problem{Severity: checker.SeverityError, Part: PartGrants, Index: 0, Field: planner.FieldActions, FieldIndex: 1}, "connect:DescribeUsr is not a Connect action"},
		{"grant condition", Input{Grants: []planner.Grant{{Actions: []string{"connect:DescribeQueue"}, Resources: []string{"*"},
			Conditions: []policy.Condition{{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"yes"}}}}}},
			Problem{Severity: checker.SeverityError, Part: PartGrants, Index: 0, Field: FieldConditions, FieldIndex: 0}, `Value "yes" of Bool on aws:SecureTransport`},
		{"grant of writes on *", Input{Grants: []planner.Grant{{Actions: []string{"connect:DeleteUser"}, Resources: []string{instance, "*"}}}},
			Problem{Severity: checker.SeverityWarning, Part: PartGrants, Index: 0, Field: planner.FieldResources, FieldIndex: 1}, `Resource "*" lets connect:DeleteUser change every resource`},
		{"statement", Input{Statements: []policy.Statement{{Actions: []string{"connect:ListQueues"}, Resources: []string{instance + "/queue/q1"}}}},
			Problem{Severity: checker.SeverityError, Part: PartStatements, Index: 0, FieldIndex: -1}, "connect:ListQueues acts on wildcard-queue"},
		{"Sid of a grant's statement", Input{Grants: grantOn("connect:DescribeQueue"),
			Statements: []policy.Statement{{Sid: "ConnectReadQueue", Actions: []string{"logs:Get*"}, Resources: []string{"*"}}}},
			Problem{Severity: checker.SeverityError, Part: PartStatements, Index: 0, FieldIndex: -1}, `Sid "ConnectReadQueue" is also the Sid of a statement the grants produce`},
		{"Sid of two statements", Input{Statements: []policy.Statement{{Sid: "A", Actions: []string{"logs:Get*"}, Resources: []string{"*"}}, {Sid: "A", Actions: []string{"logs:Put*"}, Resources: []string{"*"}}}},
			Problem{Severity: checker.SeverityError, Part: PartStatements, Index: 1, FieldIndex: -1}, `Sid "A" is already used by statement block 0`},
		{"dependent actions left out", Input{Grants: []planner.Grant{{Actions: []string{"connect:SearchQueues"}, Resources: []string{instance}}}},
			Problem{Severity: checker.SeverityWarning, Part: PartDependentActions, Index: -1, FieldIndex: -1}, "may also need connect:DescribeQueue"},
		{"size limit", Input{SizeLimit: 50, Grants: grantOn("connect:DescribeQueue")},
			Problem{Severity: checker.SeverityError, Part: PartSizeLimit, Index: -1, FieldIndex: -1}, "over the size_limit of 50"},
		{"kind's quota", Input{Kind: policy.KindUserInline, Grants: []planner.Grant{{AccessLevels: []catalog.AccessLevel{catalog.AccessRead}, Resources: []string{instance, instance + "/*"}}}},
			Problem{Severity: checker.SeverityError, Part: PartKind, Index: -1, FieldIndex: -1}, "over the 2,048 allowed for the inline policies of a user"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, problems := Compose(catalogtest.Latest(t), tt.in)
			for _, p := range problems {
				if p.Severity == tt.want.Severity && p.Part == tt.want.Part && p.Index == tt.want.Index && p.Field == tt.want.Field &&
					p.FieldIndex == tt.want.FieldIndex && strings.Contains(p.Message, tt.inMsg) {
					if p.Severity == checker.SeverityError && result != nil {
						t.Error("a result despite an error")
					}
					return
				}
			}
			t.Errorf("no problem %+v containing %q; got %+v", tt.want, tt.inMsg, problems)
		})
	}
}

func TestComposeAddsDependentActionsTransitively(t *testing.T) {
	user := instance + "/agent/u1"
	group := "arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/t1"
	result, problems := Compose(catalogtest.Latest(t), Input{DependentActions: true,
		Grants: []planner.Grant{{Actions: []string{"connect:AssociateTrafficDistributionGroupUser"}, Resources: []string{user, group}}}})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	// AssociateTrafficDistributionGroupUser needs DescribeUser and
	// SearchUsers, and SearchUsers needs ListUserProficiencies in turn: each
	// within the instance of the user, which the group (of the account)
	// does not widen.
	var got []string
	for _, s := range result.Document.Statements {
		if planner.IsDependentActionsSid(s.Sid) {
			got = append(got, s.Sid+" "+strings.Join(s.Actions, ",")+" -> "+strings.Join(s.Resources, ","))
		}
	}
	want := []string{
		"ConnectDependentActionsInstance connect:SearchUsers -> " + instance,
		"ConnectDependentActionsMultipleTypes connect:ListUserProficiencies -> " + instance + "," + instance + "/agent/*",
		"ConnectDependentActionsUser connect:DescribeUser -> " + instance + "/agent/*",
	}
	if !slices.Equal(got, want) {
		t.Errorf("dependent actions statements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A policy too large says whether minimize would make it fit, and with
// what size: Read and List on an instance and everything in it is over a
// group's inline quota, and fits minimised.
func TestComposeTooLargeSaysWhetherMinimizeFits(t *testing.T) {
	grant := planner.Grant{AccessLevels: []catalog.AccessLevel{catalog.AccessRead, catalog.AccessList}, Resources: []string{instance, instance + "/*"}}
	_, problems := Compose(catalogtest.Latest(t), Input{DependentActions: true, Grants: []planner.Grant{grant}, Kind: policy.KindGroupInline})
	found := false
	for _, p := range problems {
		if p.Part == PartKind && p.Severity == checker.SeverityError {
			found = true
			if !strings.Contains(p.Message, "With minimize = true it would be") {
				t.Errorf("message %q does not say what minimize would do", p.Message)
			}
		}
	}
	if !found {
		t.Fatalf("no size error: %+v", problems)
	}
	_, problems = Compose(catalogtest.Latest(t), Input{DependentActions: true, Grants: []planner.Grant{grant}, SizeLimit: 100})
	for _, p := range problems {
		if p.Part == PartSizeLimit && strings.Contains(p.Message, "which fits") {
			t.Errorf("minimize cannot fit 100 characters, yet: %q", p.Message)
		}
	}
}

// must_not_allow is part of the composition: an error per rule broken, on
// the rule's field.
func TestComposeMustNotAllow(t *testing.T) {
	in := Input{
		Grants:       []planner.Grant{{Actions: []string{"connect:DeleteUser", "connect:DescribeUser"}, Resources: []string{instance + "/agent/*"}}},
		MustNotAllow: []guard.Forbidden{{Actions: []string{"connect:DescribeUser"}}, {Risks: []risk.Category{risk.Destruction}}, {Actions: []string{"connect:CreateUser"}}},
	}
	result, problems := Compose(catalogtest.Latest(t), in)
	if result != nil {
		t.Error("a result despite a forbidden access")
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%d %d %s", p.Part, p.Index, p.Field))
	}
	want := []string{fmt.Sprintf("%d 0 actions", PartMustNotAllow), fmt.Sprintf("%d 1 risks", PartMustNotAllow)}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}
