package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var _ datasource.DataSourceWithConfigure = (*policyDocumentDataSource)(nil)

// NewPolicyDocumentDataSource returns the connect_policy_document data source.
func NewPolicyDocumentDataSource() datasource.DataSource { return &policyDocumentDataSource{} }

type policyDocumentDataSource struct {
	configuredCatalog
}

type policyDocumentModel struct {
	Grants                  []grantModel        `tfsdk:"grant"`
	Statements              []statementModel    `tfsdk:"statement"`
	MustNotAllow            []mustNotAllowModel `tfsdk:"must_not_allow"`
	SourcePolicyDocuments   []types.String      `tfsdk:"source_policy_documents"`
	OverridePolicyDocuments []types.String      `tfsdk:"override_policy_documents"`
	IncludeDependentActions types.Bool          `tfsdk:"include_dependent_actions"`
	Minimize                types.Bool          `tfsdk:"minimize"`
	SizeLimit               types.Int64         `tfsdk:"size_limit"`
	PolicyKind              types.String        `tfsdk:"policy_kind"`
	Version                 types.String        `tfsdk:"version"`
	PolicyID                types.String        `tfsdk:"policy_id"`
	JSON                    types.String        `tfsdk:"json"`
	MinifiedJSON            types.String        `tfsdk:"minified_json"`
	AllowedActions          []string            `tfsdk:"allowed_actions"`
	DeniedActions           []string            `tfsdk:"denied_actions"`
	Size                    types.Int64         `tfsdk:"size"`
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

// The values that attributes take, for their validators and descriptions.
var (
	effects        = []string{policy.Allow, policy.Deny}
	versions       = []string{policy.Version2012, policy.Version2008}
	principalTypes = []string{"AWS", "Service", "Federated", "CanonicalUser", "*"}
)

func (d *policyDocumentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_document"
}

func conditionBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "A condition that must hold for the statement to apply, as in `aws_iam_policy_document`. " +
			"The key must be supported by every Connect action the statement covers, and the operator must fit the key's type.",
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"test": schema.StringAttribute{
					MarkdownDescription: "The condition operator, such as `StringEquals`, `StringLike`, `ForAnyValue:StringEquals` or `Bool`.",
					Required:            true,
				},
				"variable": schema.StringAttribute{
					MarkdownDescription: "The condition key, such as `aws:ResourceTag/team`, `aws:SourceIp` or `connect:InstanceId`.",
					Required:            true,
				},
				"values": schema.ListAttribute{
					MarkdownDescription: "The values to compare the key with; the condition holds if any of them matches.",
					ElementType:         types.StringType,
					Required:            true,
					Validators:          []validator.List{listvalidator.NoNullValues()},
				},
			},
			Validators: []validator.Object{conditionValue{}},
		},
	}
}

func principalsBlock(not string) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		MarkdownDescription: fmt.Sprintf("The %sprincipals of the statement, as in `aws_iam_policy_document`; only resource-based and trust policies have them.", not),
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"type": schema.StringAttribute{
					MarkdownDescription: fmt.Sprintf("The type of principal: %s.", quotedCode(principalTypes)),
					Required:            true,
					Validators:          []validator.String{stringvalidator.OneOf(principalTypes...)},
				},
				"identifiers": schema.SetAttribute{
					MarkdownDescription: "The principals of that type, such as account ARNs or service names.",
					ElementType:         types.StringType,
					Required:            true,
					Validators:          []validator.Set{setvalidator.NoNullValues()},
				},
			},
			Validators: []validator.Object{principalValue{}},
		},
	}
}

// statementSet is a set of a statement block; element is its IAM element,
// other the attribute it conflicts with.
func statementSet(description, element, other string, check func(element string) validator.String) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: description,
		ElementType:         types.StringType,
		Optional:            true,
		Validators: []validator.Set{
			setvalidator.NoNullValues(),
			conflictsWithSibling{other},
			setvalidator.ValueStringsAre(check(element)),
		},
	}
}

func (d *policyDocumentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	policyList := func(description string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: description,
			ElementType:         types.StringType,
			Optional:            true,
			Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(policyJSONValue())},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Builds a least-privilege IAM policy for Amazon Connect and checks it at plan time. " +
			"`grant` blocks select actions by access level and name and grant each one on exactly those of the given resources whose type it can act on; " +
			"`statement` blocks are written as in `aws_iam_policy_document` and checked against the catalog; " +
			"`source_policy_documents` and `override_policy_documents` merge with other policies by `aws_iam_policy_document`'s rules. " +
			"The JSON is the same, byte for byte, for the same inputs in any order.",
		Blocks: map[string]schema.Block{
			"must_not_allow": mustNotAllowBlock(),
			"grant": schema.ListNestedBlock{
				MarkdownDescription: "Grants the selected actions on the resources they can act on. The actions of an access level granted on the same resources share a statement, " +
					"with a Sid after the level and the type they act on, such as `ConnectReadQueue` (`MultipleTypes` when they act on several). An action named explicitly that can act on none of the resources is an error, as is a grant that grants nothing; " +
					"an action selected by access level or pattern that fits none of the resources is left out, and so, with a warning that names it, is one that does not support a key of the grant's conditions (in an Allow the condition could never be true for it). " +
					"Where the pinned versions of AWS's reference disagree (`StartOutboundVoiceContact` on `instance/<id>/contact/*`, listed until 2025-12), an action named explicitly is granted as either allows, with a warning that cites both. " +
					"Write, Permissions management and Tagging actions granted on `\"*\"` get a warning unless a condition narrows the resources. " +
					"Actions of the rest of the Amazon Connect family, such as `profile:SearchProfiles` or `cases:GetCase`, and of its companion services, such as `iam:PassRole` or `kms:Decrypt`, are granted the same way on their own service's ARNs, in statements of their own (`ConnectProfileReadDomains`, `ConnectIamWriteRole`); " +
					"`access_levels` select Connect's actions and those of the modelled services whose ARNs the grant's resources name (Read on a `profile:` domain selects Customer Profiles' Read actions); on `\"*\"` alone, Connect's only.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"access_levels": schema.ListAttribute{
							MarkdownDescription: fmt.Sprintf("Select every action of these access levels: %s, or their CLI spellings such as `permissions-management`.", quotedCode(catalog.AccessLevelNames())),
							ElementType:         types.StringType,
							Optional:            true,
							Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(accessLevels.validator())},
						},
						"actions": schema.ListAttribute{
							MarkdownDescription: "Select these actions: names or patterns with `*` and `?`, in any case; without a prefix they are Connect's, and a prefix such as `profile:`, `cases:` or `wisdom:` selects the rest of the family's, `iam:`, `kms:` or `lambda:` a companion service's (`connect_actions` lists them by `services`).",
							ElementType:         types.StringType,
							Optional:            true,
							Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(actionFilters.validatorTitled("Invalid grant"))},
						},
						"resources": schema.ListAttribute{
							MarkdownDescription: "The ARNs of Connect, its family or its companion services to grant on, possibly with `*` and `?` wildcards or policy variables, or `\"*\"`. " +
								"Actions that support no resource-level permission are granted only on `\"*\"`.",
							ElementType: types.StringType,
							Required:    true,
							Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(grantResourceValue())},
						},
						"effect": schema.StringAttribute{
							MarkdownDescription: fmt.Sprintf("The effect: %s; `Allow` is the default.", quotedCode(effects)),
							Optional:            true,
							Validators:          []validator.String{stringvalidator.OneOf(effects...)},
						},
					},
					Blocks: map[string]schema.Block{"condition": conditionBlock()},
				},
			},
			"statement": schema.ListNestedBlock{
				MarkdownDescription: "A statement written out, with the schema and meaning of `aws_iam_policy_document`'s. Its actions of Connect, of the rest of the family and of the companion services (such as `iam`, `lambda`, `lex` or `s3`) must exist in their service's catalog and its patterns match some action; " +
					"their ARNs must be well formed and, in an Allow, each action must be able to act on one of its resources; its conditions are checked like a grant's. " +
					"Of other services, the service prefix must exist; their actions and ARNs pass through unchecked.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"sid": schema.StringAttribute{
							MarkdownDescription: "The statement's Sid: letters and digits, unique in the policy.",
							Optional:            true,
							Validators:          []validator.String{sidValue()},
						},
						"effect": schema.StringAttribute{
							MarkdownDescription: fmt.Sprintf("The effect: %s; `Allow` is the default.", quotedCode(effects)),
							Optional:            true,
							Validators:          []validator.String{stringvalidator.OneOf(effects...)},
						},
						"actions": statementSet("The actions the statement allows or denies, such as `connect:DescribeUser` or `connect:List*`.",
							checker.ElementAction, "not_actions", statementActionValue),
						"not_actions": statementSet("The actions the statement does not apply to; it applies to every other action.",
							checker.ElementNotAction, "actions", statementActionValue),
						"resources": statementSet("The resources the statement applies to: ARNs, possibly with wildcards, or `\"*\"`.",
							checker.ElementResource, "not_resources", statementResourceValue),
						"not_resources": statementSet("The resources the statement does not apply to; it applies to every other resource.",
							checker.ElementNotResource, "resources", statementResourceValue),
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
			"source_policy_documents": policyList("Policies, as JSON, whose statements come first. Sids must be unique across them; " +
				"a statement of this document with the same Sid as a source statement replaces it."),
			"override_policy_documents": policyList("Policies, as JSON, merged in last, in order: a statement with the same Sid as an earlier one replaces it, any other is added."),
			"include_dependent_actions": schema.BoolAttribute{
				MarkdownDescription: "Whether to allow the actions that the allowed actions depend on, and those that these depend on in turn, " +
					"such as `connect:DescribeQueue` for `connect:SearchQueues`, in statements of their own whose Sids start with `ConnectDependentActions`. Defaults to `true`; when `false`, a warning lists what is missing. " +
					"A Connect dependent action is allowed on the resources of its own types within the instances (and their accounts, regions and partitions) of the grant or statement that needs it, " +
					"such as `connect:DescribeQueue` on `instance/<id>/queue/*` (Sid `ConnectDependentActionsQueue`); only a dependent action that supports no resource-level permission, or one needed by a grant on `\"*\"`, is on `\"*\"`. " +
					"A grant that names no instance (only account-level resources such as phone numbers) scopes them to its accounts. " +
					"The conditions of the grant carry over where the dependent action supports their keys; the others are left out, because in an Allow they would deny the dependent action outright, and its resources still hold it to the grant's instances. " +
					"A dependent action of another service the catalog models, of the family (`profile:GetDomain` for `connect:AssociateCustomerProfilesDomain`) or a companion (`kms:DescribeKey`), is allowed the same way on the resources of its own types, within the accounts, regions and partitions of the grant (those its ARNs have: an IAM role's have no region), since its resources belong to no instance, and, for a dependent action of the grant's own service, within the grant's parent resources (`wisdom:GetMessageTemplate` on `message-template/kb1/*` for `wisdom:RenderMessageTemplate` there) (Sids `ConnectDependentActionsProfileDomains`, `ConnectDependentActionsKmsKey`); the IAM permissions on roles of a family action (`iam:PutRolePolicy` for `connect:CreateInstance`) are on the service's service-linked role only (`ConnectDependentActionsIamServiceLinkedRole`), as AWS's Administrator Guide confines them; " +
					"one that supports no resource-level permission (`ds:DescribeDirectories`) is on `\"*\"` (Sid `ConnectDependentActionsDsAllResources`), and what it needs in turn is scoped by the grant. " +
					"Every dependent action of the family is of a modelled service; one of a service the catalog does not model would be on `\"*\"` in a statement per service, with only the conditions on global keys. " +
					"Statement blocks may not use Sids that start with `ConnectDependentActions`; override documents may, to replace those statements.",
				Optional: true,
			},
			"minimize": schema.BoolAttribute{
				MarkdownDescription: "Whether to replace the actions of the statements the grants produce by the shortest wildcards that match exactly the same actions in this catalog " +
					"(such as `connect:Describe*`), merging statements with the same effect, resources and conditions. Defaults to `false`. " +
					"**Warning:** a wildcard also matches actions that AWS adds to Connect later, which this policy would then grant without review.",
				Optional: true,
			},
			"size_limit": schema.Int64Attribute{
				MarkdownDescription: "The most characters, white space excluded, that the policy may have; a larger policy is an error. " +
					"It takes precedence over `policy_kind`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"policy_kind": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What kind of policy this will be, which decides the size quota IAM holds it to: %s. "+
					"Over that kind's quota is an error. Without it (and without `size_limit`), a policy too large for every customer policy gets a warning.", quotedCode(policyKindNames())),
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(policyKindNames()...)},
			},
			"version": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The policy language version: %s; `2012-10-17` is the default.", quotedCode(versions)),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(versions...)},
			},
			"policy_id": schema.StringAttribute{
				MarkdownDescription: "The policy's `Id` element.",
				Optional:            true,
			},
			"json": schema.StringAttribute{
				MarkdownDescription: "The policy as JSON indented by two spaces, elements in IAM's usual order, lists sorted, a single value as a plain string.",
				Computed:            true,
			},
			"minified_json": schema.StringAttribute{
				MarkdownDescription: "The policy as JSON without white space.",
				Computed:            true,
			},
			"allowed_actions": schema.ListAttribute{
				MarkdownDescription: "The `connect:` actions the policy's Allow statements name, patterns and `NotAction` expanded against the catalog, sorted by full name. With a family prefix (`profile:Search*`, `cases:GetCase`), a pattern adds that service's actions; `*` and `NotAction` expand to Connect's only.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"denied_actions": schema.ListAttribute{
				MarkdownDescription: "The `connect:` actions the policy's Deny statements name, and those of the family named by their prefix, expanded likewise, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"size": schema.Int64Attribute{
				MarkdownDescription: "The policy's size as IAM counts it against its quotas: characters without white space.",
				Computed:            true,
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
	var model policyDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	in := composeInput(&model, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	result, problems := compose.Compose(c, in)
	for _, p := range problems {
		reportProblem(p, &resp.Diagnostics)
	}
	if result == nil {
		return
	}
	resp.Diagnostics.Append(setComputed(ctx, &resp.State, map[string]attr.Value{
		"json":            types.StringValue(result.JSON),
		"minified_json":   types.StringValue(result.Minified),
		"allowed_actions": stringList(result.Summary.Allowed...),
		"denied_actions":  stringList(result.Summary.Denied...),
		"size":            types.Int64Value(int64(result.Size)),
	})...)
}

// composeInput converts the configuration into what the policy is composed
// of. Lists keep their order and length, so that a problem's position is
// the element's in the configuration.
func composeInput(m *policyDocumentModel, diags *diag.Diagnostics) compose.Input {
	in := compose.Input{
		Version:          m.Version.ValueString(),
		ID:               m.PolicyID.ValueString(),
		Sources:          stringsOf(m.SourcePolicyDocuments),
		Overrides:        stringsOf(m.OverridePolicyDocuments),
		DependentActions: m.IncludeDependentActions.IsNull() || m.IncludeDependentActions.ValueBool(),
		Minimize:         m.Minimize.ValueBool(),
		SizeLimit:        int(m.SizeLimit.ValueInt64()),
		Kind:             policy.Kind(m.PolicyKind.ValueString()),
		MustNotAllow:     forbiddenOf(m.MustNotAllow),
	}
	for i, g := range m.Grants {
		in.Grants = append(in.Grants, planner.Grant{
			AccessLevels: accessLevels.in(nil, g.AccessLevels, path.Root("grant").AtListIndex(i).AtName("access_levels"), diags),
			Actions:      stringsOf(g.Actions),
			Resources:    stringsOf(g.Resources),
			Effect:       g.Effect.ValueString(),
			Conditions:   conditions(g.Conditions),
		})
	}
	for _, s := range m.Statements {
		in.Statements = append(in.Statements, policy.Statement{
			Sid:           s.Sid.ValueString(),
			Effect:        s.Effect.ValueString(),
			Actions:       setStrings(s.Actions),
			NotActions:    setStrings(s.NotActions),
			Resources:     setStrings(s.Resources),
			NotResources:  setStrings(s.NotResources),
			Principals:    principals(s.Principals),
			NotPrincipals: principals(s.NotPrincipals),
			Conditions:    conditions(s.Conditions),
		})
	}
	return in
}

// setStrings reads a set, keeping nil for a null set: an absent element
// differs from an empty one.
func setStrings(values []types.String) []string {
	if values == nil {
		return nil
	}
	return stringsOf(values)
}

func principals(models []principalModel) []policy.Principal {
	if models == nil {
		return nil
	}
	out := make([]policy.Principal, len(models))
	for i, m := range models {
		out[i] = policy.Principal{Type: m.Type.ValueString(), Identifiers: stringsOf(m.Identifiers)}
	}
	return out
}

func conditions(models []conditionModel) []policy.Condition {
	out := make([]policy.Condition, len(models))
	for i, m := range models {
		out[i] = policy.Condition{Operator: m.Test.ValueString(), Key: m.Variable.ValueString(), Values: stringsOf(m.Values)}
	}
	return out
}

// reportProblem adds a problem of the composition as a diagnostic on the
// attribute it is about.
func reportProblem(p compose.Problem, diags *diag.Diagnostics) {
	at, ok := problemPath(p)
	switch {
	case p.Severity == checker.SeverityError && ok:
		diags.AddAttributeError(at, p.Summary, p.Message)
	case p.Severity == checker.SeverityError:
		diags.AddError(p.Summary, p.Message)
	case ok:
		diags.AddAttributeWarning(at, p.Summary, p.Message)
	default:
		diags.AddWarning(p.Summary, p.Message)
	}
}

// problemPath is the attribute a problem is about; ok is false for the
// policy as a whole.
func problemPath(p compose.Problem) (at path.Path, ok bool) {
	item := func(root string) path.Path {
		if p.Index < 0 {
			return path.Root(root)
		}
		return path.Root(root).AtListIndex(p.Index)
	}
	switch p.Part {
	case compose.PartVersion:
		return path.Root("version"), true
	case compose.PartSources:
		return item("source_policy_documents"), true
	case compose.PartOverrides:
		return item("override_policy_documents"), true
	case compose.PartGrants:
		at = item("grant")
		if p.Field != "" && p.Index >= 0 {
			at = at.AtName(p.Field)
			if p.FieldIndex >= 0 {
				at = at.AtListIndex(p.FieldIndex)
			}
		}
		return at, true
	case compose.PartStatements:
		if p.Finding != nil && p.Index >= 0 {
			return findingPath(item("statement"), *p.Finding), true
		}
		return item("statement"), true
	case compose.PartDependentActions:
		return path.Root("include_dependent_actions"), true
	case compose.PartSizeLimit:
		return path.Root("size_limit"), true
	case compose.PartKind:
		return path.Root("policy_kind"), true
	case compose.PartMustNotAllow:
		return path.Root("must_not_allow").AtListIndex(p.Index).AtName(p.Field), true
	}
	return path.Empty(), false
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
