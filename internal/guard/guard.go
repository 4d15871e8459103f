// Package guard turns what a policy effectively allows (package access)
// into what a security reviewer needs at plan time: the risks it allows
// (package risk), whether it allows what it must not, and what a change
// newly allows against a baseline. It knows nothing of Terraform.
package guard

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// Code is the finding code of a risk category, such as
// "risk-credentials-exposure".
func Code(c risk.Category) string { return "risk-" + string(c) }

// Codes lists the risk finding codes, in category order.
var Codes = func() []string {
	out := make([]string, len(risk.Categories))
	for i, c := range risk.Categories {
		out[i] = Code(c)
	}
	return out
}()

// Risks reports the risks a policy allows: for each statement and category,
// the actions it allows there, and each combination once. Each is a warning
// when nothing limits it to named instances (resources or a condition such
// as connect:InstanceId or aws:ResourceTag), a suggestion when something
// does; a risk an unconditional Deny takes away is not reported.
func Risks(m *risk.Model, acc *access.Access) []checker.Finding {
	type key struct {
		statement int
		category  risk.Category
		service   string // a finding names one service's actions, whose remedy it gives
	}
	type group struct {
		sid      string
		actions  []*catalog.Action
		narrowed bool
	}
	wildcardOnly := func(actions []*catalog.Action) bool {
		return !slices.ContainsFunc(actions, func(a *catalog.Action) bool { return !a.WildcardOnly() })
	}
	groups := map[key]*group{}
	for _, a := range acc.Actions() {
		for _, category := range m.Categories(a) {
			for _, g := range acc.Grants(a) {
				k := key{g.Statement, category, serviceOf(a)}
				grp := groups[k]
				if grp == nil {
					grp = &group{sid: g.Sid, narrowed: true}
					groups[k] = grp
				}
				if !slices.Contains(grp.actions, a) {
					grp.actions = append(grp.actions, a)
				}
				grp.narrowed = grp.narrowed && g.Narrowed()
			}
		}
	}
	var findings []checker.Finding
	for k, grp := range groups {
		impact := k.category.Describe()
		if rules := rulesOf(m, grp.actions, k.category); len(rules) == 1 {
			impact = rules[0].Impact
		}
		severity, reach := reachOf(grp.narrowed, wildcardOnly(grp.actions), k.service)
		findings = append(findings, checker.Finding{Code: Code(k.category), Severity: severity, Statement: k.statement, Sid: grp.sid,
			Element: checker.ElementAction, Action: grp.actions[0].FullName(), Actions: catalog.FullNames(grp.actions), Condition: -1,
			Message: fmt.Sprintf("It allows %s, which %s (%s); %s.", joinActions(grp.actions), impact, k.category, reach)})
	}
	for _, combo := range m.Combinations(acc.Allows) {
		var parts []string
		narrowed := true
		first := -1
		for _, actions := range combo.Actions {
			a := actions[0]
			g := acc.Grants(a)[0]
			if first < 0 {
				first = g.Statement
			}
			narrowed = narrowed && acc.Narrowed(a)
			parts = append(parts, fmt.Sprintf("%s (statement %d)", a.FullName(), g.Statement))
		}
		severity, reach := reachOf(narrowed, false, catalog.ServicePrefix)
		findings = append(findings, checker.Finding{Code: Code(combo.Category), Severity: severity, Statement: first,
			Sid: acc.Grants(combo.Actions[0][0])[0].Sid, Element: checker.ElementAction, Action: combo.Actions[0][0].FullName(), Condition: -1,
			Message: fmt.Sprintf("With %s, a principal %s (%s); %s.", checker.JoinAnd(parts), combo.Impact, combo.Category, reach)})
	}
	checker.Sort(findings)
	return findings
}

// OneFindingPerFix gives the reviewer one finding per thing to fix: it
// leaves out of each resource-wildcard warning the actions that a risk
// warning of the same statement reports, since both ask to name the
// instance's ARNs and the risk says why. A resource-wildcard warning left
// with no action is dropped. Apply it after the ignored codes are taken
// out: ignoring a risk code then brings its actions back into
// resource-wildcard, and ignoring resource-wildcard leaves the risks as
// they are.
func OneFindingPerFix(findings []checker.Finding) []checker.Finding {
	reported := map[int]map[string]bool{} // statement -> actions a risk warning names
	for _, f := range findings {
		if f.Severity != checker.SeverityWarning || !strings.HasPrefix(f.Code, "risk-") {
			continue
		}
		if reported[f.Statement] == nil {
			reported[f.Statement] = map[string]bool{}
		}
		for _, a := range f.Actions {
			reported[f.Statement][a] = true
		}
	}
	out := make([]checker.Finding, 0, len(findings))
	for _, f := range findings {
		if f.Code != checker.CodeResourceWildcard || f.Severity != checker.SeverityWarning || len(reported[f.Statement]) == 0 {
			out = append(out, f)
			continue
		}
		left := slices.DeleteFunc(slices.Clone(f.Actions), func(a string) bool { return reported[f.Statement][a] })
		if len(left) == 0 {
			continue
		}
		if len(left) < len(f.Actions) {
			f.Actions = left
			f.Message = checker.ResourceWildcardMessage(left, "change", "every resource")
		}
		out = append(out, f)
	}
	return out
}

// reachOf is a risk's severity, and what the message says of its reach.
func reachOf(narrowed, wildcardOnly bool, service string) (checker.Severity, string) {
	switch {
	case narrowed && service == catalog.ServicePrefix:
		return checker.SeveritySuggestion, "resources or conditions limit it to named instances; check that they name only what this principal needs"
	case narrowed:
		return checker.SeveritySuggestion, "resources or conditions limit it to named " + service + " resources; check that they name only what this principal needs"
	case wildcardOnly:
		return checker.SeverityWarning, "it supports no resource-level permission, so only a condition such as aws:SourceIp or a Deny can limit it; allow it only to principals that need it"
	case service != catalog.ServicePrefix:
		// The family's resources belong to domains (or assistants,
		// campaigns, integrations), not to an instance's ARNs.
		return checker.SeverityWarning, "nothing limits it to named resources: name the ARNs of the " + service + " resources it needs, add an aws:ResourceTag condition, or deny it"
	}
	return checker.SeverityWarning, "nothing limits it to an instance: name the instance's ARNs, add a connect:InstanceId or aws:ResourceTag condition, or deny it"
}

// serviceOf is the service prefix of an action, in lower case.
func serviceOf(a *catalog.Action) string {
	service, _, _ := catalog.SplitAction(a.FullName())
	return strings.ToLower(service)
}

// rulesOf lists the rules of a category that the actions fall under.
func rulesOf(m *risk.Model, actions []*catalog.Action, category risk.Category) []*risk.Rule {
	var out []*risk.Rule
	for _, a := range actions {
		for _, r := range m.Rules(a) {
			if r.Category == category && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// ByRisk groups the allowed actions by risk category; every category has a
// list, and combinations add their actions to theirs.
func ByRisk(m *risk.Model, acc *access.Access) map[risk.Category][]string {
	out := m.ByCategory(acc.Actions())
	for _, combo := range m.Combinations(acc.Allows) {
		for _, actions := range combo.Actions {
			for _, a := range actions {
				if !slices.Contains(out[combo.Category], a.FullName()) {
					out[combo.Category] = append(out[combo.Category], a.FullName())
				}
			}
		}
		slices.Sort(out[combo.Category])
	}
	return out
}

// Forbidden is what a policy must not allow: actions (names or patterns)
// and risk categories, anywhere or, with Resources, on resources those
// patterns match.
type Forbidden struct {
	Actions   []string
	Risks     []risk.Category
	Resources []string
}

// Violation is a statement that allows what a Forbidden rule forbids.
type Violation struct {
	// Rule is the index of the rule violated.
	Rule      int
	Statement int
	Sid       string
	// Actions are the forbidden actions the statement allows, full names.
	Actions []string
	// Combination is the combination of risk, when the violation is one:
	// the actions are allowed by several statements together.
	Combination *risk.Combination
	// ByRisk reports that the rule forbids these actions by their risk
	// category only, not by name.
	ByRisk bool
}

// category is the combination's category, or "" for a single statement's
// violation, which sorts first.
func (v Violation) category() string {
	if v.Combination == nil {
		return ""
	}
	return string(v.Combination.Category)
}

// Message says what a violation is, in one sentence.
func (v Violation) Message() string {
	sid := ""
	if v.Sid != "" {
		sid = fmt.Sprintf(" (Sid %s)", v.Sid)
	}
	if v.Combination != nil {
		return fmt.Sprintf("Statement %d%s and others allow %s together, a %s risk this rule forbids: a principal %s.", v.Statement, sid, checker.JoinAnd(v.Actions), v.Combination.Category, v.Combination.Impact)
	}
	return fmt.Sprintf("Statement %d%s allows %s, which this rule forbids; remove it from the statement, narrow the statement's resources, or deny it.", v.Statement, sid, checker.JoinAtMost(v.Actions, 10))
}

// matchAction matches a rule's action name or pattern in Connect's catalog
// or, with the prefix of another service of the family, in that service's.
func matchAction(c *catalog.Catalog, name string) []*catalog.Action {
	if service, _, ok := catalog.SplitAction(name); ok {
		if fc := catalog.Modelled(service); fc != nil {
			return fc.Match(name)
		}
	}
	return c.Match(name)
}

// Violations checks the rules against what the policy allows. An Allow on
// a pattern, on NotAction or on "*" counts, as IAM would allow it; a Deny
// that surely covers it takes it away.
func Violations(c *catalog.Catalog, m *risk.Model, acc *access.Access, rules []Forbidden) []Violation {
	var out []Violation
	for i, rule := range rules {
		named, forbidden := map[*catalog.Action]bool{}, map[*catalog.Action]bool{}
		for _, name := range rule.Actions {
			for _, a := range matchAction(c, name) {
				named[a], forbidden[a] = true, true
			}
		}
		for _, a := range acc.Actions() {
			if slices.ContainsFunc(m.Categories(a), func(cat risk.Category) bool { return slices.Contains(rule.Risks, cat) }) {
				forbidden[a] = true
			}
		}
		byStatement := map[int]*Violation{}
		for _, a := range acc.Actions() {
			if !forbidden[a] {
				continue
			}
			for _, g := range acc.Grants(a) {
				if len(rule.Resources) > 0 && !g.Reaches(rule.Resources) {
					continue
				}
				v := byStatement[g.Statement]
				if v == nil {
					v = &Violation{Rule: i, Statement: g.Statement, Sid: g.Sid, ByRisk: true}
					byStatement[g.Statement] = v
				}
				v.ByRisk = v.ByRisk && !named[a]
				if !slices.Contains(v.Actions, a.FullName()) {
					v.Actions = append(v.Actions, a.FullName())
				}
			}
		}
		for _, v := range byStatement {
			out = append(out, *v)
		}
		reachesRule := func(a *catalog.Action) bool {
			return acc.Allows(a) && (len(rule.Resources) == 0 || acc.Reaches(a, rule.Resources))
		}
		for _, combo := range m.Combinations(reachesRule) {
			if !slices.Contains(rule.Risks, combo.Category) {
				continue
			}
			v := Violation{Rule: i, Combination: combo.Combination, Statement: -1, ByRisk: true}
			for _, actions := range combo.Actions {
				g := acc.Grants(actions[0])[0]
				if v.Statement < 0 {
					v.Statement, v.Sid = g.Statement, g.Sid
				}
				v.Actions = append(v.Actions, actions[0].FullName())
			}
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Statement, b.Statement), strings.Compare(a.category(), b.category()))
	})
	return out
}

// Review is what a candidate policy changes against a baseline.
type Review struct {
	// Added are the actions the candidate allows and the baseline does not;
	// Removed the other way round; Broadened those both allow, that the
	// candidate allows on more resources or under fewer conditions.
	Added, Removed, Broadened []*catalog.Action
	// NewRisks are the risks the change adds, as "category: actions":
	// actions of a category added or broadened, combinations newly filled.
	NewRisks []string
	// NewWritesEverywhere are the Write and Permissions management actions
	// the candidate newly allows on every resource.
	NewWritesEverywhere []string
}

// Empty reports whether the review found nothing.
func (r Review) Empty() bool {
	return len(r.Added)+len(r.Removed)+len(r.Broadened) == 0
}

// Compare reviews a candidate against a baseline.
func Compare(c *catalog.Catalog, m *risk.Model, baseline, candidate *access.Access) Review {
	var r Review
	for _, a := range c.Actions() {
		inBase, inCandidate := baseline.Allows(a), candidate.Allows(a)
		switch {
		case inCandidate && !inBase:
			r.Added = append(r.Added, a)
		case inBase && !inCandidate:
			r.Removed = append(r.Removed, a)
		case inBase && inCandidate && !candidate.Within(a, baseline):
			r.Broadened = append(r.Broadened, a)
		}
	}
	grew := slices.Concat(r.Added, r.Broadened)
	for _, category := range risk.Categories {
		var actions []*catalog.Action
		for _, a := range grew {
			if slices.Contains(m.Categories(a), category) {
				actions = append(actions, a)
			}
		}
		if len(actions) > 0 {
			r.NewRisks = append(r.NewRisks, fmt.Sprintf("%s: %s", category, joinActions(actions)))
		}
	}
	before := m.Combinations(baseline.Allows)
	for _, combo := range m.Combinations(candidate.Allows) {
		if !slices.ContainsFunc(before, func(b risk.CombinationMatch) bool { return b.Combination == combo.Combination }) {
			var names []string
			for _, actions := range combo.Actions {
				names = append(names, actions[0].FullName())
			}
			r.NewRisks = append(r.NewRisks, fmt.Sprintf("%s: %s together", combo.Category, strings.Join(names, " and ")))
		}
	}
	for _, a := range grew {
		if !a.HasAccessLevel(catalog.AccessWrite) && !a.HasAccessLevel(catalog.AccessPermissionsManagement) {
			continue
		}
		if slices.ContainsFunc(candidate.Grants(a), func(g access.Grant) bool { return g.Everywhere() && !g.Narrowed() }) &&
			!slices.ContainsFunc(baseline.Grants(a), func(g access.Grant) bool { return g.Everywhere() && !g.Narrowed() }) {
			r.NewWritesEverywhere = append(r.NewWritesEverywhere, a.FullName())
		}
	}
	return r
}

func joinActions(actions []*catalog.Action) string {
	return checker.JoinAtMost(catalog.FullNames(actions), 4)
}
