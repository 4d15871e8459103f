package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

var _ datasource.DataSourceWithConfigure = (*actionsDataSource)(nil)

// NewActionsDataSource returns the connect_actions data source.
func NewActionsDataSource() datasource.DataSource { return &actionsDataSource{} }

type actionsDataSource struct {
	configuredCatalog
}

type actionsModel struct {
	AccessLevels  []types.String  `tfsdk:"access_levels"`
	ResourceTypes []types.String  `tfsdk:"resource_types"`
	ConditionKeys []types.String  `tfsdk:"condition_keys"`
	Names         []types.String  `tfsdk:"names"`
	Actions       []string        `tfsdk:"actions"`
	Details       []actionDetails `tfsdk:"details"`
}

type actionDetails struct {
	Name             string                `tfsdk:"name"`
	Description      string                `tfsdk:"description"`
	AccessLevel      string                `tfsdk:"access_level"`
	AccessLevels     []string              `tfsdk:"access_levels"`
	ResourceTypes    []actionResourceTypes `tfsdk:"resource_types"`
	ConditionKeys    []string              `tfsdk:"condition_keys"`
	DependentActions []string              `tfsdk:"dependent_actions"`
	WildcardOnly     bool                  `tfsdk:"wildcard_only"`
}

type actionResourceTypes struct {
	Name          string   `tfsdk:"name"`
	Required      bool     `tfsdk:"required"`
	ARNFormat     string   `tfsdk:"arn_format"`
	ConditionKeys []string `tfsdk:"condition_keys"`
}

func (d *actionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_actions"
}

func (d *actionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Queries the catalog of Amazon Connect's IAM actions. Every filter is optional; " +
			"a filter keeps the actions that match any of its values, and the filters combine with AND. " +
			"With no filter, every action is returned.",
		Attributes: map[string]schema.Attribute{
			"access_levels": schema.ListAttribute{
				MarkdownDescription: fmt.Sprintf("Keep the actions of these access levels: %s, "+
					"in the catalog's spelling or the lower-case, hyphenated CLI spelling such as `permissions-management`. "+
					"An action of two levels, such as `connect:TagResource` (`Tagging` and `Write`), is kept by either.", quotedCode(catalog.AccessLevelNames())),
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(accessLevels.validator())},
			},
			"resource_types": schema.ListAttribute{
				MarkdownDescription: "Keep the actions that can act on one of these resource types, such as `queue` or `routing-profile`. " +
					"The value `*` keeps the actions that support no resource-level permission and can only be granted on `\"*\"`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(resourceTypeFilters.validator())},
			},
			"condition_keys": schema.ListAttribute{
				MarkdownDescription: "Keep the actions that support one of these condition keys, such as `aws:ResourceTag/team`, `aws:ResourceTag/$${TagKey}` (in HCL, `$${` writes a literal `${`) or `connect:InstanceId`. " +
					"Global keys other than the tag keys apply to every action.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(conditionKeys.validator())},
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Keep the actions whose names match one of these names or patterns, with or without the `connect:` prefix. " +
					"`*` matches any run of characters and `?` one character; letters match in any case, as in IAM. " +
					"A pattern that matches no action is an error.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(actionNames.validator())},
			},
			"actions": schema.ListAttribute{
				MarkdownDescription: "The names of the selected actions with their `connect:` prefix, sorted.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"details": schema.ListNestedAttribute{
				MarkdownDescription: "The selected actions with everything the catalog knows of them, in the order of `actions`.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The action's name with its `connect:` prefix.",
							Computed:            true,
						},
						"description": schema.StringAttribute{
							MarkdownDescription: "What the action grants permission to do.",
							Computed:            true,
						},
						"access_level": schema.StringAttribute{
							MarkdownDescription: "The action's access level, such as `Read` or `Write`; for an action of two levels, the more specific, such as `Tagging` for `connect:TagResource`.",
							Computed:            true,
						},
						"access_levels": schema.ListAttribute{
							MarkdownDescription: "Every access level the reference gives the action, the more specific first, such as `[\"Tagging\", \"Write\"]`. An `access_levels` filter selects the action by any of them.",
							ElementType:         types.StringType,
							Computed:            true,
						},
						"resource_types": schema.ListNestedAttribute{
							MarkdownDescription: "The resource types the action can act on; empty when the action supports no resource-level permission.",
							Computed:            true,
							NestedObject: schema.NestedAttributeObject{
								Attributes: map[string]schema.Attribute{
									"name": schema.StringAttribute{
										MarkdownDescription: "The resource type's name, such as `queue`.",
										Computed:            true,
									},
									"required": schema.BoolAttribute{
										MarkdownDescription: "Whether a request for the action always involves a resource of this type.",
										Computed:            true,
									},
									"arn_format": schema.StringAttribute{
										MarkdownDescription: "The ARN format of the resource type.",
										Computed:            true,
									},
									"condition_keys": schema.ListAttribute{
										MarkdownDescription: "Condition keys the action supports on resources of this type.",
										ElementType:         types.StringType,
										Computed:            true,
									},
								},
							},
						},
						"condition_keys": schema.ListAttribute{
							MarkdownDescription: "Condition keys the action supports as a whole, whatever the resource. " +
								"Global keys other than the tag keys also apply to every action.",
							ElementType: types.StringType,
							Computed:    true,
						},
						"dependent_actions": schema.ListAttribute{
							MarkdownDescription: "Actions, possibly of other services, that a request for this action also needs, sorted.",
							ElementType:         types.StringType,
							Computed:            true,
						},
						"wildcard_only": schema.BoolAttribute{
							MarkdownDescription: "Whether the action supports no resource-level permission, so that it can only be granted on `\"*\"`.",
							Computed:            true,
						},
					},
				},
			},
		},
	}
}

func (d *actionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model actionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	query := actionsQuery(c, &model, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	selected := c.Query(query)
	model.Actions = nonNil(catalog.FullNames(selected))
	model.Details = make([]actionDetails, len(selected))
	for i, a := range selected {
		model.Details[i] = detailsOf(c, a)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// actionsQuery turns the filters into a catalog query, adding an error on
// each value the configured catalog does not know.
func actionsQuery(c *catalog.Catalog, model *actionsModel, diags *diag.Diagnostics) catalog.Query {
	return catalog.Query{
		AccessLevels:  accessLevels.in(c, model.AccessLevels, path.Root("access_levels"), diags),
		ResourceTypes: resourceTypeFilters.in(c, model.ResourceTypes, path.Root("resource_types"), diags),
		ConditionKeys: conditionKeys.in(c, model.ConditionKeys, path.Root("condition_keys"), diags),
		Names:         actionNames.in(c, model.Names, path.Root("names"), diags),
	}
}

func detailsOf(c *catalog.Catalog, a *catalog.Action) actionDetails {
	out := actionDetails{
		Name:             a.FullName(),
		Description:      a.Description,
		AccessLevel:      string(a.AccessLevel),
		AccessLevels:     levelNames(a.AccessLevels),
		ResourceTypes:    make([]actionResourceTypes, len(a.ResourceTypes)),
		ConditionKeys:    nonNil(a.ConditionKeys),
		DependentActions: nonNil(a.DependentActions),
		WildcardOnly:     a.WildcardOnly(),
	}
	for i, use := range a.ResourceTypes {
		rt, _ := c.ResourceType(use.ResourceType)
		out.ResourceTypes[i] = actionResourceTypes{
			Name:          use.ResourceType,
			Required:      use.Required,
			ARNFormat:     rt.ARNFormat,
			ConditionKeys: nonNil(use.ConditionKeys),
		}
	}
	return out
}

func levelNames(levels []catalog.AccessLevel) []string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = string(l)
	}
	return out
}
