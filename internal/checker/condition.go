package checker

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Conditions checks the conditions of a statement or grant whose effect is
// given, for the Connect actions it covers. Findings have Statement -1; the
// caller places them.
func (k *Checker) Conditions(effect string, actions []*catalog.Action, conditions []policy.Condition) []Finding {
	r := &report{statement: -1}
	return k.conditionFindings(r, effect, actions, nil, false, conditions)
}

// conditionFindings checks conditions. actions are the Connect actions the
// conditions apply to; byPattern, when not nil, says which of them only a
// pattern selects; byNotAction says they are unknown because the statement
// uses NotAction, so key support cannot be judged.
func (k *Checker) conditionFindings(r *report, effect string, actions []*catalog.Action, byPattern map[*catalog.Action]bool, byNotAction bool, conditions []policy.Condition) []Finding {
	before := len(r.findings)
	seen := map[string]int{}
	for i, cond := range conditions {
		add := func(code string, severity Severity, format string, args ...any) {
			r.add(Finding{Code: code, Severity: severity, Element: ElementCondition, ConditionKey: cond.Key, Condition: i,
				Message: fmt.Sprintf(format, args...)})
		}
		id := cond.Operator + "\x00" + strings.ToLower(cond.Key)
		if first, dup := seen[id]; dup {
			add(CodeDuplicateCondition, SeverityError,
				"Condition %d repeats operator %s on key %s (first in condition %d); put all the values in one condition, where any of them may match.", i, cond.Operator, cond.Key, first)
			continue
		}
		seen[id] = i
		op, ok, suggestion := policy.ParseOperator(cond.Operator)
		if !ok {
			hint := ""
			if suggestion != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", suggestion)
			}
			add(CodeUnknownOperator, SeverityError, "%q is not a condition operator%s; use one such as StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null.", cond.Operator, hint)
			continue
		}
		if len(cond.Values) == 0 {
			add(CodeInvalidConditionValue, SeverityError, "The condition %s on %s has no values; give at least one.", cond.Operator, cond.Key)
		}
		for _, v := range cond.Values {
			if problem := valueProblem(op, v); problem != "" {
				add(CodeInvalidConditionValue, SeverityError, "Value %q of %s on %s %s.", v, cond.Operator, cond.Key, problem)
			}
		}
		key, known := k.catalog.ConditionKey(cond.Key)
		if !known {
			k.unknownKey(add, cond.Key, effect, actions)
			continue
		}
		if !fitsType(key.Type, op.Family) {
			severity, message := typeMismatch(cond, op, key)
			add(CodeOperatorTypeMismatch, severity, "%s", message)
		}
		switch {
		case key.Type.Multivalued() && op.Set == "" && op.Family != policy.FamilyNull:
			add(CodeMissingSetOperator, SeverityWarning,
				"%s holds a set of values, so %s compares it as a whole; use ForAllValues:%s (every value must match) or ForAnyValue:%s (at least one must).",
				cond.Key, cond.Operator, cond.Operator, cond.Operator)
		case !key.Type.Multivalued() && op.Set == "ForAllValues":
			add(CodeSetOperatorOnSingleValue, SeverityWarning,
				"%s holds one value, and %s: on it is true when the key is absent; use %s without the prefix.", cond.Key, op.Set, strings.TrimPrefix(cond.Operator, op.Set+":"))
		case !key.Type.Multivalued() && op.Set != "":
			// ForAnyValue on one value compares as the plain operator, and is
			// false when the key is absent: unneeded, not wrong (AWS's own
			// guide uses it on aws:RequestTag keys).
			add(CodeSetOperatorOnSingleValue, SeveritySuggestion,
				"%s holds one value, so %s: adds nothing but being false when the key is absent; %s without the prefix says the same more plainly.", cond.Key, op.Set, strings.TrimPrefix(cond.Operator, op.Set+":"))
		}
		if byNotAction || len(actions) == 0 {
			continue
		}
		var unsupported, matchedOnly []string
		for _, a := range actions {
			switch {
			case a.SupportsConditionKey(key):
			case a.SupportedKeyBefore(key):
				add(CodeReferenceDisagreement, SeverityWarning, "%s. A policy written to either version may work, so it is accepted; if AWS denies %s, move it to a statement without this condition.",
					k.catalog.Disagreement(a, "the condition key "+key.Name), a.FullName())
			case byPattern[a] && effect == policy.Allow && !op.IfExists:
				matchedOnly = append(matchedOnly, a.FullName())
			default:
				unsupported = append(unsupported, a.FullName())
			}
		}
		if len(unsupported) > 0 {
			unsupportedKey(add, cond.Key, effect, op.IfExists, unsupported)
		}
		if len(matchedOnly) > 0 {
			// A pattern selects what it matches; those of its actions that
			// cannot meet the condition are simply never allowed, as those
			// that cannot act on the resources are not.
			add(CodeUnsupportedConditionKey, SeverityWarning, "%s: the condition can never be true for them, so this Allow never allows them though a pattern matches them; name the actions it should allow, or allow those in a statement without this condition.",
				unsupportedSubject(matchedOnly, cond.Key))
		}
	}
	return r.findings[before:]
}

// unknownKey reports a key the catalog does not know: an aws: or connect:
// key that does not exist, or another service's key on Connect actions.
func (k *Checker) unknownKey(add func(string, Severity, string, ...any), name, effect string, actions []*catalog.Action) {
	prefix, _, _ := strings.Cut(strings.ToLower(name), ":")
	if prefix == "aws" || prefix == catalog.ServicePrefix || !strings.Contains(name, ":") {
		hint := ""
		if suggestion := k.catalog.SuggestConditionKey(name); suggestion != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", suggestion)
		}
		add(CodeUnknownConditionKey, SeverityError, "%s is not a condition key%s; Connect actions support the keys connect_condition_keys lists, where listed, and the global keys such as aws:SourceIp.", name, hint)
		return
	}
	if len(actions) > 0 && !catalog.CrossServiceKey(name) {
		unsupportedKey(add, name, effect, false, catalog.FullNames(actions))
	}
}

func unsupportedSubject(unsupported []string, key string) string {
	if len(unsupported) > 1 {
		return fmt.Sprintf("%s do not support %s", JoinAtMost(unsupported, 3), key)
	}
	return fmt.Sprintf("%s does not support %s", JoinAtMost(unsupported, 3), key)
}

func unsupportedKey(add func(string, Severity, string, ...any), key, effect string, ifExists bool, unsupported []string) {
	subject := unsupportedSubject(unsupported, key)
	switch {
	case effect == policy.Allow && ifExists:
		add(CodeUnsupportedConditionKey, SeverityWarning, "%s: with IfExists the condition is ignored for them, so they are allowed without it; move them to a grant or statement without this condition.", subject)
	case effect == policy.Allow:
		add(CodeUnsupportedConditionKey, SeverityError, "%s: the condition can never be true for them, so this Allow silently denies them; move them to a grant or statement without this condition, or use a key they support.", subject)
	case effect == policy.Deny && !ifExists:
		add(CodeUnsupportedConditionKey, SeverityWarning, "%s: the condition can never be true for them, so this Deny never applies to them; add IfExists to deny them regardless, or remove them.", subject)
	}
}

// typeMismatch weighs an operator that does not fit its key's type by what
// IAM does with it. A String operator on a Bool or Numeric key compares the
// key's value as text: with values such as "true" or "5" it works, and the
// finding is a warning that names the right operator. A condition that can
// never hold (a value no Bool or number is ever written as, a Numeric
// operator on a String key, ...) is an error.
func typeMismatch(cond policy.Condition, op policy.Operator, key *catalog.ConditionKey) (Severity, string) {
	right := operatorsFor(key.Type)
	if op.Family != policy.FamilyString || (key.Type != catalog.KeyBool && key.Type != catalog.KeyNumeric) {
		return SeverityError, fmt.Sprintf("%s does not fit %s, a key of type %s; use %s.", cond.Operator, cond.Key, key.Type, right)
	}
	var never []string
	for _, v := range cond.Values {
		if !policy.HasPolicyVariable(v) && !writtenAs(op, v, key.Type) {
			never = append(never, fmt.Sprintf("%q", v))
		}
	}
	if len(never) == 0 {
		return SeverityWarning, fmt.Sprintf("%s compares %s, a key of type %s, as text, which works for these values; use %s, the operator for its type.", cond.Operator, cond.Key, key.Type, right)
	}
	what := `"true" or "false"`
	if key.Type == catalog.KeyNumeric {
		what = "a number"
	}
	message := fmt.Sprintf("%s is a key of type %s, whose value is %s, so %s of %s can never match it: the condition never holds as meant.", cond.Key, key.Type, what, JoinAnd(never), cond.Operator)
	if meant := probablyMeant(cond); meant != "" {
		return SeverityError, message + " " + meant
	}
	return SeverityError, message + fmt.Sprintf(" Use a key whose values these are, or %s with %s.", right, what)
}

// writtenAs reports whether a String operator's value can equal the text of
// a Bool or Numeric key's value.
func writtenAs(op policy.Operator, v string, t catalog.KeyType) bool {
	candidates := []string{"true", "false"}
	if t == catalog.KeyNumeric {
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return true
		}
		return strings.ContainsAny(v, "*?") && strings.Trim(v, "0123456789.-*?") == ""
	}
	for _, c := range candidates {
		switch {
		case strings.Contains(op.Base, "Like") && catalog.GlobMatchCase(v, c):
			return true
		case strings.Contains(op.Base, "IgnoreCase") && strings.EqualFold(v, c), v == c:
			return true
		}
	}
	return false
}

// probablyMeant names the key that a condition's values fit, for the
// mistakes real policies make: AWS's AIOpsAssistantPolicy gives the Bool key
// aws:ViaAWSService the value amplify.amazonaws.com, a service principal,
// which is what aws:CalledVia holds.
func probablyMeant(cond policy.Condition) string {
	if !strings.EqualFold(cond.Key, "aws:ViaAWSService") {
		return ""
	}
	for _, v := range cond.Values {
		if strings.HasSuffix(strings.ToLower(v), ".amazonaws.com") {
			return "The key probably meant is aws:CalledVia, which holds the service principals that made the request for the caller, with ForAnyValue:StringEquals."
		}
	}
	return ""
}

// fitsType reports whether operators of a family can compare a key's type.
func fitsType(t catalog.KeyType, family policy.OperatorFamily) bool {
	if family == policy.FamilyNull {
		return true
	}
	switch t {
	case catalog.KeyString, catalog.KeyArrayOfString:
		return family == policy.FamilyString
	case catalog.KeyARN, catalog.KeyArrayOfARN:
		return family == policy.FamilyARN || family == policy.FamilyString
	case catalog.KeyBool:
		return family == policy.FamilyBool
	case catalog.KeyNumeric:
		return family == policy.FamilyNumeric
	case catalog.KeyDate:
		return family == policy.FamilyDate
	case catalog.KeyDateOrNumeric:
		return family == policy.FamilyDate || family == policy.FamilyNumeric
	case catalog.KeyIPAddress:
		return family == policy.FamilyIP
	}
	return false
}

func operatorsFor(t catalog.KeyType) string {
	switch t {
	case catalog.KeyARN:
		return "an Arn operator such as ArnLike, or a String operator"
	case catalog.KeyBool:
		return "Bool"
	case catalog.KeyNumeric:
		return "a Numeric operator such as NumericLessThan"
	case catalog.KeyDate:
		return "a Date operator such as DateGreaterThan"
	case catalog.KeyDateOrNumeric:
		return "a Date or Numeric operator"
	case catalog.KeyIPAddress:
		return "IpAddress or NotIpAddress"
	}
	return "a String operator such as StringEquals or StringLike"
}

// dateLayouts are the ISO 8601 forms IAM accepts for dates.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"}

// valueProblem says why a value does not parse for its operator's family,
// or returns "". Values holding policy variables are known only at request
// time and pass.
func valueProblem(op policy.Operator, v string) string {
	if policy.HasPolicyVariable(v) {
		return ""
	}
	switch op.Family {
	case policy.FamilyBool, policy.FamilyNull:
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return `is not "true" or "false"`
		}
	case policy.FamilyNumeric:
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return "is not a number"
		}
	case policy.FamilyDate:
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			return "" // epoch seconds
		}
		for _, layout := range dateLayouts {
			if _, err := time.Parse(layout, v); err == nil {
				return ""
			}
		}
		return "is not an ISO 8601 date such as 2026-01-31T23:59:59Z, nor epoch seconds"
	case policy.FamilyIP:
		if _, err := netip.ParsePrefix(v); err == nil {
			return ""
		}
		if _, err := netip.ParseAddr(v); err != nil {
			return "is not an IP address or CIDR block such as 203.0.113.0/24"
		}
	case policy.FamilyBinary:
		if _, err := base64.StdEncoding.DecodeString(v); err != nil {
			return "is not base64"
		}
	case policy.FamilyARN:
		if v != "*" && !strings.HasPrefix(v, "arn:") {
			return `is not an ARN (arn:partition:service:region:account:resource) or "*"`
		}
	}
	return ""
}
