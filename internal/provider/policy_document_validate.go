package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var _ datasource.DataSourceWithValidateConfig = (*policyDocumentDataSource)(nil)

// The partial models read a configuration in which some values are not
// known yet, such as the ARN of a resource still to be created.
type partialDocumentModel struct {
	Grants                  types.List   `tfsdk:"grant"`
	Statements              types.List   `tfsdk:"statement"`
	SourcePolicyDocuments   types.List   `tfsdk:"source_policy_documents"`
	OverridePolicyDocuments types.List   `tfsdk:"override_policy_documents"`
	IncludeDependentActions types.Bool   `tfsdk:"include_dependent_actions"`
	Minimize                types.Bool   `tfsdk:"minimize"`
	SizeLimit               types.Int64  `tfsdk:"size_limit"`
	Version                 types.String `tfsdk:"version"`
	PolicyID                types.String `tfsdk:"policy_id"`
	JSON                    types.String `tfsdk:"json"`
	MinifiedJSON            types.String `tfsdk:"minified_json"`
	AllowedActions          types.List   `tfsdk:"allowed_actions"`
	DeniedActions           types.List   `tfsdk:"denied_actions"`
	Size                    types.Int64  `tfsdk:"size"`
}

type partialGrantModel struct {
	AccessLevels types.List   `tfsdk:"access_levels"`
	Actions      types.List   `tfsdk:"actions"`
	Resources    types.List   `tfsdk:"resources"`
	Effect       types.String `tfsdk:"effect"`
	Conditions   types.List   `tfsdk:"condition"`
}

type partialStatementModel struct {
	Sid           types.String `tfsdk:"sid"`
	Effect        types.String `tfsdk:"effect"`
	Actions       types.Set    `tfsdk:"actions"`
	NotActions    types.Set    `tfsdk:"not_actions"`
	Resources     types.Set    `tfsdk:"resources"`
	NotResources  types.Set    `tfsdk:"not_resources"`
	Principals    types.Set    `tfsdk:"principals"`
	NotPrincipals types.Set    `tfsdk:"not_principals"`
	Conditions    types.List   `tfsdk:"condition"`
}

type partialConditionModel struct {
	Test     types.String `tfsdk:"test"`
	Variable types.String `tfsdk:"variable"`
	Values   types.List   `tfsdk:"values"`
}

// ValidateConfig checks, while some values are unknown, the values that are
// known, so that a misspelt action is an error at plan even when the
// resources it is granted on do not exist yet. A wholly known configuration
// is checked by Read.
func (d *policyDocumentDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	if req.Config.Raw.IsFullyKnown() {
		return
	}
	var model partialDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	catalogs := d.candidates(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var common diag.Diagnostics
	for i, c := range catalogs {
		var diags diag.Diagnostics
		newDocumentBuilder(c, &diags).validatePartial(ctx, &model)
		if i == 0 {
			common = diags
		} else {
			common = sharedDiagnostics(common, diags)
		}
	}
	resp.Diagnostics.Append(common...)
}

// sharedDiagnostics keeps the diagnostics of a that b also has, at the same
// attribute with the same severity and summary: what is wrong whichever
// snapshot the provider is configured with.
func sharedDiagnostics(a, b diag.Diagnostics) diag.Diagnostics {
	var out diag.Diagnostics
	for _, x := range a {
		if slices.ContainsFunc(b, func(y diag.Diagnostic) bool { return sameDiagnostic(x, y) }) {
			out = append(out, x)
		}
	}
	return out
}

func sameDiagnostic(x, y diag.Diagnostic) bool {
	if x.Severity() != y.Severity() || x.Summary() != y.Summary() {
		return false
	}
	xp, xok := x.(diag.DiagnosticWithPath)
	yp, yok := y.(diag.DiagnosticWithPath)
	return xok == yok && (!xok || xp.Path().Equal(yp.Path()))
}

// validatePartial checks the known values of a configuration of which some
// are not known yet.
func (b *documentBuilder) validatePartial(ctx context.Context, model *partialDocumentModel) {
	for _, documents := range []struct {
		attribute string
		list      types.List
	}{{"source_policy_documents", model.SourcePolicyDocuments}, {"override_policy_documents", model.OverridePolicyDocuments}} {
		values, positions, _ := knownStrings(documents.list)
		for i, doc := range values {
			b.checkDocument(path.Root(documents.attribute).AtListIndex(positions[i]), doc)
		}
	}
	if model.Grants.IsUnknown() || model.Statements.IsUnknown() {
		return
	}
	var grants []partialGrantModel
	b.diags.Append(model.Grants.ElementsAs(ctx, &grants, false)...)
	for i, g := range grants {
		b.validateGrant(ctx, i, g)
	}
	var statements []partialStatementModel
	b.diags.Append(model.Statements.ElementsAs(ctx, &statements, false)...)
	for i, s := range statements {
		b.validateStatement(ctx, i, s)
	}
}

// validateGrant checks a grant's known values; a grant with no unknown
// value is planned in full, alone.
func (b *documentBuilder) validateGrant(ctx context.Context, index int, m partialGrantModel) {
	at := path.Root("grant").AtListIndex(index)
	conditions, conditionsKnown := b.partialConditions(ctx, m.Conditions)
	levels, levelsAt, levelsKnown := knownStrings(m.AccessLevels)
	actions, actionsAt, actionsKnown := knownStrings(m.Actions)
	resources, resourcesAt, resourcesKnown := knownStrings(m.Resources)
	g := planner.Grant{
		Actions:    stringValuesOf(actions),
		Resources:  stringValuesOf(resources),
		Effect:     m.Effect.ValueString(),
		Conditions: conditions,
		Partial:    !conditionsKnown || !levelsKnown || !actionsKnown || !resourcesKnown || m.Effect.IsUnknown(),
	}
	for i, s := range levels {
		if level, ok := catalog.ParseAccessLevel(s.ValueString()); ok {
			g.AccessLevels = append(g.AccessLevels, level)
		} else if !s.IsNull() {
			b.diags.AddAttributeError(at.AtName("access_levels").AtListIndex(levelsAt[i]), "Unknown access level", unknownAccessLevelMessage(s.ValueString()))
		}
	}
	if b.diags.HasError() {
		return
	}
	result, problems := planner.Plan(b.catalog, []planner.Grant{g}, planner.Options{})
	for _, p := range problems {
		// Indexes in the problems count known values only.
		switch {
		case p.Field == planner.FieldActions && p.Index >= 0:
			p.Index = actionsAt[p.Index]
		case p.Field == planner.FieldResources && p.Index >= 0:
			p.Index = resourcesAt[p.Index]
		}
		p.Grant = index
		b.reportGrantProblem(p)
	}
	effect := g.Effect
	if effect == "" {
		effect = policy.Allow
	}
	var granted = result.Granted[0]
	if m.Effect.IsUnknown() {
		effect, granted = "", nil // which findings apply depends on the effect
	}
	for _, f := range b.checker.Conditions(effect, granted, g.Conditions) {
		b.report(at.AtName("condition").AtListIndex(f.Condition), f.Message, f.Severity)
	}
}

// validateStatement checks a statement block's known values.
func (b *documentBuilder) validateStatement(ctx context.Context, index int, m partialStatementModel) {
	at := path.Root("statement").AtListIndex(index)
	conditions, _ := b.partialConditions(ctx, m.Conditions)
	s := policy.Statement{
		Sid:          m.Sid.ValueString(),
		Effect:       m.Effect.ValueString(),
		Actions:      knownSetValues(at.AtName("actions"), m.Actions, b.diags),
		NotActions:   knownSetValues(at.AtName("not_actions"), m.NotActions, b.diags),
		Resources:    knownSetValues(at.AtName("resources"), m.Resources, b.diags),
		NotResources: knownSetValues(at.AtName("not_resources"), m.NotResources, b.diags),
		Conditions:   conditions,
	}
	if m.Effect.IsNull() {
		s.Effect = policy.Allow
	}
	for _, f := range b.checker.PartialStatement(index, &s) {
		b.report(findingPath(at, f), f.Message, f.Severity)
	}
}

// partialConditions returns the conditions whose operator and key are
// known, with their known values; complete is false when any is left out.
func (b *documentBuilder) partialConditions(ctx context.Context, list types.List) (conditions []policy.Condition, complete bool) {
	if list.IsUnknown() {
		return nil, false
	}
	var models []partialConditionModel
	b.diags.Append(list.ElementsAs(ctx, &models, false)...)
	complete = true
	for _, m := range models {
		values, _, valuesKnown := knownStrings(m.Values)
		if m.Test.IsUnknown() || m.Variable.IsUnknown() || !valuesKnown && len(values) == 0 {
			complete = false
			continue
		}
		complete = complete && valuesKnown
		conditions = append(conditions, policy.Condition{Operator: m.Test.ValueString(), Key: m.Variable.ValueString(), Values: stringValuesOf(values)})
	}
	return conditions, complete
}

// knownStrings returns a list's known, non-null elements with their
// positions in the list; known is false when the list or any element is
// unknown.
func knownStrings(list types.List) (values []types.String, positions []int, known bool) {
	if list.IsUnknown() {
		return nil, nil, false
	}
	known = true
	for i, e := range list.Elements() {
		s, ok := e.(types.String)
		switch {
		case !ok || s.IsUnknown():
			known = false
		case !s.IsNull(): // a null element is Read's to report
			values = append(values, s)
			positions = append(positions, i)
		}
	}
	return values, positions, known
}

// knownSetValues returns the known elements of a set, or nil when the set is
// null or unknown.
func knownSetValues(at path.Path, set types.Set, diags *diag.Diagnostics) []string {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	var values []types.String
	for _, e := range set.Elements() {
		if s, ok := e.(types.String); ok && !s.IsUnknown() {
			values = append(values, s)
		}
	}
	return setValues(at, nonNil(values), diags)
}

func stringValuesOf(values []types.String) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		if !v.IsNull() {
			out = append(out, v.ValueString())
		}
	}
	return out
}
