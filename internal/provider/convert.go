package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// loadCatalog returns the embedded catalog, or adds an error if it does not
// parse (which the catalog tests rule out for the page that ships).
func loadCatalog(diags *diag.Diagnostics) *catalog.Catalog {
	c, err := catalog.Default()
	if err != nil {
		diags.AddError("Embedded catalog is invalid", catalogBug(err))
		return nil
	}
	return c
}

// catalogBug says that the embedded catalog does not parse, which the
// catalog's tests rule out for the page that ships.
func catalogBug(err error) string {
	return fmt.Sprintf("The provider's embedded catalog does not parse: %v. This is a bug in the provider.", err)
}

// functionCatalog is loadCatalog for functions, which report a FuncError.
func functionCatalog() (*catalog.Catalog, *function.FuncError) {
	c, err := catalog.Default()
	if err != nil {
		return nil, function.NewFuncError(catalogBug(err))
	}
	return c, nil
}

// stringValues returns the values of a list attribute read from a known
// configuration, adding an error on each null element.
func stringValues(at path.Path, values []types.String, diags *diag.Diagnostics) []string {
	out := make([]string, 0, len(values))
	for i, v := range values {
		if v.IsNull() {
			diags.AddAttributeError(at.AtListIndex(i), "Null value", "This list may not contain null values.")
			continue
		}
		out = append(out, v.ValueString())
	}
	return out
}

// nonNil makes a nil slice empty, so that an output is an empty list rather
// than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// quoted joins values as a readable list of quoted strings.
func quoted(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// sentence capitalises a message and ends it with a period.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// errorf is function.NewArgumentFuncError with formatting.
func errorf(argument int64, format string, args ...any) *function.FuncError {
	return function.NewArgumentFuncError(argument, fmt.Sprintf(format, args...))
}
