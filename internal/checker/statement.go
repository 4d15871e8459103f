package checker

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Checker checks policies against a catalog. It is safe for concurrent use.
type Checker struct {
	catalog *catalog.Catalog
}

// New returns a checker for the catalog.
func New(c *catalog.Catalog) *Checker {
	return &Checker{catalog: c}
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
	r := &report{statement: index, sid: s.Sid}
	checkSid(r, s.Sid)
	effectOK := checkEffect(r, s.Effect)
	checkPairs(r, s)
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
	resources := k.checkResources(r, s.Resources, ElementResource)
	k.checkResources(r, s.NotResources, ElementNotResource)

	if effectOK && s.Actions != nil && len(s.Resources) > 0 {
		k.checkFit(r, s, resources, len(resources) < len(s.Resources))
		k.familyActions(r, s, resources, len(resources) < len(s.Resources))
	}
	var conditionActions []*catalog.Action
	if s.Actions != nil {
		conditionActions = covered
	}
	k.conditionFindings(r, s.Effect, conditionActions, k.byPatternOnly(s.Actions), s.NotActions != nil, s.Conditions)
	return r.findings
}

// byPatternOnly marks the catalog actions that only patterns of the list
// select, none of its plain names.
func (k *Checker) byPatternOnly(actions []string) map[*catalog.Action]bool {
	byPattern := map[*catalog.Action]bool{}
	named := map[*catalog.Action]bool{}
	for _, action := range actions {
		if !catalog.CoversService(action) && action != "*" {
			continue
		}
		for _, a := range k.catalog.Match(action) {
			if catalog.HasWildcard(action) {
				byPattern[a] = true
			} else {
				named[a] = true
			}
		}
	}
	for a := range named {
		delete(byPattern, a)
	}
	return byPattern
}

// SidProblem says why a Sid is invalid, or returns "".
func SidProblem(sid string) string {
	r := &report{}
	checkSid(r, sid)
	if len(r.findings) == 0 {
		return ""
	}
	return r.findings[0].Message
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
		matched, finding, ok := k.action(action, element, allow)
		if ok {
			r.add(finding)
		}
		covered = append(covered, matched...)
	}
	slices.SortFunc(covered, func(a, b *catalog.Action) int { return strings.Compare(a.Name, b.Name) })
	return slices.Compact(covered)
}

// ActionFinding checks one value of an Action (allow says the statement is
// an Allow) or NotAction element on its own, as a statement would.
func (k *Checker) ActionFinding(action, element string, allow bool) (Finding, bool) {
	_, f, ok := k.action(action, element, allow)
	return f, ok
}

// action checks one value of an Action or NotAction element and returns
// the catalog actions it names.
func (k *Checker) action(action, element string, allow bool) ([]*catalog.Action, Finding, bool) {
	finding := func(code string, severity Severity, message string) Finding {
		return Finding{Code: code, Severity: severity, Element: element, Action: action, Condition: -1, Message: message}
	}
	if action == "*" {
		f := finding(CodeAllowAllActions, SeverityWarning, `Action "*" allows every action of every service; list the Connect actions needed, or select them with a grant.`)
		return k.catalog.Actions(), f, allow
	}
	service, name, ok := catalog.SplitAction(action)
	if !ok || service == "" || name == "" {
		return nil, finding(CodeMalformedAction, SeverityError, fmt.Sprintf("%q is not of the form service:Action, such as connect:DescribeUser.", action)), true
	}
	if problem := actionShapeProblem(action, service, name); problem != "" {
		return nil, finding(CodeMalformedAction, SeverityError, problem), true
	}
	if !catalog.CoversService(action) {
		// Another service's action: whether it exists is not ours to
		// judge, but whether its service does is.
		if f, unknown := k.unknownService(action, service, name, element); unknown {
			return nil, f, true
		}
		if f, unknown := k.unknownNamedAction(action, service, name, element); unknown {
			return nil, f, true
		}
		return nil, Finding{}, false
	}
	matched, problem := k.catalog.Resolve(action)
	switch {
	case problem != "" && !strings.EqualFold(service, catalog.ServicePrefix):
		// A service pattern such as "*:Get*" that no Connect action fits
		// may still match other services.
	case problem != "" && catalog.HasWildcard(action):
		return nil, finding(CodeWildcardMatchesNothing, SeverityError, problem), true
	case problem != "":
		return nil, finding(CodeUnknownAction, SeverityError, problem), true
	case allow && strings.EqualFold(action, catalog.ServicePrefix+":*"):
		return matched, finding(CodeAllowAllActions, SeverityWarning,
			"connect:* allows every Connect action, including those AWS adds later; list the actions needed, or select them with a grant."), true
	}
	return matched, Finding{}, false
}

// actionShapeProblem says why a string cannot be an action of any service,
// or returns "": IAM matches no action by it, so whatever it was meant to
// allow or deny, it does not.
func actionShapeProblem(action, service, name string) string {
	switch {
	case strings.IndexFunc(action, unicode.IsSpace) >= 0:
		return fmt.Sprintf("%q has white space in it, so it names no action; write %q.", action, strings.Join(strings.Fields(action), ""))
	case strings.Contains(name, ":"):
		return fmt.Sprintf("%q has more than one colon, so it names no action; write %q.", action, service+":"+strings.TrimLeft(name, ":"))
	case strings.IndexFunc(service, func(r rune) bool { return !isServiceRune(r) }) >= 0,
		strings.IndexFunc(name, func(r rune) bool { return !isNameRune(r) }) >= 0:
		return fmt.Sprintf("%q has a character that no action has; an action is service:Name, of letters, digits and hyphens (in the service), with * and ? as wildcards.", action)
	}
	return ""
}

func isServiceRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '*' || r == '?'
}

func isNameRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '*' || r == '?'
}

// unknownService reports an action whose service prefix is no AWS service.
// With a prefix it probably meant (cases for connectcases, the service a
// misspelling is an edit or two from) it is an error; a prefix near none
// may be of a service AWS retired long ago or added after the catalog,
// which AWS managed policies show happens, so it is a suggestion.
func (k *Checker) unknownService(action, service, name, element string) (Finding, bool) {
	if catalog.HasWildcard(service) {
		return Finding{}, false
	}
	services, err := catalog.LoadServices()
	if err != nil {
		return Finding{Code: CodeUnknownService, Severity: SeverityError, Element: element, Action: action, Condition: -1,
			Message: fmt.Sprintf("The embedded list of AWS services is invalid: %v. This is a bug in the provider.", err)}, true
	}
	if _, ok := services.Lookup(service); ok {
		return Finding{}, false
	}
	if suggestion := services.Suggest(service); suggestion != "" {
		return Finding{Code: CodeUnknownService, Severity: SeverityError, Element: element, Action: action, Condition: -1,
			Message: fmt.Sprintf("%q is not the prefix of any AWS service (did you mean %s:%s?), so %s names no action.", service, suggestion, name, action)}, true
	}
	return Finding{Code: CodeUnknownService, Severity: SeveritySuggestion, Element: element, Action: action, Condition: -1,
		Message: fmt.Sprintf("%q is the prefix of no service that the reference of %s lists, nor of one it listed before: if it is not a service AWS added since, %s names no action.",
			service, services.Sources[0].DataDate, action)}, true
}

// unknownNamedAction reports an action of a service the catalog knows by
// name that names or matches none of its actions, with the nearest name of
// that service, or the Connect action of that name.
func (k *Checker) unknownNamedAction(action, service, name, element string) (Finding, bool) {
	named, err := catalog.LoadNamedActions()
	if err != nil || !named.Knows(service) || len(named.Match(service, name)) > 0 {
		return Finding{}, false
	}
	if d, ok := catalog.DocumentedActionNamed(action); ok {
		// AWS's own examples use it: newer than the reference, probably.
		// A suggestion, so that AWS's example does not fail the plan.
		return Finding{Code: CodeUnknownAction, Severity: SeveritySuggestion, Element: element, Action: action, Condition: -1,
			Message: fmt.Sprintf("%s is not in the reference of %s, but AWS's documentation uses it (%s): it is probably newer than the reference; the catalog's next update will tell.",
				action, named.Source.DataDate, d.Source)}, true
	}
	hint := "."
	if suggestions := named.Suggest(service, name); len(suggestions) > 0 {
		for i, s := range suggestions {
			suggestions[i] = strings.ToLower(service) + ":" + s
		}
		hint = fmt.Sprintf("; did you mean %s?", strings.Join(suggestions, " or "))
	} else if a, ok := k.catalog.Action(name); ok && !catalog.HasWildcard(name) {
		hint = fmt.Sprintf("; did you mean %s?", a.FullName())
	}
	if catalog.HasWildcard(name) {
		return Finding{Code: CodeWildcardMatchesNothing, Severity: SeverityError, Element: element, Action: action, Condition: -1,
			Message: fmt.Sprintf("%s matches no action of %s (%d actions, reference of %s)%s", action, strings.ToLower(service), named.Count(service), named.Source.DataDate, hint)}, true
	}
	return Finding{Code: CodeUnknownAction, Severity: SeverityError, Element: element, Action: action, Condition: -1,
		Message: fmt.Sprintf("%s is not an action of %s (reference of %s)%s", action, strings.ToLower(service), named.Source.DataDate, hint)}, true
}

// checkResources checks a Resource or NotResource element and returns the
// resources that are well-formed ARNs of known types, or "*".
func (k *Checker) checkResources(r *report, resources []string, element string) []string {
	var good []string
	for _, resource := range resources {
		if f, found := k.ResourceFinding(resource, element); found {
			r.add(f)
			continue
		}
		good = append(good, resource)
	}
	return good
}

// ResourceFinding checks one value of a Resource or NotResource element on
// its own: a malformed ARN, or a Connect ARN of no known type.
func (k *Checker) ResourceFinding(resource, element string) (Finding, bool) {
	if resource == "*" {
		return Finding{}, false
	}
	res := k.catalog.ResolveARN(resource)
	if res.Kind == catalog.ARNOtherService {
		return familyResourceFinding(resource, element)
	}
	switch res.Kind {
	case catalog.ARNMalformed:
		return Finding{Code: CodeMalformedARN, Severity: SeverityError, Element: element, Resource: resource, Condition: -1,
			Message: fmt.Sprintf("%s %s.", resource, res.Problem)}, true
	case catalog.ARNNoType:
		return Finding{Code: CodeUnknownResourceType, Severity: SeverityError, Element: element, Resource: resource, Condition: -1,
			Message: fmt.Sprintf("%s is a Connect ARN of no known type: %s.", resource, res.Problem)}, true
	}
	return Finding{}, false
}

// checkFit checks that each Connect action of the statement can act on one
// of its resources: an Allow that cannot is dead weight or a mistake, a Deny
// that cannot never applies. resources are the statement's well-formed
// ones; when some were not (doubt), an action that fits none of these may
// have been meant for one of those, and only an action that no ARN at all
// could fit (one that supports no resource-level permission) is reported:
// the doubt masks no more than it stands for.
func (k *Checker) checkFit(r *report, s *policy.Statement, resources []string, doubt bool) {
	allow := s.Effect == policy.Allow
	hasStar := slices.Contains(resources, "*")
	var resourceLevel []*catalog.Action
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
			if k.fits(a, resources) {
				fitting = append(fitting, a)
			}
			if hasStar && !a.WildcardOnly() {
				resourceLevel = append(resourceLevel, a)
			}
		}
		if len(fitting) > 0 {
			continue
		}
		// What only the older version of the reference allows is accepted:
		// AWS's data contradicts itself, and the policy may work. A pattern
		// with actions that fit today needs no such note.
		if a, resource, t, ok := k.fitBefore(matched, resources); ok {
			r.add(Finding{Code: CodeReferenceDisagreement, Severity: SeverityWarning, Element: ElementResource, Action: a.FullName(), Resource: resource,
				Message: DisagreementOnType(k.catalog, a, t, resource)})
			continue
		}
		if doubt && slices.ContainsFunc(matched, func(a *catalog.Action) bool { return !a.WildcardOnly() || len(a.OlderResourceTypes) > 0 }) {
			continue
		}
		code, severity, lead := CodeActionResourceMismatch, SeverityError, ""
		if !allow {
			code, severity, lead = CodeIneffectiveDeny, SeverityWarning, "This Deny never applies: "
		}
		r.add(Finding{Code: code, Severity: severity, Element: ElementAction, Action: action,
			Message: lead + k.mismatchMessage(action, matched) + k.formNote(resources)})
	}
	if allow {
		resourceWildcardFindings(r, resourceLevel, narrowingKeys(s.Conditions))
	}
}

// resourceNarrowingKeys are condition keys that limit which resources a
// statement on "*" reaches: a tag on the resource, the instance, the account
// or organization that owns it.
var resourceNarrowingKeys = []string{"aws:ResourceTag/", "connect:InstanceId", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths"}

// NarrowingKeys lists the condition keys that narrow the resources a
// statement reaches (a tag on the resource, the instance, the owning
// account), except under an operator that widens, such as StringNotEquals.
func NarrowingKeys(conditions []policy.Condition) []string {
	return narrowingKeys(conditions)
}

func narrowingKeys(conditions []policy.Condition) []string {
	var keys []string
	for _, cond := range conditions {
		op, ok, _ := policy.ParseOperator(cond.Operator)
		if !ok || op.Negated() || op.Family == policy.FamilyNull || op.IfExists {
			continue
		}
		for _, prefix := range resourceNarrowingKeys {
			if strings.HasPrefix(strings.ToLower(cond.Key), strings.ToLower(prefix)) {
				keys = append(keys, cond.Key)
			}
		}
	}
	return keys
}

// ResourceWildcard reports, for a grant or statement that allows actions on
// "*" under conditions, those of the actions that support resource-level
// permission, as resourceWildcardFindings does. Findings have Statement -1;
// the caller places them.
func ResourceWildcard(actions []*catalog.Action, conditions []policy.Condition) []Finding {
	var resourceLevel []*catalog.Action
	for _, a := range actions {
		if !a.WildcardOnly() {
			resourceLevel = append(resourceLevel, a)
		}
	}
	r := &report{statement: -1}
	resourceWildcardFindings(r, resourceLevel, narrowingKeys(conditions))
	return r.findings
}

// resourceWildcardFindings reports actions allowed on "*" that support
// resource-level permission: a warning for those that change things (Write,
// Permissions management, Tagging), a suggestion for those that read, and a
// suggestion for all when a condition already narrows the resources.
func resourceWildcardFindings(r *report, actions []*catalog.Action, narrowedBy []string) {
	var changing, reading []string
	for _, a := range actions {
		if a.HasAccessLevel(catalog.AccessWrite) || a.HasAccessLevel(catalog.AccessPermissionsManagement) || a.HasAccessLevel(catalog.AccessTagging) {
			changing = append(changing, a.FullName())
		} else {
			reading = append(reading, a.FullName())
		}
	}
	for _, group := range []struct {
		names    []string
		severity Severity
		what     string
	}{
		{changing, SeverityWarning, "change"},
		{reading, SeveritySuggestion, "read"},
	} {
		if len(group.names) == 0 {
			continue
		}
		names := policy.SortedUnique(group.names)
		severity, reach := group.severity, "every resource"
		if len(narrowedBy) > 0 {
			severity, reach = SeveritySuggestion, fmt.Sprintf("every resource that %s allows", JoinAnd(policy.SortedUnique(narrowedBy)))
		}
		r.add(Finding{Code: CodeResourceWildcard, Severity: severity, Element: ElementResource, Resource: "*", Actions: names,
			Message: ResourceWildcardMessage(names, group.what, reach)})
	}
}

// fitBefore finds an action and a resource of a type that only the older
// version of the reference lets the action act on.
func (k *Checker) fitBefore(actions []*catalog.Action, resources []string) (a *catalog.Action, resource, resourceType string, ok bool) {
	for _, a := range actions {
		for _, r := range resources {
			if r == "*" {
				continue
			}
			if before := k.catalog.ResolveARN(r).TypesBefore(a); len(before) > 0 {
				return a, r, before[0], true
			}
		}
	}
	return nil, "", "", false
}

// DisagreementOnType is the message for an action on a resource of a type
// that only the older version of the reference lists for it.
func DisagreementOnType(c *catalog.Catalog, a *catalog.Action, resourceType, resource string) string {
	instead := `allow it on "*" as well, which the current version requires`
	if !a.WildcardOnly() {
		instead = fmt.Sprintf("allow it on ARNs of %s as well, which the current version lists", JoinAnd(a.ResourceTypeNames()))
	}
	return fmt.Sprintf("%s; %s is of that type. A policy written to either version may work, so it is accepted; if AWS denies requests, %s.",
		c.Disagreement(a, "the resource type "+resourceType), resource, instead)
}

// ResourceWildcardMessage is the message of a resource-wildcard finding:
// the actions that Resource "*" lets do what (change, read) to reach.
func ResourceWildcardMessage(actions []string, what, reach string) string {
	return fmt.Sprintf(`Resource "*" lets %s %s %s, though they support resource-level permission; name the ARNs they need for least privilege.`, JoinAtMost(actions, 3), what, reach)
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
		if k.catalog.ResolveARN(resource).Fits(a) {
			return true
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
		for _, f := range k.catalog.DocumentedForms() {
			if f.Allows(a) {
				types = append(types, fmt.Sprintf("%s (%s)", f.Name, formResource(f)))
			}
		}
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
	return fmt.Sprintf("%s %s, and none of the statement's resources is of those types; add an ARN of one of them or move the action to a statement whose resources fit.", subject, JoinAtMost(types, 8))
}

// formNote explains a resource that fits only a documented form, which
// looks like a mistake for the type whose word it uses: instance/<id>/user/
// is a form for connect:GetFederationToken, and a user is agent/.
func (k *Checker) formNote(resources []string) string {
	for _, resource := range resources {
		res := k.catalog.ResolveARN(resource)
		if len(res.Types) > 0 || len(res.Forms) == 0 {
			continue
		}
		f := res.Forms[0]
		segments := strings.Split(formResource(f), "/")
		note := fmt.Sprintf(" Note that %s is a form AWS documents only for %s", formShape(segments), JoinAnd(prefixed(f.Actions)))
		if len(segments) > 2 {
			if word, ok := k.catalog.ResourceWordFor(segments[2]); ok {
				note += fmt.Sprintf("; a %s's ARN is instance/<id>/%s/<id>", segments[2], word)
			}
		}
		return note + "."
	}
	return ""
}

// formShape writes a form's resource part with <id> for its variables.
func formShape(segments []string) string {
	out := make([]string, len(segments))
	for i, s := range segments {
		if strings.HasPrefix(s, "${") {
			s = "<id>"
		}
		out[i] = s
	}
	return strings.Join(out, "/")
}

func prefixed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = catalog.ServicePrefix + ":" + n
	}
	return out
}

// formResource is the resource part of a documented form, for messages.
func formResource(f *catalog.DocumentedForm) string {
	return strings.SplitN(f.ARNFormat, ":", 6)[5]
}

// JoinAtMost lists up to n values, "a, b and c", and counts the rest.
func JoinAtMost(values []string, n int) string {
	if len(values) <= n {
		return JoinAnd(values)
	}
	return fmt.Sprintf("%s and %d more", strings.Join(values[:n], ", "), len(values)-n)
}

// JoinAnd lists values as "a, b and c".
func JoinAnd(values []string) string {
	switch len(values) {
	case 0:
		return ""
	case 1:
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " and " + values[len(values)-1]
}
