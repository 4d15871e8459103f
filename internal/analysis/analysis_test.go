package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

const deleteUsers = `{"Version": "2012-10-17", "Statement": [{"Sid": "Cleanup", "Effect": "Allow", "Action": ["connect:DescribeUser", "connect:DeleteUser"], "Resource": "*"}]}`

func TestAnalyze(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	m, err := risk.For(c)
	if err != nil {
		t.Fatal(err)
	}
	narrow := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}]}`
	broken := "{"
	tests := []struct {
		name string
		in   Input
		// problems are "part index field summary" of each problem.
		problems []string
		message  string // a part of the first problem's message
	}{
		{"findings fail the plan at fail_on", Input{Policy: deleteUsers, FailOn: checker.SeverityWarning},
			[]string{"0 -1  Policy warning: risk-destruction"}, "Statement 0 (Sid Cleanup): It allows connect:DeleteUser"},
		{"not without fail_on", Input{Policy: deleteUsers}, nil, ""},
		{"ignored codes fail nothing", Input{Policy: deleteUsers, FailOn: checker.SeverityWarning, Ignore: []string{"risk-destruction", "resource-wildcard"}}, nil, ""},
		{"must_not_allow by action and by risk", Input{Policy: deleteUsers, MustNotAllow: []guard.Forbidden{
			{Actions: []string{"connect:Describe*"}}, {Risks: []risk.Category{risk.Destruction}}}},
			[]string{"1 0 actions Forbidden access", "1 1 risks Forbidden access"}, "connect:DescribeUser"},
		{"a baseline that does not parse", Input{Policy: narrow, Baseline: &broken},
			[]string{"2 -1  Invalid baseline"}, "The baseline policy cannot be read"},
		{"a new risk against the baseline", Input{Policy: deleteUsers, Baseline: &narrow, FailOnNewRisk: true},
			[]string{"3 -1  The change adds risk"}, "adds the risks destruction"},
		{"a policy that does not parse is an error finding", Input{Policy: broken, FailOn: checker.SeverityError},
			[]string{"0 -1  Policy error: malformed-policy"}, "The policy cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Analyze(c, m, tt.in)
			var got []string
			for _, p := range problems {
				got = append(got, fmt.Sprintf("%d %d %s %s", p.Part, p.Index, p.Field, p.Summary))
			}
			if strings.Join(got, "; ") != strings.Join(tt.problems, "; ") {
				t.Fatalf("problems = %q, want %q", got, tt.problems)
			}
			if tt.message != "" && !strings.Contains(problems[0].Message, tt.message) {
				t.Errorf("message %q lacks %q", problems[0].Message, tt.message)
			}
		})
	}
}
