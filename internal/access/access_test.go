package access

import (
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

const instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

func of(t *testing.T, statements ...string) (*catalog.Catalog, *Access) {
	t.Helper()
	c := catalogtest.Load(t, catalog.Latest)
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [` + strings.Join(statements, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	return c, Of(c, doc)
}

func action(t *testing.T, c *catalog.Catalog, name string) *catalog.Action {
	t.Helper()
	a, ok := c.Action(name)
	if !ok {
		t.Fatalf("no action %s", name)
	}
	return a
}

func TestAllows(t *testing.T) {
	tests := []struct {
		name       string
		statements []string
		action     string
		want       bool
	}{
		{"a name", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`}, "DeleteUser", true},
		{"a pattern", []string{`{"Effect": "Allow", "Action": "connect:Delete*", "Resource": "*"}`}, "DeleteUser", true},
		{"every action", []string{`{"Effect": "Allow", "Action": "*", "Resource": "*"}`}, "DeleteUser", true},
		{"NotAction", []string{`{"Effect": "Allow", "NotAction": "connect:Describe*", "Resource": "*"}`}, "DeleteUser", true},
		{"NotAction that leaves it out", []string{`{"Effect": "Allow", "NotAction": "connect:Delete*", "Resource": "*"}`}, "DeleteUser", false},
		{"a resource it cannot act on", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/queue/*"}`}, "DeleteUser", false},
		{"denied everywhere", []string{`{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}`, `{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "*"}`}, "DeleteUser", false},
		{"denied by NotAction", []string{`{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}`, `{"Effect": "Deny", "NotAction": "connect:Describe*", "Resource": "*"}`}, "DeleteUser", false},
		{"denied on the same resources", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/u1"}`,
			`{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/*"}`}, "DeleteUser", false},
		{"denied on other resources", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/*"}`,
			`{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/u1"}`}, "DeleteUser", true},
		{"a Deny under a condition may not apply", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}`}, "DeleteUser", true},
		{"a Deny of every resource but some", []string{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "connect:DeleteUser", "NotResource": "` + instance + `/agent/admin"}`}, "DeleteUser", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, a := of(t, tt.statements...)
			if got := a.Allows(action(t, c, tt.action)); got != tt.want {
				t.Errorf("Allows(%s) = %v, want %v; grants %+v", tt.action, got, tt.want, a.Grants(action(t, c, tt.action)))
			}
		})
	}
}

func TestNarrowed(t *testing.T) {
	tests := []struct {
		statement string
		want      bool
	}{
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`, false},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "arn:aws:connect:us-east-1:123456789012:instance/*/agent/*"}`, false},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "arn:aws:connect:us-east-1:*:instance/abc/agent/*"}`, false},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/*"}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*", "Condition": {"StringEquals": {"connect:InstanceId": "abc"}}}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*", "Condition": {"StringNotEquals": {"aws:ResourceTag/team": "a"}}}`, false},
		{`{"Effect": "Allow", "Action": "connect:ClaimPhoneNumber", "Resource": "arn:aws:connect:us-east-1:123456789012:phone-number/*"}`, false},
	}
	for _, tt := range tests {
		c, a := of(t, tt.statement)
		name := "DeleteUser"
		if strings.Contains(tt.statement, "ClaimPhoneNumber") {
			name = "ClaimPhoneNumber"
		}
		if got := a.Narrowed(action(t, c, name)); got != tt.want {
			t.Errorf("%s: Narrowed = %v, want %v", tt.statement, got, tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	_, base := of(t, `{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "`+instance+`/agent/*"}`)
	tests := []struct {
		statement string
		want      bool
	}{
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/*"}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/u1"}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "` + instance + `/agent/u1", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}`, true},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`, false},
		{`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "arn:aws:connect:us-east-1:123456789012:instance/def/agent/*"}`, false},
	}
	for _, tt := range tests {
		c, a := of(t, tt.statement)
		if got := a.Within(action(t, c, "DeleteUser"), base); got != tt.want {
			t.Errorf("%s: Within = %v, want %v", tt.statement, got, tt.want)
		}
	}
	// Under a condition, the base covers only the same condition.
	_, conditional := of(t, `{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}`)
	c, plain := of(t, `{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`)
	if plain.Within(action(t, c, "DeleteUser"), conditional) {
		t.Error("an unconditional grant is within a conditional one")
	}
	// One statement on two resources is within two statements on one each.
	_, split := of(t, `{"Effect": "Allow", "Action": "connect:StartTaskContact", "Resource": "`+instance+`/contact/*"},
		{"Effect": "Allow", "Action": "connect:StartTaskContact", "Resource": "`+instance+`/contact-flow/*"}`)
	c, joined := of(t, `{"Effect": "Allow", "Action": "connect:StartTaskContact", "Resource": ["`+instance+`/contact/*", "`+instance+`/contact-flow/*"]}`)
	if !joined.Within(action(t, c, "StartTaskContact"), split) {
		t.Error("one statement on two resources is not within a statement on each")
	}
}

func TestCovers(t *testing.T) {
	tests := []struct {
		p, q string
		want bool
	}{
		{"*", instance, true},
		{instance, "*", false},
		{instance + "/*", instance + "/agent/u1", true},
		{instance + "/agent/*", instance + "/queue/*", false},
		{instance + "/a*", instance + "/agent/*", true},
		{"arn:aws:connect:*:*:instance/*", instance + "/agent/u1", false}, // a wildcard before the end: not decided, so no
	}
	for _, tt := range tests {
		if got := Covers(tt.p, tt.q); got != tt.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tt.p, tt.q, got, tt.want)
		}
	}
}

// The two views of what a policy allows disagree where a Deny surely
// applies: by name, an action an Allow names is allowed; effectively, not.
func TestByName(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [` + strings.Join([]string{
		`{"Effect": "Allow", "Action": ["connect:Describe*", "connect:Nothing*", "connect:DescribeUsr"], "Resource": "*"}`,
		`{"Effect": "Deny", "NotAction": ["connect:Describe*", "connect:Get*", "connect:List*", "connect:Update*", "connect:Create*", "connect:Start*", "connect:Stop*", "connect:Suspend*", "connect:Resume*", "connect:Tag*", "connect:Untag*", "connect:Associate*", "connect:Disassociate*", "connect:Modify*"], "Resource": "*"}`,
	}, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := ByName(c, doc)
	if len(s.Allowed) != 6 || s.Allowed[0] != "connect:DescribeContactFlow" {
		t.Errorf("allowed = %v", s.Allowed)
	}
	if want := []string{"connect:DeleteUser", "connect:DestroyInstance"}; !slices.Equal(s.Denied, want) {
		t.Errorf("denied = %v, want %v", s.Denied, want)
	}
	if want := []string{"connect:DescribeUsr", "connect:Nothing*"}; !slices.Equal(s.Unknown, want) {
		t.Errorf("unknown = %v, want %v", s.Unknown, want)
	}
	if len(s.AllowedByLevel[catalog.AccessRead]) != 6 || len(s.AllowedByLevel[catalog.AccessWrite]) != 0 || s.AllowedByLevel[catalog.AccessTagging] == nil {
		t.Errorf("by level = %v", s.AllowedByLevel)
	}
}

func TestTheTwoViewsDisagreeOnADeny(t *testing.T) {
	c := catalogtest.Latest(t)
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": ["connect:DescribeUser", "connect:DeleteUser"], "Resource": "*"},
		{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "*"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	deleteUser, _ := c.Action("DeleteUser")
	if named := ByName(c, doc); !slices.Contains(named.Allowed, "connect:DeleteUser") {
		t.Errorf("by name, DeleteUser is not allowed: %v", named.Allowed)
	}
	if Of(c, doc).Allows(deleteUser) {
		t.Error("effectively, DeleteUser is allowed despite the Deny")
	}
}

func TestLatestAllowedActionsOfConnectStar(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	doc, _ := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}`))
	summary := ByName(c, doc)
	if len(summary.Allowed) != 387 {
		t.Errorf("connect:* allows %d actions, want every one of the 387", len(summary.Allowed))
	}
	if len(summary.AllowedByLevel[catalog.AccessWrite]) != 235 || len(summary.AllowedByLevel[catalog.AccessTagging]) != 2 {
		t.Errorf("Write = %d (want 235, tagging included), Tagging = %d (want 2)",
			len(summary.AllowedByLevel[catalog.AccessWrite]), len(summary.AllowedByLevel[catalog.AccessTagging]))
	}
}

// By name, a pattern with a family prefix adds that service's actions,
// sorted among Connect's by full name; "*" expands to Connect's only, as it
// did before the family was modelled; a family pattern that matches
// nothing is unknown.
func TestByNameOfTheFamily(t *testing.T) {
	c := catalogtest.Latest(t)
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": ["connect:DescribeQueue", "profile:SearchProfiles", "app-integrations:GetApplication", "profile:Serch*"], "Resource": "*"},
		{"Effect": "Deny", "Action": "cases:DeleteDomain", "Resource": "*"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	named := ByName(c, doc)
	if want := []string{"app-integrations:GetApplication", "connect:DescribeQueue", "profile:SearchProfiles"}; !slices.Equal(named.Allowed, want) {
		t.Errorf("allowed = %v, want %v", named.Allowed, want)
	}
	if want := []string{"cases:DeleteDomain"}; !slices.Equal(named.Denied, want) {
		t.Errorf("denied = %v, want %v", named.Denied, want)
	}
	if want := []string{"profile:Serch*"}; !slices.Equal(named.Unknown, want) {
		t.Errorf("unknown = %v, want %v", named.Unknown, want)
	}
	if got := named.AllowedByLevel[catalog.AccessRead]; !slices.Equal(got, []string{"app-integrations:GetApplication", "connect:DescribeQueue", "profile:SearchProfiles"}) {
		t.Errorf("Read = %v", got)
	}
	star, _ := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`))
	if got := len(ByName(c, star).Allowed); got != 387 {
		t.Errorf(`"*" allows %d actions by name, want Connect's 387`, got)
	}
}
