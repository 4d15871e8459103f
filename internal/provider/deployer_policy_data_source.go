package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/deployer"
)

var _ datasource.DataSource = (*deployerPolicyDataSource)(nil)

// NewDeployerPolicyDataSource returns the connect_deployer_policy data
// source.
func NewDeployerPolicyDataSource() datasource.DataSource { return &deployerPolicyDataSource{} }

type deployerPolicyDataSource struct{}

type deployerPolicyModel struct {
	ResourceTypes       []types.String   `tfsdk:"resource_types"`
	DataSourceTypes     []types.String   `tfsdk:"data_source_types"`
	InstanceARNs        []types.String   `tfsdk:"instance_arns"`
	Partition           types.String     `tfsdk:"partition"`
	Region              types.String     `tfsdk:"region"`
	AccountID           types.String     `tfsdk:"account_id"`
	RelatedResourceARNs []types.String   `tfsdk:"related_resource_arns"`
	AllowDestroy        types.Bool       `tfsdk:"allow_destroy"`
	Minimize            types.Bool       `tfsdk:"minimize"`
	PlanJSON            types.String     `tfsdk:"plan_json"`
	ApplyJSON           types.String     `tfsdk:"apply_json"`
	PlanActions         []string         `tfsdk:"plan_actions"`
	ApplyActions        []string         `tfsdk:"apply_actions"`
	Calls               []deployerCallsM `tfsdk:"calls"`
	AWSProviderVersion  types.String     `tfsdk:"aws_provider_version"`
}

type deployerCallsM struct {
	Type       string            `tfsdk:"type"`
	DataSource bool              `tfsdk:"data_source"`
	Phase      string            `tfsdk:"phase"`
	Actions    []string          `tfsdk:"actions"`
	OnlyWhen   map[string]string `tfsdk:"only_when"`
}

func (d *deployerPolicyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_deployer_policy"
}

// deployerTypes lists the model's types for the descriptions.
func deployerTypes(dataSources bool) string {
	m, err := deployer.Load()
	if err != nil {
		return "(the model does not load: " + err.Error() + ")"
	}
	if dataSources {
		return quotedCode(m.DataSourceTypes())
	}
	return quotedCode(m.ResourceTypes())
}

func (d *deployerPolicyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	version := ""
	if m, err := deployer.Load(); err == nil {
		version = m.AWSProviderVersion
	}
	typeList := func(what string, dataSources bool) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: fmt.Sprintf("The `aws_connect_*` %s types the configuration %s: %s. An unknown type is an error that names the one probably meant.",
				what, map[bool]string{false: "manages", true: "reads"}[dataSources], deployerTypes(dataSources)),
			ElementType: types.StringType,
			Optional:    true,
			Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.AtLeastOneOf(path.MatchRoot("resource_types"), path.MatchRoot("data_source_types"))},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Works out least-privilege policies for the role that runs Terraform on Amazon Connect with the `hashicorp/aws` provider: " +
			"a read-only policy for `terraform plan` (what each type's read needs), and a policy for `terraform apply` (create, update, tagging and, with `allow_destroy`, delete, with the plan's). " +
			"The API calls of each type and phase come from a pinned model of the AWS provider " + version + " (IAM Policy Autopilot's, Apache-2.0, with the data sources and the calls made only on some paths read from the provider's source; see the guide). " +
			"Each policy is built by the planner of `connect_policy_document`: every Connect action on the resources of its own types within the given instances, `\"*\"` only for actions that support no resource-level permission, " +
			"and the permissions Connect checks on the caller's behalf (`ds:` for `CreateInstance`, `lambda:AddPermission` for `AssociateLambdaFunction`, ...) in statements of their own (`ConnectDependentActions...`), scoped by their own types within the instances' accounts and regions, or to `related_resource_arns`. " +
			"The actions of each service share one statement on the union of their resources: IAM checks an action only against the resources of its own types, so this allows exactly what one statement per type would, in a policy that fits a role's inline quota. " +
			"It always uses today's catalog. While an instance ARN is unknown (the instance is created in the same apply), the policies are unknown until apply.",
		Attributes: map[string]schema.Attribute{
			"resource_types":    typeList("resource", false),
			"data_source_types": typeList("data source", true),
			"instance_arns": schema.ListAttribute{
				MarkdownDescription: "The ARNs of the Connect instances the configuration works in. Without them (the instance does not exist yet, or is created by the same configuration without its ARN known), " +
					"Connect's actions are scoped to every instance within `partition`, `region` and `account_id`, and to every region and account where those are not set.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues()},
			},
			"partition": schema.StringAttribute{
				MarkdownDescription: "The partition of the instances when `instance_arns` is not set: `aws` by default.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(catalog.Partitions...), stringvalidator.ConflictsWith(path.MatchRoot("instance_arns"))},
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "The region of the instances when `instance_arns` is not set, such as `eu-west-2`; any region by default.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot("instance_arns")),
					stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+$`), "must be a region name such as eu-west-2")},
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account of the instances when `instance_arns` is not set, a 12-digit ID; any account by default.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot("instance_arns")),
					stringvalidator.RegexMatches(regexp.MustCompile(`^\d{12}$`), "must be a 12-digit account ID")},
			},
			"related_resource_arns": schema.ListAttribute{
				MarkdownDescription: "ARNs of the other resources the types point at: Lambda functions, Lex bot aliases, KMS keys, S3 buckets, Kinesis streams, Firehose delivery streams. " +
					"A permission Connect checks on the caller's behalf on a resource of one of their types (`lambda:AddPermission` on a function) is scoped to them rather than to every resource of the type in the account.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues()},
			},
			"allow_destroy": schema.BoolAttribute{
				MarkdownDescription: "Whether the apply policy allows the delete calls (`connect:DeleteInstance`, ...), which `terraform destroy` and the replacement of a resource need. Defaults to `false`.",
				Optional:            true,
			},
			"minimize": schema.BoolAttribute{
				MarkdownDescription: "Whether to write the actions as the shortest wildcards that match exactly the same actions in today's catalog, as `connect_policy_document`'s `minimize` does. Defaults to `false`.",
				Optional:            true,
			},
			"plan_json": schema.StringAttribute{
				MarkdownDescription: "The policy `terraform plan` needs, as indented JSON: the reads of every type, with their dependent actions. It holds no Write, Tagging or Permissions management action.",
				Computed:            true,
			},
			"apply_json": schema.StringAttribute{
				MarkdownDescription: "The policy `terraform apply` needs, as indented JSON: the plan's, and the create, update, tagging and, with `allow_destroy`, delete calls of every resource type, with their dependent actions.",
				Computed:            true,
			},
			"plan_actions": schema.ListAttribute{
				MarkdownDescription: "The actions `plan_json` allows, patterns expanded, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"apply_actions": schema.ListAttribute{
				MarkdownDescription: "The actions `apply_json` allows, patterns expanded, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"calls": schema.ListNestedAttribute{
				MarkdownDescription: "Why each action is there: for each type and phase, the actions the AWS provider calls, in the order of `resource_types` then `data_source_types`.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":        schema.StringAttribute{MarkdownDescription: "The resource or data source type.", Computed: true},
					"data_source": schema.BoolAttribute{MarkdownDescription: "Whether the type is a data source's.", Computed: true},
					"phase": schema.StringAttribute{
						MarkdownDescription: "The phase: `read` (plan and refresh), `create`, `update`, `delete` or `tagging` (when tags are set or change).",
						Computed:            true,
					},
					"actions": schema.ListAttribute{MarkdownDescription: "The actions of the phase, sorted.", ElementType: types.StringType, Computed: true},
					"only_when": schema.MapAttribute{
						MarkdownDescription: "The actions the provider calls only on some paths, with when: `connect:UpdateQueueName` only when the name or description changes.",
						ElementType:         types.StringType,
						Computed:            true,
					},
				}},
			},
			"aws_provider_version": schema.StringAttribute{
				MarkdownDescription: "The version of the `hashicorp/aws` provider whose calls the model describes.",
				Computed:            true,
			},
		},
	}
}

func (d *deployerPolicyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model deployerPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := loadCatalog(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := deployer.Load()
	if err != nil {
		resp.Diagnostics.AddError("Deployer model", err.Error()+" This is a bug in the provider.")
		return
	}
	result, problems := deployer.Build(c, m, deployer.Input{
		Resources:   stringsOf(model.ResourceTypes),
		DataSources: stringsOf(model.DataSourceTypes),
		Instances:   stringsOf(model.InstanceARNs),
		Partition:   model.Partition.ValueString(),
		Region:      model.Region.ValueString(),
		Account:     model.AccountID.ValueString(),
		Related:     stringsOf(model.RelatedResourceARNs),
		Destroy:     model.AllowDestroy.ValueBool(),
		Minimize:    model.Minimize.ValueBool(),
	})
	for _, p := range problems {
		if p.Field == deployer.FieldPlan || p.Field == deployer.FieldApply {
			// A policy that does not compose is the model's fault, not an
			// attribute's.
			resp.Diagnostics.AddError("Deployer policy does not compose", p.Message)
			continue
		}
		at := path.Root(p.Field)
		if p.Index >= 0 {
			at = at.AtListIndex(p.Index)
		}
		resp.Diagnostics.AddAttributeError(at, "Invalid "+strings.ReplaceAll(p.Field, "_", " "), p.Message)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	model.PlanJSON, model.ApplyJSON = types.StringNull(), types.StringNull()
	model.PlanActions, model.ApplyActions = []string{}, []string{}
	if result.Plan != nil {
		model.PlanJSON = types.StringValue(result.Plan.JSON)
		model.PlanActions = nonNil(result.Plan.Summary.Allowed)
	}
	if result.Apply != nil {
		model.ApplyJSON = types.StringValue(result.Apply.JSON)
		model.ApplyActions = nonNil(result.Apply.Summary.Allowed)
	}
	model.Calls = []deployerCallsM{}
	for _, tp := range result.Calls {
		model.Calls = append(model.Calls, deployerCallsM{Type: tp.Type, DataSource: tp.DataSource, Phase: string(tp.Phase), Actions: tp.Actions, OnlyWhen: tp.OnlyWhen})
	}
	model.AWSProviderVersion = types.StringValue(m.AWSProviderVersion)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
