package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var principalTypesOf = map[string]attr.Type{"type": types.StringType, "identifiers": types.SetType{ElemType: types.StringType}}

func principalObject(principalType string, identifiers ...string) types.Object {
	values := make([]attr.Value, len(identifiers))
	for i, id := range identifiers {
		values[i] = types.StringValue(id)
	}
	return types.ObjectValueMust(principalTypesOf, map[string]attr.Value{
		"type":        types.StringValue(principalType),
		"identifiers": types.SetValueMust(types.StringType, values),
	})
}

// A principal's error is on the set element it is about, not on the set.
func TestPrincipalValueReportsTheElement(t *testing.T) {
	bad := principalObject("*", "a")
	at := path.Root("statement").AtListIndex(0).AtName("principals").AtSetValue(bad)
	var resp validator.ObjectResponse
	principalValue{}.ValidateObject(context.Background(), validator.ObjectRequest{Path: at, ConfigValue: bad}, &resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("diagnostics = %v", resp.Diagnostics)
	}
	got := resp.Diagnostics.Errors()[0]
	if !strings.Contains(got.Detail(), `not ["a"]`) {
		t.Errorf("detail = %q", got.Detail())
	}
	if withPath, ok := got.(diag.DiagnosticWithPath); !ok || !withPath.Path().Equal(at) {
		t.Errorf("diagnostic %v is not on %s", got, at)
	}
	for _, ok := range []types.Object{principalObject("*", "*"), principalObject("AWS", "a", "b")} {
		var resp validator.ObjectResponse
		principalValue{}.ValidateObject(context.Background(), validator.ObjectRequest{Path: at, ConfigValue: ok}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%s: %v", ok, resp.Diagnostics)
		}
	}
}

// Catalog validators refuse a value only when every snapshot does: an
// action of the 2020 page alone passes, and Read judges it against the
// configured snapshot.
func TestCatalogValidatorsHoldForEverySnapshot(t *testing.T) {
	tests := []struct {
		value string
		want  string // a fragment of the error, or "" for none
	}{
		{"connect:DescribeQueue", ""},   // latest only
		{"connect:DestroyInstance", ""}, // 2020 only
		{"connect:DescribeUsr", "did you mean connect:DescribeUser?"},
		{"connect:Destroy*", ""},
		{"connect:Nothing*", "matches no Connect action"},
		{"profile:Search*", ""},
		{"profile:SerchProfiles", "did you mean profile:SearchProfiles?"},
	}
	for _, tt := range tests {
		var resp validator.StringResponse
		actionFilters.validatorTitled("Invalid grant").ValidateString(context.Background(),
			validator.StringRequest{Path: path.Root("a"), ConfigValue: types.StringValue(tt.value)}, &resp)
		switch {
		case tt.want == "" && resp.Diagnostics.HasError():
			t.Errorf("%s: %v", tt.value, resp.Diagnostics)
		case tt.want != "" && (resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tt.want)):
			t.Errorf("%s: %v; want %q", tt.value, resp.Diagnostics, tt.want)
		}
	}
}

// A condition whose values are not known yet is not "without values".
func TestConditionValueWithUnknownValues(t *testing.T) {
	types3 := map[string]attr.Type{"test": types.StringType, "variable": types.StringType, "values": types.ListType{ElemType: types.StringType}}
	condition := func(test string, values attr.Value) types.Object {
		return types.ObjectValueMust(types3, map[string]attr.Value{"test": types.StringValue(test), "variable": types.StringValue("aws:SecureTransport"), "values": values})
	}
	tests := []struct {
		object types.Object
		want   string
	}{
		{condition("Bool", types.ListUnknown(types.StringType)), ""},
		{condition("Bool", types.ListValueMust(types.StringType, []attr.Value{types.StringUnknown()})), ""},
		{condition("Bool", types.ListValueMust(types.StringType, []attr.Value{})), "has no values"},
		{condition("Bool", types.ListValueMust(types.StringType, []attr.Value{types.StringValue("yes")})), `is not "true" or "false"`},
		// A String operator on a Bool key works for "true": until the values
		// are known, whether this one can hold is not.
		{condition("StringEquals", types.ListUnknown(types.StringType)), ""},
		{condition("StringEquals", types.ListValueMust(types.StringType, []attr.Value{types.StringValue("yes")})), `"yes" of StringEquals can never match it`},
		{condition("NumericEquals", types.ListUnknown(types.StringType)), "NumericEquals does not fit aws:SecureTransport"},
	}
	for _, tt := range tests {
		var resp validator.ObjectResponse
		conditionValue{}.ValidateObject(context.Background(), validator.ObjectRequest{Path: path.Root("c"), ConfigValue: tt.object}, &resp)
		switch {
		case tt.want == "" && resp.Diagnostics.HasError():
			t.Errorf("%s: %v", tt.object, resp.Diagnostics)
		case tt.want != "" && (!resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tt.want)):
			t.Errorf("%s: %v; want %q", tt.object, resp.Diagnostics, tt.want)
		}
	}
}
