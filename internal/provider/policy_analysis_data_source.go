package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/analysis"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

var _ datasource.DataSourceWithConfigure = (*policyAnalysisDataSource)(nil)

// NewPolicyAnalysisDataSource returns the connect_policy_analysis data source.
func NewPolicyAnalysisDataSource() datasource.DataSource { return &policyAnalysisDataSource{} }

type policyAnalysisDataSource struct {
	configuredCatalog
}

type policyAnalysisModel struct {
	Policy               types.String        `tfsdk:"policy"`
	FailOn               types.String        `tfsdk:"fail_on"`
	PolicyKind           types.String        `tfsdk:"policy_kind"`
	Ignore               []types.String      `tfsdk:"ignore"`
	Findings             []findingModel      `tfsdk:"findings"`
	AllowedActions       []string            `tfsdk:"allowed_actions"`
	DeniedActions        []string            `tfsdk:"denied_actions"`
	AllowedByAccessLevel map[string][]string `tfsdk:"allowed_by_access_level"`
	AllowedByRisk        map[string][]string `tfsdk:"allowed_by_risk"`
	MustNotAllow         []mustNotAllowModel `tfsdk:"must_not_allow"`
	Baseline             types.String        `tfsdk:"baseline"`
	FailOnNewRisk        types.Bool          `tfsdk:"fail_on_new_risk"`
	Review               *reviewModel        `tfsdk:"review"`
	UnknownActions       []string            `tfsdk:"unknown_actions"`
	Size                 types.Int64         `tfsdk:"size"`
	ErrorCount           types.Int64         `tfsdk:"error_count"`
	WarningCount         types.Int64         `tfsdk:"warning_count"`
	SuggestionCount      types.Int64         `tfsdk:"suggestion_count"`
}

type reviewModel struct {
	AddedActions         []string            `tfsdk:"added_actions"`
	RemovedActions       []string            `tfsdk:"removed_actions"`
	BroadenedActions     []string            `tfsdk:"broadened_actions"`
	AddedByAccessLevel   map[string][]string `tfsdk:"added_by_access_level"`
	RemovedByAccessLevel map[string][]string `tfsdk:"removed_by_access_level"`
	AddedByRisk          map[string][]string `tfsdk:"added_by_risk"`
	RemovedByRisk        map[string][]string `tfsdk:"removed_by_risk"`
	NewRisks             []string            `tfsdk:"new_risks"`
	NewWritesEverywhere  []string            `tfsdk:"new_writes_everywhere"`
}

type findingModel struct {
	Code           string       `tfsdk:"code"`
	Severity       string       `tfsdk:"severity"`
	StatementIndex types.Int64  `tfsdk:"statement_index"`
	Sid            types.String `tfsdk:"sid"`
	Action         types.String `tfsdk:"action"`
	Resource       types.String `tfsdk:"resource"`
	ConditionKey   types.String `tfsdk:"condition_key"`
	Message        string       `tfsdk:"message"`
}

// failOnNever is the fail_on value that keeps findings out of diagnostics.
const failOnNever = "never"

// failOnValues are the values of fail_on, for its validator and description.
var failOnValues = []string{string(checker.SeverityError), string(checker.SeverityWarning), failOnNever}

func (d *policyAnalysisDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_analysis"
}

func (d *policyAnalysisDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	computedList := func(description string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: description, ElementType: types.StringType, Computed: true}
	}
	computedGroups := func(description string) schema.MapAttribute {
		return schema.MapAttribute{MarkdownDescription: description, ElementType: types.ListType{ElemType: types.StringType}, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Audits any IAM policy for Amazon Connect: hand-written, from `aws_iam_policy_document`, from `connect_policy_document` or from a file. " +
			"It reports what is wrong or too broad as findings, and what the policy allows. " +
			"With `fail_on`, findings of that severity or worse fail the plan.",
		Blocks: map[string]schema.Block{"must_not_allow": mustNotAllowBlock()},
		Attributes: map[string]schema.Attribute{
			"policy": schema.StringAttribute{
				MarkdownDescription: "The policy to audit, as JSON.",
				Required:            true,
			},
			"fail_on": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The severity at or above which findings also become errors that fail the plan: %s; `never` is the default.", quotedCode(failOnValues)),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(failOnValues...)},
			},
			"policy_kind": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What kind of policy this is, which decides the size quota it is held to: %s. "+
					"Over that kind's quota is an error; an AWS managed policy is held to none, and neither is a resource-based policy (such as a VPC endpoint's), which may also name principals. "+
					"Without it, a policy too large for every customer policy is a warning and one over a smaller quota a suggestion.", quotedCode(policyKindNames())),
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(policyKindNames()...)},
			},
			"ignore": schema.ListAttribute{
				MarkdownDescription: "Finding codes to leave out, such as `resource-wildcard`. The codes are listed in the provider's documentation of this data source.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(findingCodes...))},
			},
			"findings": schema.ListNestedAttribute{
				MarkdownDescription: "What is wrong or too broad, sorted by statement, severity and code.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"code":            computedString("The rule that found it, such as `unknown-action`."),
						"severity":        computedString("`error` (IAM rejects the policy, or it does not do what it says), `warning` (too broad or likely a mistake) or `suggestion` (could be narrower)."),
						"statement_index": schema.Int64Attribute{MarkdownDescription: "The statement's position in the policy, from 0; null for the policy as a whole.", Computed: true},
						"sid":             computedString("The statement's Sid, if it has one."),
						"action":          computedString("The action at fault, where one is."),
						"resource":        computedString("The resource at fault, where one is."),
						"condition_key":   computedString("The condition key at fault, where one is."),
						"message":         computedString("What is wrong and what would be right, in one sentence."),
					},
				},
			},
			"allowed_actions": schema.ListAttribute{
				MarkdownDescription: "What the policy allows **by name**: the `connect:` actions that the Allow statements name, patterns and `NotAction` expanded against the catalog, sorted by full name." +
					" With a family prefix (`profile:Search*`, `cases:GetCase`), a pattern adds that service's actions; `*` and `NotAction` expand to Connect's only. " +
					"Resources, conditions and Denies are not considered (`denied_actions` lists what the Denies name); `allowed_by_risk` is the effective view, after the Denies that surely apply.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"denied_actions": schema.ListAttribute{
				MarkdownDescription: "The `connect:` actions that the Deny statements name, and those of the family named by their prefix, expanded likewise, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"allowed_by_access_level": schema.MapAttribute{
				MarkdownDescription: "`allowed_actions` (the by-name view) grouped by access level: a key for each of `List`, `Read`, `Write`, `Permissions management` and `Tagging`. " +
					"An action of two levels, such as `connect:TagResource`, is listed under both. An action that an unconditional Deny takes away is still listed here, and not in `allowed_by_risk`.",
				ElementType: types.ListType{ElemType: types.StringType},
				Computed:    true,
			},
			"allowed_by_risk": schema.MapAttribute{
				MarkdownDescription: fmt.Sprintf("What the policy **effectively** allows, grouped by risk category: a key for each of %s. Actions of the rest of the Amazon Connect family (`profile:`, `cases:`, `voiceid:`, `wisdom:`, `connect-campaigns:`, `app-integrations:`, `health-agent:`) are in it too. "+
					"Unlike `allowed_actions` (by name), a Deny that surely covers an action (unconditional, on resources that cover it) takes it out; the actions of a combination of risk are under its category.", quotedCode(risk.CategoryNames())),
				ElementType: types.ListType{ElemType: types.StringType},
				Computed:    true,
			},
			"baseline": schema.StringAttribute{
				MarkdownDescription: "A policy to review this one against, as JSON, such as the policy attached today: `review` then says what this policy allows that the baseline does not, and the other way round.",
				Optional:            true,
			},
			"fail_on_new_risk": schema.BoolAttribute{
				MarkdownDescription: "Whether to fail the plan when, against `baseline`, the policy adds a risk (an action of a risk category added or allowed more broadly, or a combination of risk) " +
					"or newly allows a Write or Permissions management action on every resource. Defaults to `false`; requires `baseline`.",
				Optional:   true,
				Validators: []validator.Bool{boolvalidator.AlsoRequires(path.MatchRoot("baseline"))},
			},
			"review": schema.SingleNestedAttribute{
				MarkdownDescription: "What this policy changes against `baseline`; null without a baseline. Conditions and resources count: an action allowed in both, on more resources or under fewer conditions here, is broadened.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"added_actions":           computedList("The `connect:` actions this policy allows and the baseline does not, sorted."),
					"removed_actions":         computedList("The `connect:` actions the baseline allows and this policy does not, sorted."),
					"broadened_actions":       computedList("The `connect:` actions both allow, that this policy allows on more resources or under fewer conditions, sorted."),
					"added_by_access_level":   computedGroups("`added_actions` by access level."),
					"removed_by_access_level": computedGroups("`removed_actions` by access level."),
					"added_by_risk":           computedGroups("`added_actions` by risk category."),
					"removed_by_risk":         computedGroups("`removed_actions` by risk category."),
					"new_risks":               computedList("The risks the change adds, as `category: actions`: actions of a category added or broadened, combinations newly complete."),
					"new_writes_everywhere":   computedList("The Write and Permissions management actions this policy newly allows on every resource."),
				},
			},
			"unknown_actions": schema.ListAttribute{
				MarkdownDescription: "The names and patterns of `connect:` and of the rest of the family (`profile:`, `cases:`, ...), as written, that match no action in their service's catalog, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"size":             schema.Int64Attribute{MarkdownDescription: "The policy's size as IAM counts it against its quotas: characters without white space.", Computed: true},
			"error_count":      schema.Int64Attribute{MarkdownDescription: "The number of findings of severity `error`.", Computed: true},
			"warning_count":    schema.Int64Attribute{MarkdownDescription: "The number of findings of severity `warning`.", Computed: true},
			"suggestion_count": schema.Int64Attribute{MarkdownDescription: "The number of findings of severity `suggestion`.", Computed: true},
		},
	}
}

func (d *policyAnalysisDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model policyAnalysisModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := risk.For(c)
	if err != nil {
		resp.Diagnostics.AddError("Embedded risk model is invalid", fmt.Sprintf("%v. This is a bug in the provider.", err))
		return
	}
	result, problems := analysis.Analyze(c, m, analysisInput(&model))
	for _, p := range problems {
		resp.Diagnostics.AddAttributeError(analysisProblemPath(p), p.Summary, p.Message)
	}

	model.Findings = make([]findingModel, len(result.Findings))
	for i, f := range result.Findings {
		model.Findings[i] = findingOf(f)
	}
	model.Review = reviewValue(m, result.Review)
	model.AllowedActions = nonNil(result.Summary.Allowed)
	model.DeniedActions = nonNil(result.Summary.Denied)
	model.UnknownActions = nonNil(result.Summary.Unknown)
	model.AllowedByAccessLevel = levelsValue(result.Summary.AllowedByLevel)
	model.AllowedByRisk = byRiskValue(result.ByRisk)
	model.Size = types.Int64Value(int64(result.Size))
	model.ErrorCount = types.Int64Value(int64(result.Counts[checker.SeverityError]))
	model.WarningCount = types.Int64Value(int64(result.Counts[checker.SeverityWarning]))
	model.SuggestionCount = types.Int64Value(int64(result.Counts[checker.SeveritySuggestion]))
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// analysisInput converts the configuration.
func analysisInput(model *policyAnalysisModel) analysis.Input {
	in := analysis.Input{
		Policy:        model.Policy.ValueString(),
		Kind:          policy.Kind(model.PolicyKind.ValueString()),
		Ignore:        stringsOf(model.Ignore),
		MustNotAllow:  forbiddenOf(model.MustNotAllow),
		FailOnNewRisk: model.FailOnNewRisk.ValueBool(),
	}
	if failOn := model.FailOn.ValueString(); !model.FailOn.IsNull() && failOn != failOnNever {
		in.FailOn = checker.Severity(failOn)
	}
	if !model.Baseline.IsNull() {
		baseline := model.Baseline.ValueString()
		in.Baseline = &baseline
	}
	return in
}

// analysisProblemPath is the attribute a problem is about.
func analysisProblemPath(p analysis.Problem) path.Path {
	switch p.Part {
	case analysis.PartMustNotAllow:
		return path.Root("must_not_allow").AtListIndex(p.Index).AtName(p.Field)
	case analysis.PartBaseline:
		return path.Root("baseline")
	case analysis.PartFailOnNewRisk:
		return path.Root("fail_on_new_risk")
	}
	return path.Root("policy")
}

func findingOf(f checker.Finding) findingModel {
	optional := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	index := types.Int64Null()
	if f.Statement >= 0 {
		index = types.Int64Value(int64(f.Statement))
	}
	return findingModel{
		Code:           f.Code,
		Severity:       string(f.Severity),
		StatementIndex: index,
		Sid:            optional(f.Sid),
		Action:         optional(f.Action),
		Resource:       optional(f.Resource),
		ConditionKey:   optional(f.ConditionKey),
		Message:        f.Message,
	}
}

func policyKindNames() []string {
	names := make([]string, len(policy.Kinds))
	for i, k := range policy.Kinds {
		names[i] = string(k)
	}
	return names
}

// reviewValue is the review output; nil without a baseline.
func reviewValue(m *risk.Model, r *guard.Review) *reviewModel {
	if r == nil {
		return nil
	}
	return &reviewModel{
		AddedActions:         nonNil(catalog.FullNames(r.Added)),
		RemovedActions:       nonNil(catalog.FullNames(r.Removed)),
		BroadenedActions:     nonNil(catalog.FullNames(r.Broadened)),
		AddedByAccessLevel:   levelsValue(catalog.ByAccessLevel(r.Added)),
		RemovedByAccessLevel: levelsValue(catalog.ByAccessLevel(r.Removed)),
		AddedByRisk:          byRiskValue(m.ByCategory(r.Added)),
		RemovedByRisk:        byRiskValue(m.ByCategory(r.Removed)),
		NewRisks:             nonNil(r.NewRisks),
		NewWritesEverywhere:  nonNil(r.NewWritesEverywhere),
	}
}

// levelsValue is actions grouped by access level, for a map output with a
// key for every level.
func levelsValue(groups map[catalog.AccessLevel][]string) map[string][]string {
	out := map[string][]string{}
	for _, level := range catalog.AccessLevels {
		out[string(level)] = nonNil(groups[level])
	}
	return out
}
