package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var _ datasource.DataSourceWithConfigure = (*policyDocumentDataSource)(nil)

// NewPolicyDocumentDataSource returns the connect_policy_document data source.
func NewPolicyDocumentDataSource() datasource.DataSource { return &policyDocumentDataSource{} }

type policyDocumentDataSource struct {
	configuredCatalog
}

// skipPolicyDocumentWork is set only in the benchmark build (bench_stub.go).
var skipPolicyDocumentWork = false

type policyDocumentModel struct {
	Grants                  []grantModel     `tfsdk:"grant"`
	Statements              []statementModel `tfsdk:"statement"`
	SourcePolicyDocuments   []types.String   `tfsdk:"source_policy_documents"`
	OverridePolicyDocuments []types.String   `tfsdk:"override_policy_documents"`
	IncludeDependentActions types.Bool       `tfsdk:"include_dependent_actions"`
	Minimize                types.Bool       `tfsdk:"minimize"`
	SizeLimit               types.Int64      `tfsdk:"size_limit"`
	Version                 types.String     `tfsdk:"version"`
	PolicyID                types.String     `tfsdk:"policy_id"`
	JSON                    types.String     `tfsdk:"json"`
	MinifiedJSON            types.String     `tfsdk:"minified_json"`
	AllowedActions          []string         `tfsdk:"allowed_actions"`
	DeniedActions           []string         `tfsdk:"denied_actions"`
	Size                    types.Int64      `tfsdk:"size"`
}

type grantModel struct {
	AccessLevels []types.String   `tfsdk:"access_levels"`
	Actions      []types.String   `tfsdk:"actions"`
	Resources    []types.String   `tfsdk:"resources"`
	Effect       types.String     `tfsdk:"effect"`
	Conditions   []conditionModel `tfsdk:"condition"`
}

type statementModel struct {
	Sid           types.String     `tfsdk:"sid"`
	Effect        types.String     `tfsdk:"effect"`
	Actions       []types.String   `tfsdk:"actions"`
	NotActions    []types.String   `tfsdk:"not_actions"`
	Resources     []types.String   `tfsdk:"resources"`
	NotResources  []types.String   `tfsdk:"not_resources"`
	Principals    []principalModel `tfsdk:"principals"`
	NotPrincipals []principalModel `tfsdk:"not_principals"`
	Conditions    []conditionModel `tfsdk:"condition"`
}

type principalModel struct {
	Type        types.String   `tfsdk:"type"`
	Identifiers []types.String `tfsdk:"identifiers"`
}

type conditionModel struct {
	Test     types.String   `tfsdk:"test"`
	Variable types.String   `tfsdk:"variable"`
	Values   []types.String `tfsdk:"values"`
}

func (d *policyDocumentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_document"
}

func conditionBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		Description: "A condition that must hold for the statement to apply, as in `aws_iam_policy_document`. " +
			"The key must be supported by every Connect action the statement covers, and the operator must fit the key's type.",
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"test": schema.StringAttribute{
					Description: "The condition operator, such as `StringEquals`, `StringLike`, `ForAnyValue:StringEquals` or `Bool`.",
					Required:    true,
				},
				"variable": schema.StringAttribute{
					Description: "The condition key, such as `aws:ResourceTag/team` or `aws:SourceIp`.",
					Required:    true,
				},
				"values": schema.ListAttribute{
					Description: "The values to compare the key with; the condition holds if any of them matches.",
					ElementType: types.StringType,
					Required:    true,
				},
			},
		},
	}
}

func principalsBlock(not string) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		Description: fmt.Sprintf("The %sprincipals of the statement, as in `aws_iam_policy_document`; only resource-based and trust policies have them.", not),
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"type": schema.StringAttribute{
					Description: "The type of principal: `AWS`, `Service`, `Federated`, `CanonicalUser` or `*`.",
					Required:    true,
				},
				"identifiers": schema.SetAttribute{
					Description: "The principals of that type, such as account ARNs or service names.",
					ElementType: types.StringType,
					Required:    true,
				},
			},
		},
	}
}

func (d *policyDocumentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	stringSet := func(description string) schema.SetAttribute {
		return schema.SetAttribute{Description: description, ElementType: types.StringType, Optional: true}
	}
	resp.Schema = schema.Schema{
		Description: "Builds a least-privilege IAM policy for Amazon Connect and checks it at plan time. " +
			"`grant` blocks select actions by access level and name and grant each one on exactly those of the given resources whose type it can act on; " +
			"`statement` blocks are written as in `aws_iam_policy_document` and checked against the catalog; " +
			"`source_policy_documents` and `override_policy_documents` merge with other policies by `aws_iam_policy_document`'s rules. " +
			"The JSON is the same, byte for byte, for the same inputs in any order.",
		Blocks: map[string]schema.Block{
			"grant": schema.ListNestedBlock{
				Description: "Grants the selected actions on the resources they can act on. Statements come out grouped by effect, access level and resource type, " +
					"with Sids such as `ConnectReadQueue`. An action named explicitly that can act on none of the resources is an error, as is a grant that grants nothing; " +
					"an action selected by access level or pattern that fits none of the resources is left out.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"access_levels": schema.ListAttribute{
							Description: "Select every action of these access levels: `List`, `Read`, `Write`, `Permissions management`, `Tagging`, or their CLI spellings such as `permissions-management`.",
							ElementType: types.StringType,
							Optional:    true,
						},
						"actions": schema.ListAttribute{
							Description: "Select these actions: names or patterns with `*` and `?`, with or without the `connect:` prefix, in any case.",
							ElementType: types.StringType,
							Optional:    true,
						},
						"resources": schema.ListAttribute{
							Description: "The Connect ARNs to grant on, possibly with `*` and `?` wildcards or policy variables, or `\"*\"`. " +
								"Actions that support no resource-level permission are granted only on `\"*\"`.",
							ElementType: types.StringType,
							Required:    true,
						},
						"effect": schema.StringAttribute{
							Description: "`Allow` (the default) or `Deny`.",
							Optional:    true,
						},
					},
					Blocks: map[string]schema.Block{"condition": conditionBlock()},
				},
			},
			"statement": schema.ListNestedBlock{
				Description: "A statement written out, with the schema and meaning of `aws_iam_policy_document`'s. Its `connect:` actions must exist and its patterns match some action; " +
					"its Connect ARNs must be well formed and, in an Allow, each action must be able to act on one of its resources; its conditions are checked like a grant's. " +
					"Actions and ARNs of other services pass through unchecked.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"sid":           schema.StringAttribute{Description: "The statement's Sid: letters and digits, unique in the policy.", Optional: true},
						"effect":        schema.StringAttribute{Description: "`Allow` (the default) or `Deny`.", Optional: true},
						"actions":       stringSet("The actions the statement allows or denies, such as `connect:DescribeUser` or `connect:List*`."),
						"not_actions":   stringSet("The actions the statement does not apply to; it applies to every other action."),
						"resources":     stringSet("The resources the statement applies to: ARNs, possibly with wildcards, or `\"*\"`."),
						"not_resources": stringSet("The resources the statement does not apply to; it applies to every other resource."),
					},
					Blocks: map[string]schema.Block{
						"principals":     principalsBlock(""),
						"not_principals": principalsBlock("excluded "),
						"condition":      conditionBlock(),
					},
				},
			},
		},
		Attributes: map[string]schema.Attribute{
			"source_policy_documents": schema.ListAttribute{
				Description: "Policies, as JSON, whose statements come first. Sids must be unique across them; " +
					"a statement of this document with the same Sid as a source statement replaces it.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"override_policy_documents": schema.ListAttribute{
				Description: "Policies, as JSON, merged in last, in order: a statement with the same Sid as an earlier one replaces it, any other is added.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"include_dependent_actions": schema.BoolAttribute{
				Description: "Whether to allow, in a statement of their own on `\"*\"` (Sid `ConnectDependentActions`), the actions that the allowed actions depend on, and those that these depend on in turn, " +
					"such as `connect:DescribeQueue` for `connect:SearchQueues`. Defaults to `true`; when `false`, a warning lists what is missing.",
				Optional: true,
			},
			"minimize": schema.BoolAttribute{
				Description: "Whether to replace the actions of the statements the grants produce by the shortest wildcards that match exactly the same actions in this catalog " +
					"(such as `connect:Describe*`), merging statements with the same effect, resources and conditions. Defaults to `false`. " +
					"**Warning:** a wildcard also matches actions that AWS adds to Connect later, which this policy would then grant without review.",
				Optional: true,
			},
			"size_limit": schema.Int64Attribute{
				Description: "The most characters, white space excluded, that the policy may have; a larger policy is an error. " +
					"Without it, a policy over the managed-policy quota of 6,144 gets a warning. Other IAM quotas: 10,240 role inline, 5,120 group inline, 2,048 user inline.",
				Optional: true,
			},
			"version": schema.StringAttribute{
				Description: "The policy language version: `2012-10-17` (the default) or `2008-10-17`.",
				Optional:    true,
			},
			"policy_id": schema.StringAttribute{
				Description: "The policy's `Id` element.",
				Optional:    true,
			},
			"json": schema.StringAttribute{
				Description: "The policy as JSON indented by two spaces, elements in IAM's usual order, lists sorted, a single value as a plain string.",
				Computed:    true,
			},
			"minified_json": schema.StringAttribute{
				Description: "The policy as JSON without white space.",
				Computed:    true,
			},
			"allowed_actions": schema.ListAttribute{
				Description: "The `connect:` actions the policy's Allow statements name, patterns and `NotAction` expanded against the catalog, sorted.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"denied_actions": schema.ListAttribute{
				Description: "The `connect:` actions the policy's Deny statements name, expanded likewise, sorted.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"size": schema.Int64Attribute{
				Description: "The policy's size as IAM counts it against its quotas: characters without white space.",
				Computed:    true,
			},
		},
	}
}

func (d *policyDocumentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !req.Config.Raw.IsFullyKnown() {
		// Terraform defers reading until the values are known; this is a
		// guard, not a path Terraform takes.
		return
	}
	if skipPolicyDocumentWork {
		resp.State.Raw = req.Config.Raw
		return
	}
	var model policyDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	b := newDocumentBuilder(c, &resp.Diagnostics)
	doc := b.build(&model)
	if resp.Diagnostics.HasError() {
		return
	}
	minified := doc.MinifiedJSON()
	size := policy.Size(minified)
	b.checkSize(size, model.SizeLimit)
	if resp.Diagnostics.HasError() {
		return
	}
	summary := checker.Summarize(c, doc)
	model.JSON = types.StringValue(doc.JSON())
	model.MinifiedJSON = types.StringValue(minified)
	model.AllowedActions = nonNil(summary.Allowed)
	model.DeniedActions = nonNil(summary.Denied)
	model.Size = types.Int64Value(int64(size))
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// documentBuilder turns the configuration into a policy, reporting each
// problem on the attribute that caused it.
type documentBuilder struct {
	catalog *catalog.Catalog
	checker *checker.Checker
	diags   *diag.Diagnostics
}

func newDocumentBuilder(c *catalog.Catalog, diags *diag.Diagnostics) *documentBuilder {
	return &documentBuilder{catalog: c, checker: checker.New(c), diags: diags}
}

func (b *documentBuilder) build(model *policyDocumentModel) *policy.Document {
	version := policy.Version2012
	if !model.Version.IsNull() {
		version = model.Version.ValueString()
		if version != policy.Version2012 && version != policy.Version2008 {
			b.diags.AddAttributeError(path.Root("version"), "Invalid policy version",
				fmt.Sprintf("%q is not an IAM policy language version; use %q (or the older %q).", version, policy.Version2012, policy.Version2008))
		}
	}
	sources := b.parseDocuments("source_policy_documents", model.SourcePolicyDocuments)
	overrides := b.parseDocuments("override_policy_documents", model.OverridePolicyDocuments)
	if !b.diags.HasError() { // with a source left out, item numbers would be off
		b.checkSourceSids(sources)
	}

	minimize := model.Minimize.ValueBool()
	grantStatements := b.planGrants(model.Grants, minimize)
	blocks := b.statementBlocks(model.Statements)
	if b.diags.HasError() {
		return nil
	}
	b.checkCurrentSids(grantStatements, blocks)
	if b.diags.HasError() {
		return nil
	}

	compose := func(current []policy.Statement) *policy.Document {
		doc := &policy.Document{}
		for _, src := range sources {
			doc.Merge(src)
		}
		doc.Merge(&policy.Document{Version: version, ID: model.PolicyID.ValueString(), Statements: current})
		for _, o := range overrides {
			doc.Merge(o)
		}
		return doc
	}
	doc := compose(slices.Concat(grantStatements, blocks))
	missing := checker.MissingDependentActions(checker.DependentActionGaps(b.catalog, doc))
	if len(missing) == 0 {
		return doc
	}
	if !model.IncludeDependentActions.IsNull() && !model.IncludeDependentActions.ValueBool() {
		b.diags.AddAttributeWarning(path.Root("include_dependent_actions"), "Dependent actions left out",
			fmt.Sprintf("The allowed actions also need %s, which the policy does not allow; requests will fail without them. Set include_dependent_actions to true, or allow them elsewhere.", strings.Join(missing, ", ")))
		return doc
	}
	// A dependent action may have dependent actions of its own: add until
	// nothing new is missing (an override may replace the statement).
	var dependents []string
	for len(missing) > 0 && !isSubset(missing, dependents) {
		dependents = append(dependents, missing...)
		statement := planner.DependentActionsStatement(b.catalog, dependents, minimize)
		doc = compose(slices.Concat(grantStatements, []policy.Statement{statement}, blocks))
		missing = checker.MissingDependentActions(checker.DependentActionGaps(b.catalog, doc))
	}
	return doc
}

func isSubset(values, of []string) bool {
	for _, v := range values {
		if !slices.Contains(of, v) {
			return false
		}
	}
	return true
}

// parseDocuments parses policies given as JSON, reporting on each.
func (b *documentBuilder) parseDocuments(attribute string, values []types.String) []*policy.Document {
	var docs []*policy.Document
	for i, v := range values {
		if doc := b.checkDocument(path.Root(attribute).AtListIndex(i), v); doc != nil {
			docs = append(docs, doc)
		}
	}
	return docs
}

// checkDocument parses a policy given as JSON, with an error if it does not
// parse and the checker's findings on its statements if it does.
func (b *documentBuilder) checkDocument(at path.Path, v types.String) *policy.Document {
	if v.IsNull() {
		b.diags.AddAttributeError(at, "Null policy", "This list may not contain null values.")
		return nil
	}
	doc, err := policy.Parse([]byte(v.ValueString()))
	if err != nil {
		b.diags.AddAttributeError(at, "Invalid policy JSON", fmt.Sprintf("This policy cannot be read: %v.", err))
		return nil
	}
	for _, f := range b.checker.Document(doc, policy.Size(v.ValueString()), "") {
		if f.Code == checker.CodeMissingDependentActions || f.Statement < 0 {
			continue // judged on the merged policy
		}
		b.report(at, findingLocation(f)+f.Message, f.Severity)
	}
	return doc
}

func sidNote(sid string) string {
	if sid == "" {
		return ""
	}
	return fmt.Sprintf(" (Sid %s)", sid)
}

// report adds a checker finding as a diagnostic; suggestions are not
// diagnostics.
func (b *documentBuilder) report(at path.Path, message string, severity checker.Severity) {
	switch severity {
	case checker.SeverityError:
		b.diags.AddAttributeError(at, "Policy error", message)
	case checker.SeverityWarning:
		b.diags.AddAttributeWarning(at, "Policy warning", message)
	}
}

func (b *documentBuilder) checkSourceSids(sources []*policy.Document) {
	where := map[string]int{}
	for i, doc := range sources {
		for _, s := range doc.Statements {
			if s.Sid == "" {
				continue
			}
			if first, dup := where[s.Sid]; dup {
				b.diags.AddAttributeError(path.Root("source_policy_documents").AtListIndex(i), "Duplicate Sid",
					fmt.Sprintf("Sid %q is used more than once across source_policy_documents (first in item %d); Sids of source policies must be unique.", s.Sid, first))
				continue
			}
			where[s.Sid] = i
		}
	}
}

func (b *documentBuilder) checkCurrentSids(grantStatements, blocks []policy.Statement) {
	generated := map[string]bool{planner.DependentActionsSid: true}
	for _, s := range grantStatements {
		generated[s.Sid] = true
	}
	seen := map[string]int{}
	for i, s := range blocks {
		if s.Sid == "" {
			continue
		}
		at := path.Root("statement").AtListIndex(i).AtName("sid")
		if generated[s.Sid] {
			b.diags.AddAttributeError(at, "Duplicate Sid",
				fmt.Sprintf("Sid %q is also the Sid of a statement the grants produce; choose another Sid.", s.Sid))
		} else if first, dup := seen[s.Sid]; dup {
			b.diags.AddAttributeError(at, "Duplicate Sid",
				fmt.Sprintf("Sid %q is already used by statement block %d; Sids must be unique.", s.Sid, first))
		}
		seen[s.Sid] = i
	}
}

func (b *documentBuilder) planGrants(grants []grantModel, minimize bool) []policy.Statement {
	planned := make([]planner.Grant, len(grants))
	for i, g := range grants {
		at := path.Root("grant").AtListIndex(i)
		planned[i] = planner.Grant{
			AccessLevels: accessLevels(at.AtName("access_levels"), g.AccessLevels, b.diags),
			Actions:      stringValues(at.AtName("actions"), g.Actions, b.diags),
			Resources:    stringValues(at.AtName("resources"), g.Resources, b.diags),
			Effect:       g.Effect.ValueString(),
			Conditions:   conditions(at.AtName("condition"), g.Conditions, b.diags),
		}
	}
	if b.diags.HasError() {
		return nil
	}
	result, problems := planner.Plan(b.catalog, planned, planner.Options{Minimize: minimize})
	for _, p := range problems {
		b.reportGrantProblem(p)
	}
	for i, g := range planned {
		at := path.Root("grant").AtListIndex(i)
		effect := g.Effect
		if effect == "" {
			effect = policy.Allow
		}
		for _, f := range b.checker.Conditions(effect, result.Granted[i], g.Conditions) {
			b.report(at.AtName("condition").AtListIndex(f.Condition), f.Message, f.Severity)
		}
		if star := slices.Index(g.Resources, "*"); star >= 0 && effect == policy.Allow {
			for _, f := range checker.ResourceWildcard(result.Granted[i], g.Conditions) {
				b.report(at.AtName("resources").AtListIndex(star), f.Message, f.Severity)
			}
		}
	}
	return result.Statements
}

func (b *documentBuilder) reportGrantProblem(p planner.Problem) {
	at := path.Root("grant").AtListIndex(p.Grant)
	if p.Field != "" {
		at = at.AtName(p.Field)
		if p.Index >= 0 {
			at = at.AtListIndex(p.Index)
		}
	}
	b.diags.AddAttributeError(at, "Invalid grant", p.Message)
}

func (b *documentBuilder) statementBlocks(blocks []statementModel) []policy.Statement {
	out := make([]policy.Statement, len(blocks))
	for i, m := range blocks {
		at := path.Root("statement").AtListIndex(i)
		s := policy.Statement{
			Sid:           m.Sid.ValueString(),
			Effect:        policy.Allow,
			Actions:       setValues(at.AtName("actions"), m.Actions, b.diags),
			NotActions:    setValues(at.AtName("not_actions"), m.NotActions, b.diags),
			Resources:     setValues(at.AtName("resources"), m.Resources, b.diags),
			NotResources:  setValues(at.AtName("not_resources"), m.NotResources, b.diags),
			Principals:    principals(at.AtName("principals"), m.Principals, b.diags),
			NotPrincipals: principals(at.AtName("not_principals"), m.NotPrincipals, b.diags),
			Conditions:    conditions(at.AtName("condition"), m.Conditions, b.diags),
		}
		if !m.Effect.IsNull() {
			s.Effect = m.Effect.ValueString()
		}
		for _, f := range b.checker.Statement(i, &s) {
			b.report(findingPath(at, f), f.Message, f.Severity)
		}
		out[i] = s
	}
	return out
}

// findingPath is the attribute of a statement block that a finding is about.
func findingPath(statement path.Path, f checker.Finding) path.Path {
	attribute := map[string]string{
		checker.ElementSid: "sid", checker.ElementEffect: "effect",
		checker.ElementAction: "actions", checker.ElementNotAction: "not_actions",
		checker.ElementResource: "resources", checker.ElementNotResource: "not_resources",
		checker.ElementPrincipal: "principals", checker.ElementNotPrincipal: "not_principals",
		checker.ElementCondition: "condition",
	}[f.Element]
	if attribute == "" {
		return statement
	}
	at := statement.AtName(attribute)
	switch {
	case f.Element == checker.ElementCondition && f.Condition >= 0:
		return at.AtListIndex(f.Condition)
	case (f.Element == checker.ElementAction || f.Element == checker.ElementNotAction) && f.Action != "":
		return at.AtSetValue(types.StringValue(f.Action))
	case (f.Element == checker.ElementResource || f.Element == checker.ElementNotResource) && f.Resource != "" && f.Resource != "*":
		return at.AtSetValue(types.StringValue(f.Resource))
	}
	return at
}

func (b *documentBuilder) checkSize(size int, limit types.Int64) {
	if limit.IsNull() {
		if size > policy.QuotaManaged {
			b.diags.AddWarning("Policy over the managed-policy quota",
				fmt.Sprintf("The policy is %d characters without white space, over the %d allowed for a managed policy; attach it inline to a role (10,240), split it, or set size_limit to the quota that applies.", size, policy.QuotaManaged))
		}
		return
	}
	switch most := limit.ValueInt64(); {
	case most <= 0:
		b.diags.AddAttributeError(path.Root("size_limit"), "Invalid size limit", fmt.Sprintf("size_limit must be a positive number of characters, not %d.", most))
	case int64(size) > most:
		b.diags.AddAttributeError(path.Root("size_limit"), "Policy too large",
			fmt.Sprintf("The policy is %d characters without white space, over the size_limit of %d; split it, narrow the grants, or set minimize to true.", size, most))
	}
}

func accessLevels(at path.Path, values []types.String, diags *diag.Diagnostics) []catalog.AccessLevel {
	var out []catalog.AccessLevel
	for i, s := range stringValues(at, values, diags) {
		level, ok := catalog.ParseAccessLevel(s)
		if !ok {
			diags.AddAttributeError(at.AtListIndex(i), "Unknown access level", unknownAccessLevelMessage(s))
			continue
		}
		out = append(out, level)
	}
	return out
}

// setValues reads a set attribute, keeping nil for a null set: an absent
// element differs from an empty one.
func setValues(at path.Path, values []types.String, diags *diag.Diagnostics) []string {
	if values == nil {
		return nil
	}
	out := make([]string, 0, len(values))
	for _, v := range values {
		if v.IsNull() {
			diags.AddAttributeError(at, "Null value", "This set may not contain null values.")
			continue
		}
		out = append(out, v.ValueString())
	}
	return out
}

func principals(at path.Path, models []principalModel, diags *diag.Diagnostics) []policy.Principal {
	if models == nil {
		return nil
	}
	out := make([]policy.Principal, 0, len(models))
	for _, m := range models {
		p := policy.Principal{Type: m.Type.ValueString(), Identifiers: setValues(at.AtName("identifiers"), m.Identifiers, diags)}
		if p.Type == "*" && (len(p.Identifiers) != 1 || p.Identifiers[0] != "*") {
			diags.AddAttributeError(at, "Invalid principal", `A principal of type "*" must have the identifiers ["*"].`)
		}
		out = append(out, p)
	}
	return out
}

func conditions(at path.Path, models []conditionModel, diags *diag.Diagnostics) []policy.Condition {
	out := make([]policy.Condition, 0, len(models))
	for i, m := range models {
		out = append(out, policy.Condition{
			Operator: m.Test.ValueString(),
			Key:      m.Variable.ValueString(),
			Values:   stringValues(at.AtListIndex(i).AtName("values"), m.Values, diags),
		})
	}
	return out
}
