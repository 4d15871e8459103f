package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
)

// Each lookup says the same of a name the catalog does not know, whether
// its validator or a Read finds it, and finds what it knows.
func TestLookupsSayOneThing(t *testing.T) {
	c := catalogtest.Latest(t)
	type check struct {
		name               string
		validate           validator.String
		read               func(values []types.String, diags *diag.Diagnostics) int
		known, unknown, in string // a known value, an unknown one, and a part of its message
	}
	checks := []check{
		{"access level", accessLevels.validator(), func(v []types.String, d *diag.Diagnostics) int { return len(accessLevels.in(c, v, path.Root("x"), d)) },
			"Write", "Writes", `"Writes" is not an access level`},
		{"resource type", resourceTypes.validator(), func(v []types.String, d *diag.Diagnostics) int { return len(resourceTypes.in(c, v, path.Root("x"), d)) },
			"queue", "queues", `(did you mean "queue"?)`},
		{"resource type filter", resourceTypeFilters.validator(), func(v []types.String, d *diag.Diagnostics) int {
			return len(resourceTypeFilters.in(c, v, path.Root("x"), d))
		},
			"*", "queues", `or "*" for the actions that support no resource-level permission`},
		{"condition key", conditionKeys.validator(), func(v []types.String, d *diag.Diagnostics) int { return len(conditionKeys.in(c, v, path.Root("x"), d)) },
			"aws:ResourceTag/team", "connect:InstanceID2", "is not a condition key"},
		{"action", actionFilters.validator(), func(v []types.String, d *diag.Diagnostics) int { return len(actionFilters.in(c, v, path.Root("x"), d)) },
			"connect:Describe*", "connect:DescribeQueu", "did you mean connect:DescribeQueue?"},
	}
	for _, tt := range checks {
		t.Run(tt.name, func(t *testing.T) {
			var resp validator.StringResponse
			tt.validate.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(tt.unknown)}, &resp)
			var diags diag.Diagnostics
			found := tt.read([]types.String{types.StringValue(tt.known), types.StringValue(tt.unknown)}, &diags)
			if found != 1 || resp.Diagnostics.ErrorsCount() != 1 || diags.ErrorsCount() != 1 {
				t.Fatalf("found %d; validator %v; read %v", found, resp.Diagnostics, diags)
			}
			if v, r := resp.Diagnostics.Errors()[0], diags.Errors()[0]; v.Summary() != r.Summary() || v.Detail() != r.Detail() {
				t.Errorf("validator says %q: %q; read says %q: %q", v.Summary(), v.Detail(), r.Summary(), r.Detail())
			}
			if detail := diags.Errors()[0].Detail(); !strings.Contains(detail, tt.in) {
				t.Errorf("message %q lacks %q", detail, tt.in)
			}
		})
	}
}
