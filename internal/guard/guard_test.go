package guard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

const instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

type fixture struct {
	c *catalog.Catalog
	m *risk.Model
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	c := catalogtest.Load(t, catalog.Latest)
	m, err := risk.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{c, m}
}

func (f fixture) access(t testing.TB, statements ...string) *access.Access {
	t.Helper()
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [` + strings.Join(statements, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	return access.Of(f.c, doc)
}

func allow(actions, resource string, condition ...string) string {
	s := `{"Effect": "Allow", "Action": ` + actions + `, "Resource": "` + resource + `"`
	if len(condition) > 0 {
		s += `, "Condition": ` + condition[0]
	}
	return s + "}"
}

const byInstance = `{"StringEquals": {"connect:InstanceId": "abc"}}`

// severities returns "code:severity" of the findings.
func severities(findings []checker.Finding) []string {
	var out []string
	for _, f := range findings {
		out = append(out, f.Code+":"+string(f.Severity))
	}
	return out
}

// Each category: triggered on every instance (a warning), lowered by a
// narrow resource or a condition (a suggestion), removed where it cannot
// apply.
func TestRiskCategories(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		category risk.Category
		action   string
		// narrow is a resource the action can act on, in one instance.
		narrow string
	}{
		{risk.CredentialsExposure, "connect:GetFederationToken", instance + "/user/${aws:userid}"},
		{risk.PrivilegeEscalation, "connect:UpdateUserSecurityProfiles", instance + "/agent/*"},
		{risk.DataExfiltration, "connect:UpdateInstanceStorageConfig", instance},
		{risk.FlowHijack, "connect:UpdateContactFlowContent", instance + "/contact-flow/*"},
		{risk.AuditEvasion, "connect:UpdateInstanceAttribute", instance},
		{risk.Destruction, "connect:DeleteInstance", instance},
		{risk.CostAndFraud, "connect:ClaimPhoneNumber", instance},
	}
	for _, tt := range tests {
		t.Run(string(tt.category), func(t *testing.T) {
			code := Code(tt.category)
			q := `"` + tt.action + `"`
			cases := []struct {
				name       string
				statements []string
				want       []string
			}{
				{"on every resource", []string{allow(q, "*")}, []string{code + ":warning"}},
				{"on every instance", []string{allow(q, "arn:aws:connect:us-east-1:123456789012:instance/*")}, []string{code + ":warning"}},
				{"on one instance", []string{allow(q, tt.narrow)}, []string{code + ":suggestion"}},
				{"under connect:InstanceId", []string{allow(q, "*", byInstance)}, []string{code + ":suggestion"}},
				{"denied", []string{allow(q, "*"), `{"Effect": "Deny", "Action": ` + q + `, "Resource": "*"}`}, nil},
				{"on resources it cannot act on", []string{allow(q, instance+"/queue/q1")}, nil},
			}
			for _, c := range cases {
				got := severities(Risks(f.m, f.access(t, c.statements...)))
				got = slices.DeleteFunc(got, func(s string) bool { return !strings.HasPrefix(s, code+":") })
				if !slices.Equal(got, c.want) {
					t.Errorf("%s: risks = %v, want %v", c.name, got, c.want)
				}
			}
		})
	}
}

// The family's risks: on every domain a warning whose remedy names the
// service's resources, on one domain a suggestion, on a Deny nothing; a
// statement of Connect and family actions gets one finding per service.
func TestFamilyRisks(t *testing.T) {
	f := newFixture(t)
	domain := "arn:aws:profile:us-east-1:123456789012:domains/d1"
	tests := []struct {
		name       string
		statements []string
		want       []string
	}{
		{"on every domain", []string{allow(`"profile:SearchProfiles"`, "*")}, []string{"risk-data-exfiltration:warning"}},
		{"on one domain", []string{allow(`"profile:SearchProfiles"`, domain)}, []string{"risk-data-exfiltration:suggestion"}},
		{"by a pattern", []string{allow(`"profile:Delete*"`, "*")}, []string{"risk-destruction:warning"}},
		{"by NotAction", []string{`{"Effect": "Allow", "NotAction": "connect:*", "Resource": "` + domain + `"}`},
			[]string{"risk-data-exfiltration:suggestion", "risk-destruction:suggestion"}},
		{"denied", []string{allow(`"profile:SearchProfiles"`, "*"), `{"Effect": "Deny", "Action": "profile:*", "Resource": "*"}`}, nil},
		{"not a risk", []string{allow(`"profile:GetDomain"`, "*")}, nil},
		{"beside Connect's", []string{allow(`["connect:GetContactAttributes", "cases:GetCase"]`, "*")},
			[]string{"risk-data-exfiltration:warning", "risk-data-exfiltration:warning"}},
	}
	for _, tt := range tests {
		findings := Risks(f.m, f.access(t, tt.statements...))
		if got := severities(findings); !slices.Equal(got, tt.want) {
			t.Errorf("%s: risks = %v, want %v", tt.name, got, tt.want)
		}
	}
	findings := Risks(f.m, f.access(t, allow(`"voiceid:DisassociateFraudster"`, "*")))
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "name the ARNs of the voiceid resources it needs") {
		t.Errorf("a family risk's remedy: %+v", findings)
	}
}

func TestRiskCombinations(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name       string
		statements []string
		want       string // a fragment of the combination's message, or ""
		severity   checker.Severity
	}{
		{"CreateUser alone", []string{allow(`"connect:CreateUser"`, "*")}, "", ""},
		{"CreateUser with UpdateSecurityProfile", []string{allow(`"connect:CreateUser"`, "*"), allow(`"connect:UpdateSecurityProfile"`, "*")},
			"With connect:CreateUser (statement 0) and connect:UpdateSecurityProfile (statement 1), a principal creates a security profile", checker.SeverityWarning},
		{"both on one instance", []string{allow(`"connect:CreateUser"`, instance+"/*"), allow(`"connect:UpdateSecurityProfile"`, instance+"/security-profile/*")},
			"a principal creates a security profile", checker.SeveritySuggestion},
		{"a flow and a Lambda function", []string{allow(`["connect:UpdateContactFlowContent", "connect:AssociateLambdaFunction"]`, "*")},
			"a principal associates a Lambda function or bot", checker.SeverityWarning},
		{"a flow alone", []string{allow(`"connect:UpdateContactFlowContent"`, "*")}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found *checker.Finding
			for _, fd := range Risks(f.m, f.access(t, tt.statements...)) {
				if strings.HasPrefix(fd.Message, "With ") {
					found = &fd
				}
			}
			switch {
			case tt.want == "" && found != nil:
				t.Errorf("a combination: %s", found.Message)
			case tt.want != "" && (found == nil || !strings.Contains(found.Message, tt.want) || found.Severity != tt.severity):
				t.Errorf("combination = %+v; want %s containing %q", found, tt.severity, tt.want)
			}
		})
	}
}

func TestByRisk(t *testing.T) {
	f := newFixture(t)
	got := ByRisk(f.m, f.access(t, allow(`["connect:GetFederationToken", "connect:CreateUser", "connect:UpdateSecurityProfile", "connect:DescribeQueue"]`, "*")))
	if !slices.Equal(got[risk.CredentialsExposure], []string{"connect:GetFederationToken"}) ||
		!slices.Equal(got[risk.PrivilegeEscalation], []string{"connect:CreateUser", "connect:UpdateSecurityProfile"}) ||
		len(got) != len(risk.Categories) || got[risk.Destruction] == nil {
		t.Errorf("ByRisk = %v", got)
	}
}

func TestViolations(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name       string
		statements []string
		rule       Forbidden
		want       []string // "statement:actions" of each violation
	}{
		{"a plain action", []string{allow(`["connect:DescribeQueue", "connect:GetFederationToken"]`, "*")},
			Forbidden{Actions: []string{"connect:GetFederationToken"}}, []string{"0:connect:GetFederationToken"}},
		{"a pattern allowed", []string{allow(`"connect:Update*"`, "*")},
			Forbidden{Actions: []string{"connect:UpdateUserSecurityProfiles"}}, []string{"0:connect:UpdateUserSecurityProfiles"}},
		{"a pattern forbidden", []string{allow(`["connect:DeleteUser", "connect:DescribeUser"]`, "*")},
			Forbidden{Actions: []string{"connect:Delete*"}}, []string{"0:connect:DeleteUser"}},
		{"NotAction", []string{`{"Effect": "Allow", "NotAction": "connect:Describe*", "Resource": "*"}`},
			Forbidden{Actions: []string{"connect:GetFederationToken"}}, []string{"0:connect:GetFederationToken"}},
		{"every action", []string{allow(`"*"`, "*")},
			Forbidden{Actions: []string{"connect:GetFederationToken"}}, []string{"0:connect:GetFederationToken"}},
		{"cancelled by a Deny", []string{allow(`"connect:*"`, "*"), `{"Effect": "Deny", "Action": "connect:GetFederationToken", "Resource": "*"}`},
			Forbidden{Actions: []string{"connect:GetFederationToken"}}, nil},
		{"a risk category", []string{allow(`["connect:GetFederationToken", "connect:AdminGetEmergencyAccessToken"]`, "*")},
			Forbidden{Risks: []risk.Category{risk.CredentialsExposure}}, []string{"0:connect:AdminGetEmergencyAccessToken,connect:GetFederationToken"}},
		{"on other resources", []string{allow(`"connect:DeleteUser"`, instance+"/agent/*")},
			Forbidden{Actions: []string{"connect:DeleteUser"}, Resources: []string{"arn:aws:connect:us-east-1:123456789012:instance/prod/*"}}, nil},
		{"on the resources", []string{allow(`"connect:DeleteUser"`, instance+"/agent/*")},
			Forbidden{Actions: []string{"connect:DeleteUser"}, Resources: []string{instance + "/*"}}, []string{"0:connect:DeleteUser"}},
		{"a combination of the category", []string{allow(`"connect:CreateUser"`, "*"), allow(`"connect:CreateSecurityProfile"`, "*")},
			Forbidden{Risks: []risk.Category{risk.PrivilegeEscalation}}, []string{"1:connect:CreateSecurityProfile", "0:connect:CreateUser,connect:CreateSecurityProfile"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range Violations(f.c, f.m, f.access(t, tt.statements...), []Forbidden{tt.rule}) {
				actions := slices.Clone(v.Actions)
				if v.Combination == nil {
					slices.Sort(actions)
				}
				got = append(got, strings.Join([]string{strconv.Itoa(v.Statement), strings.Join(actions, ",")}, ":"))
				if !strings.Contains(v.Message(), fmt.Sprintf("Statement %d", v.Statement)) || !strings.Contains(v.Message(), v.Actions[0]) {
					t.Errorf("message %q does not name the statement and the action", v.Message())
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("violations = %v, want %v", got, want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	f := newFixture(t)
	base := []string{allow(`["connect:DescribeQueue", "connect:DeleteUser"]`, instance+"/*")}
	tests := []struct {
		name      string
		candidate []string
		check     func(r Review) bool
	}{
		{"unchanged, reordered", []string{allow(`["connect:DeleteUser", "connect:DescribeQueue"]`, instance+"/*")},
			func(r Review) bool { return r.Empty() && len(r.NewRisks) == 0 }},
		{"an added Write action", []string{base[0], allow(`"connect:UpdateUserSecurityProfiles"`, "*")},
			func(r Review) bool {
				return len(r.Added) == 1 && r.Added[0].Name == "UpdateUserSecurityProfiles" &&
					slices.Equal(r.NewRisks, []string{"privilege-escalation: connect:UpdateUserSecurityProfiles"}) &&
					slices.Equal(r.NewWritesEverywhere, []string{"connect:UpdateUserSecurityProfiles"})
			}},
		{"a widened resource", []string{allow(`["connect:DescribeQueue", "connect:DeleteUser"]`, "*")},
			func(r Review) bool {
				return len(r.Added) == 0 && len(r.Broadened) == 2 && slices.Equal(r.NewRisks, []string{"destruction: connect:DeleteUser"}) &&
					slices.Equal(r.NewWritesEverywhere, []string{"connect:DeleteUser"})
			}},
		{"a removed action", []string{allow(`"connect:DescribeQueue"`, instance+"/*")},
			func(r Review) bool {
				return len(r.Removed) == 1 && r.Removed[0].Name == "DeleteUser" && len(r.Added)+len(r.Broadened) == 0
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := Compare(f.c, f.m, f.access(t, base...), f.access(t, tt.candidate...)); !tt.check(r) {
				t.Errorf("review = %+v", describe(r))
			}
		})
	}
}

func describe(r Review) map[string][]string {
	return map[string][]string{
		"added": catalog.FullNames(r.Added), "removed": catalog.FullNames(r.Removed), "broadened": catalog.FullNames(r.Broadened),
		"risks": r.NewRisks, "writes": r.NewWritesEverywhere,
	}
}

// An action on "*" that is also a risk gets the risk warning only: both
// ask for the instance's ARNs, and the risk says why. Ignoring the risk
// code brings the action back into resource-wildcard; ignoring
// resource-wildcard leaves the risk.
func TestOneFindingPerFix(t *testing.T) {
	f := newFixture(t)
	text := `{"Version": "2012-10-17", "Statement": [` + allow(`["connect:CreateContactFlow", "connect:StartTaskContact"]`, "*") + `,` +
		allow(`["connect:CreateContactFlow"]`, "*") + `]}`
	doc, err := policy.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	all := append(checker.New(f.c).Document(doc, policy.Size(text), ""), Risks(f.m, access.Of(f.c, doc))...)
	describe := func(findings []checker.Finding) []string {
		var out []string
		for _, x := range findings {
			if x.Severity == checker.SeverityWarning {
				out = append(out, fmt.Sprintf("%d %s %s", x.Statement, x.Code, strings.Join(x.Actions, ",")))
			}
		}
		slices.Sort(out)
		return out
	}
	without := func(code string) []checker.Finding {
		return slices.DeleteFunc(slices.Clone(all), func(x checker.Finding) bool { return x.Code == code })
	}
	tests := []struct {
		name     string
		findings []checker.Finding
		want     []string
	}{
		{"both codes reported", all, []string{
			"0 resource-wildcard connect:StartTaskContact",
			"0 risk-flow-hijack connect:CreateContactFlow",
			"1 risk-flow-hijack connect:CreateContactFlow",
		}},
		{"the risk ignored", without("risk-flow-hijack"), []string{
			"0 resource-wildcard connect:CreateContactFlow,connect:StartTaskContact",
			"1 resource-wildcard connect:CreateContactFlow",
		}},
		{"resource-wildcard ignored", without(checker.CodeResourceWildcard), []string{
			"0 risk-flow-hijack connect:CreateContactFlow",
			"1 risk-flow-hijack connect:CreateContactFlow",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OneFindingPerFix(tt.findings)
			if !slices.Equal(describe(got), tt.want) {
				t.Errorf("warnings = %q, want %q", describe(got), tt.want)
			}
			for _, x := range got {
				if x.Code == checker.CodeResourceWildcard && x.Statement == 0 && len(x.Actions) == 1 && strings.Contains(x.Message, "CreateContactFlow") {
					t.Errorf("message still names the risk's action: %s", x.Message)
				}
			}
		})
	}
}
