package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
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
	UnknownActions       []string            `tfsdk:"unknown_actions"`
	Size                 types.Int64         `tfsdk:"size"`
	ErrorCount           types.Int64         `tfsdk:"error_count"`
	WarningCount         types.Int64         `tfsdk:"warning_count"`
	SuggestionCount      types.Int64         `tfsdk:"suggestion_count"`
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
	resp.Schema = schema.Schema{
		MarkdownDescription: "Audits any IAM policy for Amazon Connect: hand-written, from `aws_iam_policy_document`, from `connect_policy_document` or from a file. " +
			"It reports what is wrong or too broad as findings, and what the policy allows. " +
			"With `fail_on`, findings of that severity or worse fail the plan.",
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
					"Over that kind's quota is an error; an AWS managed policy is held to none. "+
					"Without it, a policy too large for every customer policy is a warning and one over a smaller quota a suggestion.", quotedCode(policyKindNames())),
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(policyKindNames()...)},
			},
			"ignore": schema.ListAttribute{
				MarkdownDescription: "Finding codes to leave out, such as `resource-wildcard`. The codes are listed in the provider's documentation of this data source.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(checker.Codes...))},
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
				MarkdownDescription: "The `connect:` actions that the Allow statements name, patterns and `NotAction` expanded against the catalog, sorted. Resources and conditions are not considered.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"denied_actions": schema.ListAttribute{
				MarkdownDescription: "The `connect:` actions that the Deny statements name, expanded likewise, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"allowed_by_access_level": schema.MapAttribute{
				MarkdownDescription: "`allowed_actions` grouped by access level: a key for each of `List`, `Read`, `Write`, `Permissions management` and `Tagging`. " +
					"An action of two levels, such as `connect:TagResource`, is listed under both.",
				ElementType: types.ListType{ElemType: types.StringType},
				Computed:    true,
			},
			"unknown_actions": schema.ListAttribute{
				MarkdownDescription: "The `connect:` names and patterns, as written, that match no action in the catalog, sorted.",
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
	failOn := model.FailOn.ValueString()
	if model.FailOn.IsNull() {
		failOn = failOnNever
	}
	kind := policy.Kind(model.PolicyKind.ValueString())
	ignored := stringsOf(model.Ignore)

	text := model.Policy.ValueString()
	size := policy.Size(text)
	var findings []checker.Finding
	summary := checker.Summary{AllowedByLevel: map[catalog.AccessLevel][]string{}}
	doc, err := policy.Parse([]byte(text))
	if err != nil {
		findings = []checker.Finding{{Code: checker.CodeMalformedPolicy, Severity: checker.SeverityError, Statement: -1, Condition: -1,
			Message: fmt.Sprintf("The policy cannot be read: %v.", err)}}
		findings = append(findings, checker.SizeFindings(size, kind)...)
	} else {
		findings = checker.New(c).Document(doc, size, kind)
		summary = checker.Summarize(c, doc)
	}
	findings = slices.DeleteFunc(findings, func(f checker.Finding) bool { return slices.Contains(ignored, f.Code) })

	model.Findings = make([]findingModel, len(findings))
	counts := map[checker.Severity]int64{}
	for i, f := range findings {
		model.Findings[i] = findingOf(f)
		counts[f.Severity]++
		if failOn != failOnNever && f.Severity.AtLeast(checker.Severity(failOn)) {
			resp.Diagnostics.AddAttributeError(path.Root("policy"), fmt.Sprintf("Policy %s: %s", f.Severity, f.Code), compose.StatementLocation(f)+f.Message)
		}
	}
	model.AllowedActions = nonNil(summary.Allowed)
	model.DeniedActions = nonNil(summary.Denied)
	model.UnknownActions = nonNil(summary.Unknown)
	model.AllowedByAccessLevel = map[string][]string{}
	for _, level := range catalog.AccessLevels {
		model.AllowedByAccessLevel[string(level)] = nonNil(summary.AllowedByLevel[level])
	}
	model.Size = types.Int64Value(int64(size))
	model.ErrorCount = types.Int64Value(counts[checker.SeverityError])
	model.WarningCount = types.Int64Value(counts[checker.SeverityWarning])
	model.SuggestionCount = types.Int64Value(counts[checker.SeveritySuggestion])
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
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
