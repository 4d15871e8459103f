// Package analysis is what connect_policy_analysis does, without Terraform:
// it checks a policy given as JSON against the catalog and the risk model,
// holds it to what it must not allow, reviews it against a baseline, and
// says which findings fail the plan. The data source converts its model to
// an Input and the Result and Problems back.
package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// Input is what a policy is analysed with.
type Input struct {
	// Policy is the policy as JSON.
	Policy string
	// Kind, when set, holds the policy to that kind's quota.
	Kind policy.Kind
	// Ignore lists finding codes to leave out.
	Ignore []string
	// FailOn is the least severity that fails the plan; "" for none.
	FailOn checker.Severity
	// MustNotAllow are rules the policy must not break.
	MustNotAllow []guard.Forbidden
	// Baseline, when not nil, is the policy as JSON to review the change
	// against; FailOnNewRisk fails the plan on a risk the change adds.
	Baseline      *string
	FailOnNewRisk bool
}

// Result is what the analysis found.
type Result struct {
	// Findings are sorted, without the ignored codes, one per thing to fix
	// (see guard.OneFindingPerFix).
	Findings []checker.Finding
	// Summary is what the policy allows and denies by name; ByRisk is what
	// it effectively allows (after Denies that surely apply), by risk.
	Summary access.Named
	ByRisk  map[risk.Category][]string
	// Review is the change against the baseline; nil without one.
	Review *guard.Review
	// Size is the policy's size as IAM counts it.
	Size int
	// Counts are the findings by severity.
	Counts map[checker.Severity]int
}

// Part names the part of the Input a problem is about.
type Part int

// The parts of an Input.
const (
	PartPolicy Part = iota
	PartMustNotAllow
	PartBaseline
	PartFailOnNewRisk
)

// Problem fails the plan.
type Problem struct {
	Part Part
	// Index is the must_not_allow rule at fault, and Field its field
	// ("actions" or "risks"); -1 and "" otherwise.
	Index   int
	Field   string
	Summary string
	Message string
}

// Analyze analyses the policy. The result is complete even with problems.
func Analyze(c *catalog.Catalog, m *risk.Model, in Input) (Result, []Problem) {
	result := Result{
		Size:    policy.Size(in.Policy),
		Summary: access.Named{AllowedByLevel: map[catalog.AccessLevel][]string{}},
		ByRisk:  map[risk.Category][]string{},
		Counts:  map[checker.Severity]int{},
	}
	var problems []Problem
	var findings []checker.Finding
	doc, err := policy.Parse([]byte(in.Policy))
	if err != nil {
		findings = []checker.Finding{{Code: checker.CodeMalformedPolicy, Severity: checker.SeverityError, Statement: -1, Condition: -1,
			Message: fmt.Sprintf("The policy cannot be read: %v.", err)}}
		findings = append(findings, checker.SizeFindings(result.Size, in.Kind)...)
	} else {
		acc := access.Of(c, doc)
		findings = append(checker.New(c).Document(doc, result.Size, in.Kind), guard.Risks(m, acc)...)
		checker.Sort(findings)
		result.Summary = access.ByName(c, doc)
		result.ByRisk = guard.ByRisk(m, acc)
		problems = append(problems, violations(c, m, acc, in.MustNotAllow)...)
		var reviewProblems []Problem
		result.Review, reviewProblems = review(c, m, acc, in)
		problems = append(problems, reviewProblems...)
	}
	findings = slices.DeleteFunc(findings, func(f checker.Finding) bool { return slices.Contains(in.Ignore, f.Code) })
	result.Findings = guard.OneFindingPerFix(findings)
	for _, f := range result.Findings {
		result.Counts[f.Severity]++
		if in.FailOn != "" && f.Severity.AtLeast(in.FailOn) {
			problems = append(problems, Problem{Part: PartPolicy, Index: -1, Summary: fmt.Sprintf("Policy %s: %s", f.Severity, f.Code),
				Message: f.Location() + f.Message})
		}
	}
	return result, problems
}

// violations are the problems of the must_not_allow rules a policy breaks:
// one per rule and statement, on the rule's actions or risks.
func violations(c *catalog.Catalog, m *risk.Model, acc *access.Access, rules []guard.Forbidden) []Problem {
	var problems []Problem
	for _, v := range guard.Violations(c, m, acc, rules) {
		field := "actions"
		if v.ByRisk {
			field = "risks"
		}
		problems = append(problems, Problem{Part: PartMustNotAllow, Index: v.Rule, Field: field, Summary: "Forbidden access", Message: v.Message()})
	}
	return problems
}

// review compares the policy with the baseline, if there is one, and fails
// the plan on a new risk when asked to.
func review(c *catalog.Catalog, m *risk.Model, acc *access.Access, in Input) (*guard.Review, []Problem) {
	if in.Baseline == nil {
		return nil, nil
	}
	base, err := policy.Parse([]byte(*in.Baseline))
	if err != nil {
		return nil, []Problem{{Part: PartBaseline, Index: -1, Summary: "Invalid baseline", Message: fmt.Sprintf("The baseline policy cannot be read: %v.", err)}}
	}
	r := guard.Compare(c, m, access.Of(c, base), acc)
	if !in.FailOnNewRisk || len(r.NewRisks)+len(r.NewWritesEverywhere) == 0 {
		return &r, nil
	}
	var parts []string
	if len(r.NewRisks) > 0 {
		parts = append(parts, "adds the risks "+strings.Join(r.NewRisks, "; "))
	}
	if len(r.NewWritesEverywhere) > 0 {
		parts = append(parts, "newly allows on every resource "+strings.Join(r.NewWritesEverywhere, ", "))
	}
	return &r, []Problem{{Part: PartFailOnNewRisk, Index: -1, Summary: "The change adds risk",
		Message: fmt.Sprintf("Against the baseline, the policy %s. Narrow it, or review and accept the change by updating the baseline.", strings.Join(parts, ", and "))}}
}

// Brief writes the errors and warnings among findings as "severity code
// subject", the subject being the action, condition key or resource at
// fault, or "-": the form the corpus tests compare.
func Brief(findings []checker.Finding) []string {
	var out []string
	for _, f := range findings {
		if f.Severity == checker.SeveritySuggestion {
			continue
		}
		subject := cmp.Or(f.Action, f.ConditionKey, f.Resource, "-")
		out = append(out, string(f.Severity)+" "+f.Code+" "+subject)
	}
	return out
}
