package checker

import (
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// The checks of the actions and ARNs of the rest of the Amazon Connect
// family (cases, profile, wisdom, ...), each against its own catalog: an
// action must act on one of its statement's resources, and support the
// keys of its conditions, as Connect's must. Their names are checked with
// the other services known by name (see unknownNamedAction).

// familyResourceFinding checks an ARN of a family service against that
// service's resource types; ok is false when it is fine or of no family
// service.
func familyResourceFinding(resource, element string) (Finding, bool) {
	fields := strings.SplitN(resource, ":", 4)
	if len(fields) < 3 || catalog.HasWildcard(fields[2]) {
		return Finding{}, false
	}
	fc := catalog.Modelled(fields[2])
	if fc == nil {
		return unknownFamilyARNService(resource, fields[2], element)
	}
	res := fc.ResolveARN(resource)
	switch res.Kind {
	case catalog.ARNMalformed:
		return Finding{Code: CodeMalformedARN, Severity: SeverityError, Element: element, Resource: resource, Condition: -1,
			Message: fmt.Sprintf("%s %s.", resource, res.Problem)}, true
	case catalog.ARNNoType:
		return Finding{Code: CodeUnknownResourceType, Severity: SeverityError, Element: element, Resource: resource, Condition: -1,
			Message: fmt.Sprintf("%s is an ARN of %s (%s) of no known type; its types are %s.", resource, fc.Prefix, fc.ServiceName, JoinAtMost(typeFormats(fc), 12))}, true
	}
	return Finding{}, false
}

// unknownFamilyARNService reports an ARN whose service is no AWS service
// and is probably one of the family's misspelt (appintegrations for
// app-integrations, connectcases for cases): such an ARN matches nothing.
// Other unknown services pass, as ARNs of other services do: an ARN's
// service field is not always its service's action prefix, and a false
// alarm there would cost more than the mistake.
func unknownFamilyARNService(resource, service, element string) (Finding, bool) {
	services, err := catalog.LoadServices()
	if err != nil {
		return Finding{}, false
	}
	if _, ok := services.Lookup(service); ok {
		return Finding{}, false
	}
	suggestion := services.Suggest(service)
	if suggestion != catalog.ServicePrefix && catalog.Modelled(suggestion) == nil {
		return Finding{}, false
	}
	return Finding{Code: CodeUnknownService, Severity: SeverityError, Element: element, Resource: resource, Condition: -1,
		Message: fmt.Sprintf("%s is an ARN of %q, which is no AWS service (did you mean %s?), so it matches no resource.", resource, service, suggestion)}, true
}

func typeFormats(c *catalog.Catalog) []string {
	var out []string
	for _, rt := range c.ResourceTypes() {
		out = append(out, fmt.Sprintf("%s (%s)", rt.Name, strings.SplitN(rt.ARNFormat, ":", 6)[5]))
	}
	return out
}

// familyActions checks the statement's actions of family services: each
// must act on one of its resources (resources are the well-formed ones;
// with doubt, only an action that no ARN could grant is reported, as for
// Connect's), and support the keys of its conditions.
func (k *Checker) familyActions(r *report, s *policy.Statement, resources []string, doubt bool) {
	if s.Actions == nil {
		return
	}
	allow := s.Effect == policy.Allow
	for _, action := range s.Actions {
		service, _, ok := catalog.SplitAction(action)
		if !ok || catalog.HasWildcard(service) {
			continue
		}
		fc := catalog.Modelled(service)
		if fc == nil {
			continue
		}
		matched := fc.Match(action)
		if len(matched) == 0 {
			continue // its name is reported with the services known by name
		}
		wildcardOnly := !slices.ContainsFunc(matched, func(a *catalog.Action) bool { return !a.WildcardOnly() })
		// An action the reference gives no resource type, on an ARN of its
		// own service, is not reported: AWS's service-linked role of Connect
		// (AmazonConnectServiceLinkedRolePolicy v53) allows
		// profile:ListRecommenderRecipes on arn:aws:profile:*:*:*, so the
		// reference is not to be trusted there for the family.
		if wildcardOnly && slices.ContainsFunc(resources, func(r string) bool { return strings.EqualFold(arnService(r), fc.Prefix) }) {
			k.familyConditions(r, s, fc, action, matched)
			continue
		}
		if len(resources) > 0 && !slices.ContainsFunc(matched, func(a *catalog.Action) bool { return fitsIn(fc, a, resources) }) &&
			(!doubt || wildcardOnly) {
			code, severity, lead := CodeActionResourceMismatch, SeverityError, ""
			if !allow {
				code, severity, lead = CodeIneffectiveDeny, SeverityWarning, "This Deny never applies: "
			}
			r.add(Finding{Code: code, Severity: severity, Element: ElementAction, Action: action,
				Message: lead + familyMismatchMessage(action, matched)})
		}
		k.familyConditions(r, s, fc, action, matched)
	}
}

// arnService is the service of an ARN, or "".
func arnService(arn string) string {
	fields := strings.SplitN(arn, ":", 4)
	if len(fields) < 3 || fields[0] != "arn" {
		return ""
	}
	return fields[2]
}

// fitsIn reports whether the action can act on one of the resources, as
// its own catalog resolves them.
func fitsIn(c *catalog.Catalog, a *catalog.Action, resources []string) bool {
	for _, resource := range resources {
		if resource == "*" {
			return true
		}
		// Fits knows the forms AWS managed policies use, even for actions
		// the reference gives no resource type.
		if c.ResolveARN(resource).Fits(a) {
			return true
		}
	}
	return false
}

func familyMismatchMessage(action string, matched []*catalog.Action) string {
	if len(matched) == 1 && matched[0].WildcardOnly() {
		return fmt.Sprintf(`%s supports no resource-level permission and can only be allowed with Resource "*"; add "*" to the resources or move the action to a statement that has it.`, action)
	}
	var types []string
	for _, a := range matched {
		types = append(types, a.ResourceTypeNames()...)
	}
	types = policy.SortedUnique(types)
	subject := action + " acts on"
	if len(matched) > 1 {
		subject = fmt.Sprintf("the %d actions %s matches act on", len(matched), action)
	}
	return fmt.Sprintf("%s %s, and none of the statement's resources is of those types; add an ARN of one of them or move the action to a statement whose resources fit.", subject, JoinAtMost(types, 8))
}

// familyConditions reports the condition keys that an action of a family
// service does not support, as conditionFindings does for Connect's; the
// keys are looked up in the service's own catalog.
func (k *Checker) familyConditions(r *report, s *policy.Statement, fc *catalog.Catalog, action string, matched []*catalog.Action) {
	for i, cond := range s.Conditions {
		op, ok, _ := policy.ParseOperator(cond.Operator)
		if !ok || op.Family == policy.FamilyNull {
			continue // unknown operators are reported once, with Connect's
		}
		add := func(code string, severity Severity, format string, args ...any) {
			r.add(Finding{Code: code, Severity: severity, Element: ElementCondition, ConditionKey: cond.Key, Condition: i,
				Message: fmt.Sprintf(format, args...)})
		}
		prefix, _, _ := strings.Cut(strings.ToLower(cond.Key), ":")
		key, known := fc.ConditionKey(cond.Key)
		var unsupported []string
		switch {
		case !known && prefix == fc.Prefix:
			hint := ""
			if suggestion := fc.SuggestConditionKey(cond.Key); suggestion != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", suggestion)
			}
			add(CodeUnknownConditionKey, SeverityError, "%s is not a condition key of %s%s; its actions support the keys connect_condition_keys lists for services = [%q], and the global keys such as aws:SourceIp.",
				cond.Key, fc.ShortName(), hint, fc.Prefix)
			continue
		case !known && prefix != "aws" && strings.Contains(cond.Key, ":") && !catalog.CrossServiceKey(cond.Key):
			// Another service's key, Connect's too (connect:InstanceId on a
			// profile: action), is never in this service's requests.
			unsupported = catalog.FullNames(matched)
		case !known:
			continue // aws: keys are reported once, with Connect's
		case !strings.HasPrefix(strings.ToLower(key.Name), fc.Prefix+":"):
			// Only the service's own keys: AWS's service-linked role of
			// Connect (AmazonConnectServiceLinkedRolePolicy v53) narrows
			// wisdom and app-integrations actions by
			// aws:ResourceTag/AmazonConnectEnabled, which the reference does
			// not list for many of them, so its tag keys cannot be trusted
			// for the family yet.
			continue
		default:
			for _, a := range matched {
				if !a.SupportsConditionKey(key) {
					unsupported = append(unsupported, a.FullName())
				}
			}
		}
		if len(unsupported) == 0 {
			continue
		}
		if catalog.HasWildcard(action) && s.Effect == policy.Allow && !op.IfExists {
			if len(unsupported) < len(matched) {
				add(CodeUnsupportedConditionKey, SeverityWarning, "%s: the condition can never be true for them, so this Allow never allows them though a pattern matches them; name the actions it should allow, or allow those in a statement without this condition.",
					unsupportedSubject(unsupported, cond.Key))
				continue
			}
		}
		unsupportedKey(add, cond.Key, s.Effect, op.IfExists, unsupported)
	}
}
