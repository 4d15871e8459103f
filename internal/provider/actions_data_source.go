package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
		Description: "Queries the catalog of Amazon Connect's IAM actions. Every filter is optional; " +
			"a filter keeps the actions that match any of its values, and the filters combine with AND. " +
			"With no filter, every action is returned.",
		Attributes: map[string]schema.Attribute{
			"access_levels": schema.ListAttribute{
				Description: "Keep the actions of these access levels: `List`, `Read`, `Write`, `Permissions management` or `Tagging`, " +
					"in the catalog's spelling or the lower-case, hyphenated CLI spelling such as `permissions-management`. " +
					"An action of two levels, such as `connect:TagResource` (`Tagging` and `Write`), is kept by either.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"resource_types": schema.ListAttribute{
				Description: "Keep the actions that can act on one of these resource types, such as `queue` or `routing-profile`. " +
					"The value `*` keeps the actions that support no resource-level permission and can only be granted on `\"*\"`.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"condition_keys": schema.ListAttribute{
				Description: "Keep the actions that support one of these condition keys, such as `aws:ResourceTag/team` or `aws:ResourceTag/$${TagKey}` (in HCL, `$${` writes a literal `${`). " +
					"Global keys other than the tag keys apply to every action.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"names": schema.ListAttribute{
				Description: "Keep the actions whose names match one of these names or patterns, with or without the `connect:` prefix. " +
					"`*` matches any run of characters and `?` one character; letters match in any case, as in IAM. " +
					"A pattern that matches no action is an error.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"actions": schema.ListAttribute{
				Description: "The names of the selected actions with their `connect:` prefix, sorted.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"details": schema.ListNestedAttribute{
				Description: "The selected actions with everything the catalog knows of them, in the order of `actions`.",
				Computed:    true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							Description: "The action's name with its `connect:` prefix.",
							Computed:    true,
						},
						"description": schema.StringAttribute{
							Description: "What the action grants permission to do.",
							Computed:    true,
						},
						"access_level": schema.StringAttribute{
							Description: "The action's access level, such as `Read` or `Write`; for an action of two levels, the more specific, such as `Tagging` for `connect:TagResource`.",
							Computed:    true,
						},
						"access_levels": schema.ListAttribute{
							Description: "Every access level the reference gives the action, the more specific first, such as `[\"Tagging\", \"Write\"]`. An `access_levels` filter selects the action by any of them.",
							ElementType: types.StringType,
							Computed:    true,
						},
						"resource_types": schema.ListNestedAttribute{
							Description: "The resource types the action can act on; empty when the action supports no resource-level permission.",
							Computed:    true,
							NestedObject: schema.NestedAttributeObject{
								Attributes: map[string]schema.Attribute{
									"name": schema.StringAttribute{
										Description: "The resource type's name, such as `queue`.",
										Computed:    true,
									},
									"required": schema.BoolAttribute{
										Description: "Whether a request for the action always involves a resource of this type.",
										Computed:    true,
									},
									"arn_format": schema.StringAttribute{
										Description: "The ARN format of the resource type.",
										Computed:    true,
									},
									"condition_keys": schema.ListAttribute{
										Description: "Condition keys the action supports on resources of this type.",
										ElementType: types.StringType,
										Computed:    true,
									},
								},
							},
						},
						"condition_keys": schema.ListAttribute{
							Description: "Condition keys the action supports as a whole, whatever the resource. " +
								"Global keys other than the tag keys also apply to every action.",
							ElementType: types.StringType,
							Computed:    true,
						},
						"dependent_actions": schema.ListAttribute{
							Description: "Actions, possibly of other services, that a request for this action also needs, sorted.",
							ElementType: types.StringType,
							Computed:    true,
						},
						"wildcard_only": schema.BoolAttribute{
							Description: "Whether the action supports no resource-level permission, so that it can only be granted on `\"*\"`.",
							Computed:    true,
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
// each value the catalog does not know.
func actionsQuery(c *catalog.Catalog, model *actionsModel, diags *diag.Diagnostics) catalog.Query {
	var q catalog.Query
	levelsPath := path.Root("access_levels")
	for i, s := range stringValues(levelsPath, model.AccessLevels, diags) {
		level, ok := catalog.ParseAccessLevel(s)
		if !ok {
			diags.AddAttributeError(levelsPath.AtListIndex(i), "Unknown access level", unknownAccessLevelMessage(s))
			continue
		}
		q.AccessLevels = append(q.AccessLevels, level)
	}
	typesPath := path.Root("resource_types")
	for i, s := range stringValues(typesPath, model.ResourceTypes, diags) {
		if _, ok := c.ResourceType(s); !ok && s != catalog.WildcardOnlyType {
			diags.AddAttributeError(typesPath.AtListIndex(i), "Unknown resource type", unknownResourceTypeMessage(c, s, true))
			continue
		}
		q.ResourceTypes = append(q.ResourceTypes, s)
	}
	keysPath := path.Root("condition_keys")
	for i, s := range stringValues(keysPath, model.ConditionKeys, diags) {
		key, ok := c.ConditionKey(s)
		if !ok {
			diags.AddAttributeError(keysPath.AtListIndex(i), "Unknown condition key", unknownConditionKeyMessage(c, s))
			continue
		}
		q.ConditionKeys = append(q.ConditionKeys, key)
	}
	namesPath := path.Root("names")
	for i, s := range stringValues(namesPath, model.Names, diags) {
		if _, problem := c.Resolve(s); problem != "" {
			diags.AddAttributeError(namesPath.AtListIndex(i), "No matching action", problem)
			continue
		}
		q.Names = append(q.Names, s)
	}
	return q
}

func unknownAccessLevelMessage(level string) string {
	return fmt.Sprintf("%q is not an access level; use one of %s (or the CLI spelling, such as permissions-management).",
		level, quoted(catalog.AccessLevelNames()))
}

// unknownResourceTypeMessage says that name is not a resource type; where
// "*" is also accepted (the actions filter), it says so.
func unknownResourceTypeMessage(c *catalog.Catalog, name string, starAccepted bool) string {
	hint := ""
	if suggestion := c.SuggestResourceType(name); suggestion != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", suggestion)
	}
	star := ""
	if starAccepted {
		star = `, or "*" for the actions that support no resource-level permission`
	}
	return fmt.Sprintf("%q is not a Connect resource type%s; use one of %s%s.", name, hint, quoted(c.ResourceTypeNames()), star)
}

func unknownConditionKeyMessage(c *catalog.Catalog, name string) string {
	hint := ""
	if suggestion := c.SuggestConditionKey(name); suggestion != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", suggestion)
	}
	var named []string
	for _, key := range c.ConditionKeys() {
		if key.Named() {
			named = append(named, key.Name)
		}
	}
	return fmt.Sprintf("%q is not a condition key that Connect actions support%s; use one of %s or a global key such as aws:SourceIp.",
		name, hint, strings.Join(named, ", "))
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
