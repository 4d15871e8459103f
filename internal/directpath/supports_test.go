package directpath

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// A schema of what the direct path reproduces, and each feature that
// leaves a data source to the framework.
func TestSupports(t *testing.T) {
	base := func() schema.Schema {
		return schema.Schema{
			Attributes: map[string]schema.Attribute{
				"name":   schema.StringAttribute{Required: true},
				"flag":   schema.BoolAttribute{Optional: true},
				"limit":  schema.Int64Attribute{Optional: true},
				"tags":   schema.ListAttribute{ElementType: types.StringType, Optional: true},
				"ids":    schema.SetAttribute{ElementType: types.StringType, Optional: true},
				"result": schema.MapAttribute{ElementType: types.ListType{ElemType: types.StringType}, Computed: true},
				"items":  schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{"x": schema.StringAttribute{Computed: true}}}},
			},
			Blocks: map[string]schema.Block{
				"rule": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{"value": schema.StringAttribute{Required: true}},
					Blocks: map[string]schema.Block{
						"when": schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{"key": schema.StringAttribute{Optional: true}}}},
					},
				}},
			},
		}
	}
	rule := func(s schema.Schema) schema.ListNestedBlock { return s.Blocks["rule"].(schema.ListNestedBlock) } //nolint:forcetypeassert // built above
	tests := []struct {
		name   string
		mutate func(*schema.Schema)
		want   string // "" for supported
	}{
		{"what it reproduces", func(*schema.Schema) {}, ""},
		{"a deprecated data source", func(s *schema.Schema) { s.DeprecationMessage = "use another" }, "deprecation message"},
		{"a deprecated attribute", func(s *schema.Schema) {
			s.Attributes["name"] = schema.StringAttribute{Required: true, DeprecationMessage: "old"}
		}, "attribute name: has a deprecation message"},
		{"a deprecated block", func(s *schema.Schema) {
			b := rule(*s)
			b.DeprecationMessage = "old"
			s.Blocks["rule"] = b
		}, "block rule has a deprecation message"},
		{"a deprecated nested block", func(s *schema.Schema) {
			b := rule(*s)
			b.NestedObject.Blocks = map[string]schema.Block{"when": schema.SetNestedBlock{DeprecationMessage: "old"}}
			s.Blocks["rule"] = b
		}, "block rule.when has a deprecation message"},
		{"a sensitive attribute", func(s *schema.Schema) { s.Attributes["flag"] = schema.BoolAttribute{Optional: true, Sensitive: true} }, "is sensitive"},
		{"a sensitive output", func(s *schema.Schema) {
			s.Attributes["secret"] = schema.StringAttribute{Computed: true, Sensitive: true}
		}, "is sensitive"},
		{"a dynamic attribute", func(s *schema.Schema) { s.Attributes["any"] = schema.DynamicAttribute{Optional: true} }, "is a DynamicAttribute"},
		{"a nested attribute to configure", func(s *schema.Schema) {
			s.Attributes["items"] = schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{"x": schema.StringAttribute{Optional: true}}}}
		}, "is a ListNestedAttribute"},
		{"a single block", func(s *schema.Schema) { s.Blocks["one"] = schema.SingleNestedBlock{} }, "not a list or set block"},
		{"a custom type", func(s *schema.Schema) {
			s.Attributes["name"] = schema.StringAttribute{Required: true, CustomType: basetypes.StringType{}}
		}, "has a custom type"},
		{"a list of numbers", func(s *schema.Schema) {
			s.Attributes["tags"] = schema.ListAttribute{ElementType: types.Float64Type, Optional: true}
		}, "has elements of type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.mutate(&s)
			err := Supports(s)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Supports = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Supports = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
