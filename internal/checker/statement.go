package checker

import (
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Checker checks policies against a catalog. It caches ARN resolutions, so
// use one per policy or per request; it is not safe for concurrent use.
type Checker struct {
	catalog *catalog.Catalog
	arns    map[string]catalog.ARNResolution
}

// New returns a checker for the catalog.
func New(c *catalog.Catalog) *Checker {
	return &Checker{catalog: c, arns: map[string]catalog.ARNResolution{}}
}

func (k *Checker) resolveARN(arn string) catalog.ARNResolution {
	res, ok := k.arns[arn]
	if !ok {
		res = k.catalog.ResolveARN(arn)
		k.arns[arn] = res
	}
	return res
}

// report collects the findings of one statement.
type report struct {
	statement int
	sid       string
	findings  []Finding
}

func (r *report) add(f Finding) {
	f.Statement, f.Sid = r.statement, r.sid
	if f.Element != ElementCondition {
		f.Condition = -1
	}
	r.findings = append(r.findings, f)
}

// Statement checks one statement, the index-th of its policy.
func (k *Checker) Statement(index int, s *policy.Statement) []Finding {
	return k.statement(index, s, false)
}

// PartialStatement checks the values a statement has while others are not
// known yet, such as the ARN of a resource still to be created: what
// depends on all of them (which element is missing, which action fits which
// resource, which action supports which key) is left for later. An empty
// Sid or Effect counts as unknown.
func (k *Checker) PartialStatement(index int, s *policy.Statement) []Finding {
	return k.statement(index, s, true)
}

func (k *Checker) statement(index int, s *policy.Statement, partial bool) []Finding {
	r := &report{statement: index, sid: s.Sid}
	checkSid(r, s.Sid)
	effectOK := s.Effect != "" || !partial
	if effectOK {
		effectOK = checkEffect(r, s.Effect)
	}
	if !partial {
		checkPairs(r, s)
	}
	if s.Principals != nil || s.NotPrincipals != nil {
		element := ElementPrincipal
		if s.Principals == nil {
			element = ElementNotPrincipal
		}
		r.add(Finding{Code: CodePrincipalInIdentity, Severity: SeverityWarning, Element: element,
			Message: fmt.Sprintf("A %s names who the policy applies to, which only resource-based and trust policies may do; IAM rejects it in an identity policy, so leave it out unless this is a resource-based policy.", element)})
	}

	covered := k.checkActions(r, s.Actions, ElementAction, s.Effect == policy.Allow)
	k.checkActions(r, s.NotActions, ElementNotAction, false)
	if s.Effect == policy.Allow && s.NotActions != nil {
		r.add(Finding{Code: CodeAllowNotAction, Severity: SeverityWarning, Element: ElementNotAction,
			Message: "Allow with NotAction allows every action of every service except those listed, including actions AWS adds later; list the allowed actions in Action instead."})
	}
	resourcesOK := k.checkResources(r, s.Resources, ElementResource)
	k.checkResources(r, s.NotResources, ElementNotResource)

	if effectOK && s.Actions != nil && s.Resources != nil && resourcesOK && !partial {
		k.checkFit(r, s)
	}
	var conditionActions []*catalog.Action
	if s.Actions != nil && !partial {
		conditionActions = covered
	}
	k.conditionFindings(r, s.Effect, conditionActions, s.NotActions != nil, s.Conditions)
	return r.findings
}

func checkSid(r *report, sid string) {
	if sid == "" || isAlphanumeric(sid) {
		return
	}
	var fixed strings.Builder
	for _, c := range sid {
		if isAlphanumeric(string(c)) {
			fixed.WriteRune(c)
		}
	}
	hint := ""
	if fixed.Len() > 0 {
		hint = fmt.Sprintf(", such as %q", fixed.String())
	}
	r.add(Finding{Code: CodeInvalidSid, Severity: SeverityError, Element: ElementSid,
		Message: fmt.Sprintf("Sid %q may contain only the letters A-Z and a-z and the digits 0-9; use a Sid without other characters%s.", sid, hint)})
}

func isAlphanumeric(s string) bool {
	for _, c := range s {
		letterOrDigit := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !letterOrDigit {
			return false
		}
	}
	return true
}

func checkEffect(r *report, effect string) bool {
	switch effect {
	case policy.Allow, policy.Deny:
		return true
	case "":
		r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: ElementEffect,
			Message: `The statement has no Effect; add "Effect": "Allow" or "Effect": "Deny".`})
	default:
		r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: ElementEffect,
			Message: fmt.Sprintf(`Effect %q is not valid; it must be exactly "Allow" or "Deny".`, effect)})
	}
	return false
}

// checkPairs checks that the statement has exactly one of Action and
// NotAction, and of Resource and NotResource, and that none is empty.
func checkPairs(r *report, s *policy.Statement) {
	pairs := []struct {
		element, notElement string
		values, notValues   []string
	}{
		{ElementAction, ElementNotAction, s.Actions, s.NotActions},
		{ElementResource, ElementNotResource, s.Resources, s.NotResources},
	}
	for _, p := range pairs {
		switch {
		case p.values != nil && p.notValues != nil:
			r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: p.notElement,
				Message: fmt.Sprintf("The statement has both %s and %s; keep only one of them.", p.element, p.notElement)})
		case p.values == nil && p.notValues == nil:
			r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: p.element,
				Message: fmt.Sprintf("The statement has neither %s nor %s; add one of them.", p.element, p.notElement)})
		case p.values != nil && len(p.values) == 0:
			r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: p.element,
				Message: fmt.Sprintf("%s is empty; list at least one value.", p.element)})
		case p.notValues != nil && len(p.notValues) == 0:
			r.add(Finding{Code: CodeMalformedStatement, Severity: SeverityError, Element: p.notElement,
				Message: fmt.Sprintf("%s is empty; list at least one value.", p.notElement)})
		}
	}
}

// checkActions checks an Action or NotAction element and returns the
// catalog actions it names, sorted and without duplicates.
func (k *Checker) checkActions(r *report, actions []string, element string, allow bool) []*catalog.Action {
	var covered []*catalog.Action
	for _, action := range actions {
		if action == "*" {
			if allow {
				r.add(Finding{Code: CodeAllowAllActions, Severity: SeverityWarning, Element: element, Action: action,
					Message: `Action "*" allows every action of every service; list the Connect actions needed, or select them with a grant.`})
			}
			covered = append(covered, k.catalog.Actions()...)
			continue
		}
		service, name, ok := catalog.SplitAction(action)
		if !ok || service == "" || name == "" {
			r.add(Finding{Code: CodeMalformedAction, Severity: SeverityError, Element: element, Action: action,
				Message: fmt.Sprintf("%q is not of the form service:Action, such as connect:DescribeUser.", action)})
			continue
		}
		if !catalog.CoversService(action) {
			continue // another service's action: not ours to judge
		}
		matched, problem := k.catalog.Resolve(action)
		switch {
		case problem != "" && !strings.EqualFold(service, catalog.ServicePrefix):
			// A service pattern such as "*:Get*" that no Connect action fits
			// may still match other services.
		case problem != "" && catalog.HasWildcard(action):
			r.add(Finding{Code: CodeWildcardMatchesNothing, Severity: SeverityError, Element: element, Action: action, Message: problem})
		case problem != "":
			r.add(Finding{Code: CodeUnknownAction, Severity: SeverityError, Element: element, Action: action, Message: problem})
		case allow && strings.EqualFold(action, catalog.ServicePrefix+":*"):
			r.add(Finding{Code: CodeAllowAllActions, Severity: SeverityWarning, Element: element, Action: action,
				Message: "connect:* allows every Connect action, including those AWS adds later; list the actions needed, or select them with a grant."})
		}
		covered = append(covered, matched...)
	}
	slices.SortFunc(covered, func(a, b *catalog.Action) int { return strings.Compare(a.Name, b.Name) })
	return slices.Compact(covered)
}

// checkResources checks a Resource or NotResource element; ok is false when
// one of its ARNs is malformed or of no Connect type.
func (k *Checker) checkResources(r *report, resources []string, element string) bool {
	ok := true
	for _, resource := range resources {
		if resource == "*" {
			continue
		}
		res := k.resolveARN(resource)
		switch res.Kind {
		case catalog.ARNMalformed:
			ok = false
			r.add(Finding{Code: CodeMalformedARN, Severity: SeverityError, Element: element, Resource: resource,
				Message: fmt.Sprintf("%s %s.", resource, res.Problem)})
		case catalog.ARNNoType:
			ok = false
			r.add(Finding{Code: CodeUnknownResourceType, Severity: SeverityError, Element: element, Resource: resource,
				Message: fmt.Sprintf("%s is a Connect ARN of no known type: %s.", resource, res.Problem)})
		}
	}
	return ok
}

// checkFit checks that each Connect action of the statement can act on one
// of its resources: an Allow that cannot is dead weight or a mistake, a Deny
// that cannot never applies.
func (k *Checker) checkFit(r *report, s *policy.Statement) {
	allow := s.Effect == policy.Allow
	hasStar := slices.Contains(s.Resources, "*")
	var resourceLevel []string
	for _, action := range s.Actions {
		if action == "*" || !catalog.CoversService(action) {
			continue
		}
		matched, problem := k.catalog.Resolve(action)
		if problem != "" {
			continue
		}
		var fitting []*catalog.Action
		for _, a := range matched {
			if k.fits(a, s.Resources) {
				fitting = append(fitting, a)
			}
			if hasStar && !a.WildcardOnly() {
				resourceLevel = append(resourceLevel, a.FullName())
			}
		}
		if len(fitting) > 0 {
			continue
		}
		code, severity, lead := CodeActionResourceMismatch, SeverityError, ""
		if !allow {
			code, severity, lead = CodeIneffectiveDeny, SeverityWarning, "This Deny never applies: "
		}
		r.add(Finding{Code: code, Severity: severity, Element: ElementAction, Action: action,
			Message: lead + k.mismatchMessage(action, matched)})
	}
	if allow && len(resourceLevel) > 0 {
		slices.Sort(resourceLevel)
		resourceLevel = slices.Compact(resourceLevel)
		r.add(Finding{Code: CodeResourceWildcard, Severity: SeveritySuggestion, Element: ElementResource, Resource: "*",
			Message: fmt.Sprintf(`Resource "*" allows %s on every resource, though they support resource-level permission; name the ARNs they need for least privilege.`, summarize(resourceLevel, 3))})
	}
}

// fits reports whether the action can act on one of the resources.
func (k *Checker) fits(a *catalog.Action, resources []string) bool {
	for _, resource := range resources {
		if resource == "*" {
			return true
		}
		if a.WildcardOnly() {
			continue
		}
		res := k.resolveARN(resource)
		for _, t := range res.Types {
			if a.ActsOn(t) {
				return true
			}
		}
	}
	return false
}

func (k *Checker) mismatchMessage(action string, matched []*catalog.Action) string {
	if len(matched) == 1 && matched[0].WildcardOnly() {
		return fmt.Sprintf(`%s supports no resource-level permission and can only be allowed with Resource "*"; add "*" to the resources or move the action to a statement that has it.`, action)
	}
	var types []string
	for _, a := range matched {
		types = append(types, a.ResourceTypeNames()...)
	}
	slices.Sort(types)
	types = slices.Compact(types)
	subject := action + " acts on"
	if len(matched) > 1 {
		subject = fmt.Sprintf("the %d actions %s matches act on", len(matched), action)
	}
	if len(types) == 0 {
		return fmt.Sprintf(`%s no resource type and needs Resource "*"; add "*" to the resources.`, subject)
	}
	return fmt.Sprintf("%s %s, and none of the statement's resources is of those types; add an ARN of one of them or move the action to a statement whose resources fit.", subject, strings.Join(types, ", "))
}

// summarize lists up to n values and counts the rest.
func summarize(values []string, n int) string {
	if len(values) <= n {
		return joinAnd(values)
	}
	return fmt.Sprintf("%s and %d more", strings.Join(values[:n], ", "), len(values)-n)
}

func joinAnd(values []string) string {
	switch len(values) {
	case 0:
		return ""
	case 1:
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " and " + values[len(values)-1]
}
