package policy

import "testing"

func TestParseOperator(t *testing.T) {
	tests := []struct {
		in         string
		want       Operator
		ok         bool
		suggestion string
	}{
		{"StringEquals", Operator{Base: "StringEquals", Family: FamilyString}, true, ""},
		{"StringLikeIfExists", Operator{Base: "StringLike", IfExists: true, Family: FamilyString}, true, ""},
		{"ForAllValues:StringEquals", Operator{Set: ForAllValues, Base: "StringEquals", Family: FamilyString}, true, ""},
		{"ForAnyValue:StringNotLikeIfExists", Operator{Set: ForAnyValue, Base: "StringNotLike", IfExists: true, Family: FamilyString}, true, ""},
		{"NumericLessThanEquals", Operator{Base: "NumericLessThanEquals", Family: FamilyNumeric}, true, ""},
		{"DateGreaterThan", Operator{Base: "DateGreaterThan", Family: FamilyDate}, true, ""},
		{"Bool", Operator{Base: "Bool", Family: FamilyBool}, true, ""},
		{"BinaryEquals", Operator{Base: "BinaryEquals", Family: FamilyBinary}, true, ""},
		{"NotIpAddress", Operator{Base: "NotIpAddress", Family: FamilyIP}, true, ""},
		{"ArnLike", Operator{Base: "ArnLike", Family: FamilyARN}, true, ""},
		{"Null", Operator{Base: "Null", Family: FamilyNull}, true, ""},
		{"NullIfExists", Operator{}, false, ""},
		{"ForAllValues:Null", Operator{}, false, ""},
		{"stringequals", Operator{}, false, "StringEquals"},
		{"StringEqual", Operator{}, false, "StringEquals"},
		{"ForAllValue:StringEquals", Operator{}, false, "ForAllValues:StringEquals"},
		{"forallvalues:StringLike", Operator{}, false, "ForAllValues:StringLike"},
		{"StringEqualsifexists", Operator{}, false, "StringEqualsIfExists"},
		{"IfExists", Operator{}, false, ""},
		{"Whatever", Operator{}, false, ""},
		{"", Operator{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok, suggestion := ParseOperator(tt.in)
			if got != tt.want || ok != tt.ok || suggestion != tt.suggestion {
				t.Errorf("ParseOperator(%q) = %+v, %v, %q; want %+v, %v, %q", tt.in, got, ok, suggestion, tt.want, tt.ok, tt.suggestion)
			}
		})
	}
}
