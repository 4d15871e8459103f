package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/helpers/validatordiag"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Validators of values that only the catalog can judge. Terraform validates
// a configuration before it configures the provider, so they cannot know
// which snapshot it selects: they refuse a value only when every snapshot
// refuses it, with the default snapshot's message, and Read checks the value
// again against the configured snapshot. They report errors only: warnings
// come from Read, once.

// problem is what a check says of a value: a summary and a detail, or a
// zero problem when the value is fine.
type problem struct{ summary, detail string }

func (p problem) ok() bool { return p.summary == "" }

// inEverySnapshot returns the default snapshot's problem with a value when
// every snapshot has one, else a zero problem.
func inEverySnapshot(check func(c *catalog.Catalog) problem) problem {
	var first problem
	for i, name := range catalog.SnapshotNames {
		c, err := catalog.Load(name)
		if err != nil {
			return problem{"Embedded catalog is invalid", catalogBug(err)}
		}
		p := check(c)
		if p.ok() {
			return problem{}
		}
		if i == 0 {
			first = p
		}
	}
	return first
}

// catalogString validates a string against the catalog.
type catalogString struct {
	description string
	check       func(c *catalog.Catalog, value string) problem
}

var _ validator.String = catalogString{}

func (v catalogString) Description(context.Context) string         { return v.description }
func (v catalogString) MarkdownDescription(context.Context) string { return v.description }

func (v catalogString) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if p := inEverySnapshot(func(c *catalog.Catalog) problem { return v.check(c, value) }); !p.ok() {
		resp.Diagnostics.AddAttributeError(req.Path, p.summary, p.detail)
	}
}

// grantResourceValue accepts what a grant may be granted on: "*" or an ARN
// of a catalog type.
func grantResourceValue() validator.String {
	return catalogString{`value must be "*" or an ARN of a Connect resource type`, func(c *catalog.Catalog, s string) problem {
		if p := planner.ResourceProblem(c, s); p != "" {
			return problem{"Invalid grant", p}
		}
		return problem{}
	}}
}

// statementActionValue checks a value of a statement's Action or NotAction
// as the checker does; other services' actions pass.
func statementActionValue(element string) validator.String {
	return catalogString{"value must be an action of the form service:Action", func(c *catalog.Catalog, s string) problem {
		if f, ok := checker.New(c).ActionFinding(s, element, false); ok && f.Severity == checker.SeverityError {
			return problem{"Policy error", f.Message}
		}
		return problem{}
	}}
}

// statementResourceValue checks a value of a statement's Resource or
// NotResource as the checker does; other services' ARNs pass.
func statementResourceValue(element string) validator.String {
	return catalogString{"value must be a well-formed ARN or \"*\"", func(c *catalog.Catalog, s string) problem {
		if f, ok := checker.New(c).ResourceFinding(s, element); ok {
			return problem{"Policy error", f.Message}
		}
		return problem{}
	}}
}

// sidValue accepts a Sid of letters and digits.
func sidValue() validator.String {
	return catalogString{"value must be letters and digits only", func(_ *catalog.Catalog, s string) problem {
		if p := checker.SidProblem(s); p != "" {
			return problem{"Policy error", p}
		}
		return problem{}
	}}
}

// policyJSONValue checks a policy given as JSON: it parses, and its
// statements have no error finding.
func policyJSONValue() validator.String {
	return catalogString{"value must be an IAM policy as JSON", func(c *catalog.Catalog, s string) problem {
		for _, p := range documentProblems(c, s) {
			if p.Severity == checker.SeverityError {
				return problem{p.Summary, p.Message}
			}
		}
		return problem{}
	}}
}

func documentProblems(c *catalog.Catalog, text string) []compose.Problem {
	_, problems := compose.CheckDocument(checker.New(c), text)
	return problems
}

// conditionValue checks a condition block on its own: its operator, key,
// the operator's fit to the key's type and its values. What depends on the
// actions it applies to is Read's to check.
type conditionValue struct{}

var _ validator.Object = conditionValue{}

func (conditionValue) Description(context.Context) string {
	return "value must be a valid condition: a known operator and key, and values that parse"
}
func (v conditionValue) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (conditionValue) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	attrs := req.ConfigValue.Attributes()
	test, testOK := knownString(attrs["test"])
	variable, variableOK := knownString(attrs["variable"])
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || !testOK || !variableOK {
		return
	}
	cond := policy.Condition{Operator: test, Key: variable, Values: knownElements(attrs["values"])}
	valuesKnown := fullyKnown(attrs["values"])
	p := inEverySnapshot(func(c *catalog.Catalog) problem {
		for _, f := range checker.New(c).Conditions("", nil, []policy.Condition{cond}) {
			// While some values are unknown, "no values" is not yet true.
			if f.Severity == checker.SeverityError && (f.Code != checker.CodeInvalidConditionValue || valuesKnown || len(cond.Values) > 0) {
				return problem{"Policy error", f.Message}
			}
		}
		return problem{}
	})
	if !p.ok() {
		resp.Diagnostics.AddAttributeError(req.Path, p.summary, p.detail)
	}
}

// principalValue checks a principals block: a principal of type "*" must
// have the identifiers ["*"].
type principalValue struct{}

var _ validator.Object = principalValue{}

func (principalValue) Description(context.Context) string {
	return `a principal of type "*" must have the identifiers ["*"]`
}
func (v principalValue) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (principalValue) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	attrs := req.ConfigValue.Attributes()
	principalType, ok := knownString(attrs["type"])
	identifiers, known := attrs["identifiers"].(basetypes.SetValue)
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || !ok || principalType != "*" || !known || identifiers.IsUnknown() {
		return
	}
	if values := knownElements(identifiers); len(values) != 1 || values[0] != "*" || len(identifiers.Elements()) != 1 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid principal", fmt.Sprintf(`A principal of type "*" must have the identifiers ["*"], not %s.`, identifiers))
	}
}

// knownString returns a known, non-null string attribute.
func knownString(v attr.Value) (string, bool) {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() {
		return "", false
	}
	return s.ValueString(), true
}

// fullyKnown reports whether a value and all its elements are known.
func fullyKnown(v attr.Value) bool {
	if v == nil || v.IsUnknown() {
		return false
	}
	if tf, err := v.ToTerraformValue(context.Background()); err == nil {
		return tf.IsFullyKnown()
	}
	return false
}

// knownElements returns the known, non-null strings of a list or set.
func knownElements(v attr.Value) []string {
	var elements []attr.Value
	switch c := v.(type) {
	case basetypes.ListValue:
		elements = c.Elements()
	case basetypes.SetValue:
		elements = c.Elements()
	}
	var out []string
	for _, e := range elements {
		if s, ok := knownString(e); ok {
			out = append(out, s)
		}
	}
	return out
}

// conflictsWithSibling refuses a set when the attribute sibling beside it is
// set too, with the diagnostic of setvalidator.ConflictsWith. That one
// matches its path expression against the whole configuration, which in a
// plan of many policy documents was the largest part of their validation;
// this one reads the sibling where it is.
type conflictsWithSibling struct{ sibling string }

func (v conflictsWithSibling) Description(context.Context) string {
	return fmt.Sprintf("Ensure that if an attribute is set, %q beside it is not set", v.sibling)
}

func (v conflictsWithSibling) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v conflictsWithSibling) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	sibling := req.Path.ParentPath().AtName(v.sibling)
	var value attr.Value
	if diags := req.Config.GetAttribute(ctx, sibling, &value); diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	}
	if !value.IsNull() && !value.IsUnknown() {
		resp.Diagnostics.Append(validatordiag.InvalidAttributeCombinationDiagnostic(req.Path,
			fmt.Sprintf("Attribute %q cannot be specified when %q is specified", sibling, req.Path)))
	}
}
