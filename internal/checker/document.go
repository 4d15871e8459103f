package checker

import (
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Document checks a whole policy whose size, in characters without white
// space, and kind (or "" when unknown) are given: its version, every
// statement, Sids, size and the dependent actions of what it allows.
// Findings come sorted.
func (k *Checker) Document(doc *policy.Document, size int, kind policy.Kind) []Finding {
	var findings []Finding
	findings = append(findings, checkVersion(doc)...)
	for i := range doc.Statements {
		for _, f := range k.Statement(i, &doc.Statements[i]) {
			// A resource-based policy names its principals.
			if f.Code == CodePrincipalInIdentity && kind == policy.KindResourceBased {
				continue
			}
			findings = append(findings, f)
		}
	}
	for _, reuse := range policy.ReusedSids(doc.Statements) {
		findings = append(findings, Finding{Code: CodeDuplicateSid, Severity: SeverityError, Statement: reuse.Again, Sid: reuse.Sid,
			Element: ElementSid, Condition: -1,
			Message: fmt.Sprintf("Sid %q is already used by statement %d; Sids must be unique within a policy.", reuse.Sid, reuse.First)})
	}
	findings = append(findings, SizeFindings(size, kind)...)
	findings = append(findings, uncheckedServices(doc)...)
	for _, gap := range DependentActionGaps(k.catalog, doc) {
		// The reference lists these as permissions an action may also need,
		// often only in the console: a hint, not a defect.
		findings = append(findings, Finding{Code: CodeMissingDependentActions, Severity: SeveritySuggestion, Statement: gap.Statement,
			Sid: doc.Statements[gap.Statement].Sid, Element: ElementAction, Action: gap.Action, Condition: -1,
			Message: fmt.Sprintf(`%s may also need %s, which the policy does not allow; the Service Authorization Reference lists them as its dependent actions, so allow them (on "*") if its requests are denied.`, gap.Action, JoinAnd(gap.Missing))})
	}
	Sort(findings)
	return findings
}

func checkVersion(doc *policy.Document) []Finding {
	usesVariables := slices.ContainsFunc(doc.Statements, func(s policy.Statement) bool { return s.UsesPolicyVariables() })
	finding := func(code string, severity Severity, message string) []Finding {
		return []Finding{{Code: code, Severity: severity, Statement: -1, Element: ElementVersion, Condition: -1, Message: message}}
	}
	switch doc.Version {
	case policy.Version2012:
		return nil
	case "":
		return finding(CodeMissingVersion, SeverityWarning,
			`The policy has no Version, so IAM reads it as 2008-10-17, in which policy variables such as ${aws:username} are not replaced; add "Version": "2012-10-17".`)
	case policy.Version2008:
		if usesVariables {
			return finding(CodeVariablesNeedVersion, SeverityWarning,
				`The policy uses policy variables such as ${aws:username}, which Version 2008-10-17 treats as literal text; use "Version": "2012-10-17".`)
		}
		return nil
	}
	return finding(CodeInvalidVersion, SeverityError,
		fmt.Sprintf(`Version %q is not an IAM policy language version; use "2012-10-17" (or the older "2008-10-17").`, doc.Version))
}

// sizeQuotas are IAM's quotas with the code of the finding that exceeding
// each raises, largest first.
var sizeQuotas = []struct {
	kind policy.Kind
	code string
	what string
}{
	{policy.KindRoleInline, CodeSizeOverRoleInline, "the inline policies of a role"},
	{policy.KindCustomerManaged, CodeSizeOverManaged, "a customer managed policy"},
	{policy.KindGroupInline, CodeSizeOverGroupInline, "the inline policies of a group"},
	{policy.KindUserInline, CodeSizeOverUserInline, "the inline policies of a user"},
}

// SizeFindings reports what IAM's size quotas say of a policy of this size.
// Of a policy of a known kind, only that kind's quota counts, and exceeding
// it is an error; an AWS managed policy is held to none. Of a policy of
// unknown kind, being over a quota is at most a warning: a warning when it
// fits in no customer policy at all, a suggestion for each smaller quota.
func SizeFindings(size int, kind policy.Kind) []Finding {
	var findings []Finding
	for i, q := range sizeQuotas {
		limit := q.kind.Quota()
		if size <= limit || kind != "" && kind != q.kind {
			continue
		}
		f := Finding{Code: q.code, Statement: -1, Condition: -1}
		over := fmt.Sprintf("The policy is %s characters without white space, over the %s allowed for %s", thousands(size), thousands(limit), q.what)
		switch {
		case kind != "":
			f.Severity = SeverityError
			f.Message = over + "; IAM will refuse it: split it into several policies, or narrow it."
		case i == 0:
			f.Severity = SeverityWarning
			f.Message = over + `, the largest customer quota, so it fits in no policy a customer can create; split it (if AWS manages it, set policy_kind = "aws-managed").`
		default:
			f.Severity = SeveritySuggestion
			f.Message = over + fmt.Sprintf("; if it is one, split it, and set policy_kind = %q so that this is an error.", q.kind)
		}
		findings = append(findings, f)
	}
	return findings
}

// uncheckedServices says which services' actions the policy names that the
// catalog does not model (Connect's family it models in full): their prefix is a real service, and that is all
// that is checked of them. A hint, never silence taken for a check.
func uncheckedServices(doc *policy.Document) []Finding {
	// A policy of Connect's actions alone does not pay for loading the
	// lists of other services.
	if !slices.ContainsFunc(doc.Statements, func(s policy.Statement) bool {
		return slices.ContainsFunc(slices.Concat(s.Actions, s.NotActions), func(a string) bool {
			service, _, ok := catalog.SplitAction(a)
			return ok && !catalog.HasWildcard(service) && !strings.EqualFold(service, catalog.ServicePrefix)
		})
	}) {
		return nil
	}
	services, err := catalog.LoadServices()
	if err != nil {
		return nil // the action checks report the bug
	}
	named, err := catalog.LoadNamedActions()
	if err != nil {
		return nil
	}
	count := 0
	var byName, unknown []string
	for _, s := range doc.Statements {
		for _, action := range slices.Concat(s.Actions, s.NotActions) {
			service, _, ok := catalog.SplitAction(action)
			if !ok || catalog.HasWildcard(service) || strings.EqualFold(service, catalog.ServicePrefix) || catalog.Modelled(service) != nil {
				continue // modelled in full, and checked as such
			}
			svc, known := services.Lookup(service)
			if !known {
				continue
			}
			count++
			if named.Knows(svc.Prefix) {
				byName = append(byName, svc.Prefix)
			} else {
				unknown = append(unknown, svc.Prefix)
			}
		}
	}
	if count == 0 {
		return nil
	}
	byName, unknown = policy.SortedUnique(byName), policy.SortedUnique(unknown)
	serviceCount := len(byName) + len(unknown)
	what := fmt.Sprintf("%d actions of %d services", count, serviceCount)
	if count == 1 {
		what = "1 action of another service"
	} else if serviceCount == 1 {
		what = fmt.Sprintf("%d actions of another service", count)
	}
	var clauses []string
	if len(byName) > 0 {
		clauses = append(clauses, fmt.Sprintf("of %s, that each action exists is checked, not whether it fits its resources and conditions", JoinAtMost(byName, 6)))
	}
	if len(unknown) > 0 {
		clauses = append(clauses, fmt.Sprintf("of %s, only that the service exists", JoinAtMost(unknown, 6)))
	}
	return []Finding{{Code: CodeUncheckedServices, Severity: SeveritySuggestion, Statement: -1, Condition: -1,
		Message: fmt.Sprintf("The policy names %s that the catalog does not model in full: %s.", what, strings.Join(clauses, "; "))}}
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Gap is an allowed Connect action whose dependent actions the policy does
// not allow.
type Gap struct {
	Action  string
	Missing []string
	// Statement is the first Allow statement that allows the action.
	Statement int
}

// DependentActionGaps lists, by action, the dependent actions of the
// policy's allowed Connect actions that no Allow statement allows.
func DependentActionGaps(c *catalog.Catalog, doc *policy.Document) []Gap {
	var gaps []Gap
	done := map[string]bool{}
	allowed := allowIndex(doc)
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if s.Effect != policy.Allow {
			continue
		}
		for _, a := range ActionsOf(c, s) {
			if done[a.Name] || len(a.DependentActions) == 0 {
				continue
			}
			done[a.Name] = true
			var missing []string
			for _, d := range a.DependentActions {
				if !allowed.allows(d) {
					missing = append(missing, d)
				}
			}
			if len(missing) > 0 {
				gaps = append(gaps, Gap{Action: a.FullName(), Missing: missing, Statement: i})
			}
		}
	}
	slices.SortFunc(gaps, func(a, b Gap) int { return strings.Compare(a.Action, b.Action) })
	return gaps
}

// AllowedByName returns a test of whether some Allow statement of the
// policy names an action, of any service, in its Action or leaves it out of
// its NotAction; resources and conditions are not considered.
func AllowedByName(doc *policy.Document) func(action string) bool {
	return allowIndex(doc).allows
}

// MissingDependentActions is the sorted union of the gaps' missing actions.
func MissingDependentActions(gaps []Gap) []string {
	var out []string
	for _, g := range gaps {
		out = append(out, g.Missing...)
	}
	return policy.SortedUnique(out)
}

// actionIndex answers whether some Allow statement of a policy names an
// action (of any service) in its Action, or leaves it out of its
// NotAction; resources and conditions are not considered. Names without
// wildcards are looked up, in lower case as IAM compares them; patterns
// and NotAction statements are matched one by one. A composed policy names
// a hundred or more actions, and each of fifty actions has dependent
// actions to look up.
type actionIndex struct {
	names    map[string]bool
	patterns []string
	not      []*policy.Statement
}

func allowIndex(doc *policy.Document) actionIndex {
	index := actionIndex{names: map[string]bool{}}
	for i := range doc.Statements {
		s := &doc.Statements[i]
		switch {
		case s.Effect != policy.Allow:
		case s.Actions == nil:
			index.not = append(index.not, s)
		default:
			for _, a := range s.Actions {
				if catalog.HasWildcard(a) {
					index.patterns = append(index.patterns, a)
				} else {
					index.names[asciiLower(a)] = true
				}
			}
		}
	}
	return index
}

func (x actionIndex) allows(action string) bool {
	return x.names[asciiLower(action)] ||
		slices.ContainsFunc(x.patterns, func(p string) bool { return catalog.GlobMatch(p, action) }) ||
		slices.ContainsFunc(x.not, func(s *policy.Statement) bool { return names(s, action) })
}

// asciiLower lowers the letters A to Z only, as GlobMatch folds them.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// names reports whether the statement's Action names the action, or its
// NotAction leaves it out.
func names(s *policy.Statement, action string) bool {
	matches := func(patterns []string) bool {
		return slices.ContainsFunc(patterns, func(p string) bool { return catalog.GlobMatch(p, action) })
	}
	if s.Actions != nil {
		return matches(s.Actions)
	}
	return s.NotActions != nil && !matches(s.NotActions)
}

// ActionsOf returns the catalog actions a statement names, patterns and
// NotAction expanded against the catalog, in catalog order.
func ActionsOf(c *catalog.Catalog, s *policy.Statement) []*catalog.Action {
	if s.Actions == nil {
		var out []*catalog.Action
		for _, a := range c.Actions() {
			if names(s, a.FullName()) {
				out = append(out, a)
			}
		}
		return out
	}
	named := map[*catalog.Action]bool{}
	for _, pattern := range s.Actions {
		if pattern != "*" && !strings.Contains(pattern, ":") {
			continue // malformed: IAM matches no action by it
		}
		for _, a := range c.Match(pattern) {
			named[a] = true
		}
	}
	out := make([]*catalog.Action, 0, len(named))
	for _, a := range c.Actions() {
		if named[a] {
			out = append(out, a)
		}
	}
	return out
}
