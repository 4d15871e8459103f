package policy

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"
)

// OperatorFamily groups condition operators by the kind of value they compare.
type OperatorFamily string

// The operator families of the IAM policy grammar.
const (
	FamilyString  OperatorFamily = "String"
	FamilyNumeric OperatorFamily = "Numeric"
	FamilyDate    OperatorFamily = "Date"
	FamilyBool    OperatorFamily = "Bool"
	FamilyBinary  OperatorFamily = "Binary"
	FamilyIP      OperatorFamily = "IpAddress"
	FamilyARN     OperatorFamily = "Arn"
	FamilyNull    OperatorFamily = "Null"
)

// Set operators, the prefixes for multivalued keys.
const (
	ForAllValues = "ForAllValues"
	ForAnyValue  = "ForAnyValue"
)

var operatorFamilies = map[string]OperatorFamily{
	"StringEquals": FamilyString, "StringNotEquals": FamilyString,
	"StringEqualsIgnoreCase": FamilyString, "StringNotEqualsIgnoreCase": FamilyString,
	"StringLike": FamilyString, "StringNotLike": FamilyString,
	"NumericEquals": FamilyNumeric, "NumericNotEquals": FamilyNumeric,
	"NumericLessThan": FamilyNumeric, "NumericLessThanEquals": FamilyNumeric,
	"NumericGreaterThan": FamilyNumeric, "NumericGreaterThanEquals": FamilyNumeric,
	"DateEquals": FamilyDate, "DateNotEquals": FamilyDate,
	"DateLessThan": FamilyDate, "DateLessThanEquals": FamilyDate,
	"DateGreaterThan": FamilyDate, "DateGreaterThanEquals": FamilyDate,
	"Bool":         FamilyBool,
	"BinaryEquals": FamilyBinary,
	"IpAddress":    FamilyIP, "NotIpAddress": FamilyIP,
	"ArnEquals": FamilyARN, "ArnLike": FamilyARN, "ArnNotEquals": FamilyARN, "ArnNotLike": FamilyARN,
	"Null": FamilyNull,
}

// Operator is a parsed condition operator such as
// "ForAnyValue:StringLikeIfExists".
type Operator struct {
	// Set is ForAllValues, ForAnyValue or "".
	Set string
	// Base is the operator without prefix and suffix, such as "StringLike".
	Base     string
	IfExists bool
	Family   OperatorFamily
}

// Negated reports whether the operator matches what its values do not,
// such as StringNotEquals or NotIpAddress.
func (op Operator) Negated() bool { return strings.Contains(op.Base, "Not") }

// ParseOperator parses a condition operator. ok is false for an operator the
// IAM grammar does not have; suggestion is then the nearest valid spelling,
// if one differs only in case or by a typo.
func ParseOperator(s string) (op Operator, ok bool, suggestion string) {
	if op, ok = parseOperator(s); !ok {
		suggestion = suggestOperator(s)
	}
	return op, ok, suggestion
}

func parseOperator(s string) (op Operator, ok bool) {
	rest := s
	if set, base, found := strings.Cut(s, ":"); found {
		if set != ForAllValues && set != ForAnyValue {
			return Operator{}, false
		}
		op.Set, rest = set, base
	}
	if base, found := strings.CutSuffix(rest, "IfExists"); found && base != "" {
		op.IfExists, rest = true, base
	}
	family, known := operatorFamilies[rest]
	if !known || family == FamilyNull && (op.IfExists || op.Set != "") {
		return Operator{}, false
	}
	op.Base, op.Family = rest, family
	return op, true
}

// OperatorNames lists the base operators, sorted.
func OperatorNames() []string {
	names := make([]string, 0, len(operatorFamilies))
	for name := range operatorFamilies {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func suggestOperator(s string) string {
	prefix, rest := "", s
	if set, base, found := strings.Cut(s, ":"); found {
		prefix, rest = set, base
		best := 3 // more edits than a typo
		for _, known := range []string{ForAllValues, ForAnyValue} {
			if d := nearest.Distance(strings.ToLower(set), strings.ToLower(known)); d < best {
				prefix, best = known, d
			}
		}
		prefix += ":"
	}
	suffix := ""
	if len(rest) > len("IfExists") && strings.EqualFold(rest[len(rest)-len("IfExists"):], "IfExists") {
		rest, suffix = rest[:len(rest)-len("IfExists")], "IfExists"
	}
	for _, name := range OperatorNames() {
		if strings.EqualFold(rest, name) || closeTo(rest, name) {
			candidate := prefix + name + suffix
			if _, ok := parseOperator(candidate); ok && candidate != s {
				return candidate
			}
		}
	}
	return ""
}

// closeTo reports whether two words are at most two edits apart, in any case.
func closeTo(a, b string) bool {
	return nearest.Distance(strings.ToLower(a), strings.ToLower(b)) <= 2
}
