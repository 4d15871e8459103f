package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// configuredCatalog gives a data source the snapshot the provider is
// configured with. Terraform validates a configuration before it configures
// the provider, so validators cannot use it (see validators.go).
type configuredCatalog struct {
	catalog *catalog.Catalog
}

func (c *configuredCatalog) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	configured, ok := req.ProviderData.(*catalog.Catalog)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("Expected the catalog, got %T. This is a bug in the provider.", req.ProviderData))
		return
	}
	c.catalog = configured
}

// load returns the configured snapshot, or the default one when the data
// source was not configured (as in tests that call it directly).
func (c *configuredCatalog) load(diags *diag.Diagnostics) *catalog.Catalog {
	if c.catalog != nil {
		return c.catalog
	}
	return loadCatalog(diags)
}

// loadCatalog returns the default snapshot, or adds an error if it does not
// parse (which the catalog tests rule out for the snapshot that ships).
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

// functionCatalogNote ends every function's description: functions are
// called without the provider's configuration.
const functionCatalogNote = " Provider functions cannot see the provider's configuration, so this one always uses the `latest` catalog, whatever the provider's `catalog` attribute says."

// functionCatalog is loadCatalog for functions, which report a FuncError.
func functionCatalog() (*catalog.Catalog, *function.FuncError) {
	c, err := catalog.Default()
	if err != nil {
		return nil, function.NewFuncError(catalogBug(err))
	}
	return c, nil
}

// indexed is a value of a list with its position in the list.
type indexed struct {
	at    int
	value string
}

// presentValues returns the known, non-null values of a list with their
// positions, so that a problem is reported on the element it is about.
// Validators refuse nulls; Terraform reads only known configurations.
func presentValues(values []types.String) []indexed {
	out := make([]indexed, 0, len(values))
	for i, v := range values {
		if !v.IsNull() && !v.IsUnknown() {
			out = append(out, indexed{i, v.ValueString()})
		}
	}
	return out
}

// stringsOf returns the values of a list, in order, a null as "".
func stringsOf(values []types.String) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.ValueString()
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

// quotedAll quotes each value.
func quotedAll(values []string) []string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return q
}

// quotedCode joins values as Markdown code spans, for descriptions.
func quotedCode(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "`" + v + "`"
	}
	return strings.Join(q, ", ")
}

// quoted joins values as a readable list of quoted strings.
func quoted(values []string) string {
	return strings.Join(quotedAll(values), ", ")
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

// argumentError is the error of a function's argument. Terraform writes it
// as `Invalid value for "x" parameter: <message>.`, adding the final
// period itself, so the message has none.
func argumentError(argument int64, message string) *function.FuncError {
	return function.NewArgumentFuncError(argument, strings.TrimSuffix(message, "."))
}

// errorf is argumentError with formatting.
func errorf(argument int64, format string, args ...any) *function.FuncError {
	return argumentError(argument, fmt.Sprintf(format, args...))
}

// setComputed sets the computed attributes of a data source's state, which
// the framework starts as a copy of the configuration, and leaves the
// configured values as they are. State.Set of the whole model would convert
// every configured value back by reflection: for connect_policy_document
// in a plan of many documents, that was a quarter of the provider's time.
func setComputed(ctx context.Context, state *tfsdk.State, values map[string]attr.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	var attributes map[string]tftypes.Value
	if err := state.Raw.As(&attributes); err != nil || attributes == nil {
		diags.AddError("State not written", fmt.Sprintf("The state does not hold the configuration (%v). This is a bug in the provider.", err))
		return diags
	}
	for name, value := range values {
		v, err := value.ToTerraformValue(ctx)
		if err != nil {
			diags.AddError("State not written", fmt.Sprintf("%s: %v. This is a bug in the provider.", name, err))
			return diags
		}
		attributes[name] = v
	}
	state.Raw = tftypes.NewValue(state.Raw.Type(), attributes)
	return diags
}

// stringList is a list of strings, empty rather than null.
func stringList(values ...string) types.List {
	elements := make([]attr.Value, len(values))
	for i, v := range values {
		elements[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elements)
}
