package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

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
	Services      []types.String  `tfsdk:"services"`
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
			"services": servicesAttribute("actions", "`connect` and the services that `names` patterns name by their prefix (`profile:Search*`)"),
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
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(actionFilters.validator())},
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
	selected, catalogs := selectActions(c, &model, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	model.Actions = nonNil(catalog.FullNames(selected))
	model.Details = make([]actionDetails, len(selected))
	for i, a := range selected {
		model.Details[i] = detailsOf(catalogs[i], a)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// selectActions queries the catalog of each selected service with the
// filters, and returns the actions sorted by full name with the catalog of
// each. A filter value that no selected service knows is an error on it.
func selectActions(c *catalog.Catalog, model *actionsModel, diags *diag.Diagnostics) ([]*catalog.Action, []*catalog.Catalog) {
	services := stringsOf(model.Services)
	if model.Services == nil {
		services = []string{catalog.ServicePrefix}
		for _, v := range presentValues(model.Names) {
			if service, _, ok := catalog.SplitAction(v.value); ok && !catalog.HasWildcard(service) && !slices.Contains(services, strings.ToLower(service)) &&
				catalog.Modelled(service) != nil {
				services = append(services, strings.ToLower(service))
			}
		}
	}
	catalogs := serviceCatalogs(c, services, diags)
	if diags.HasError() {
		return nil, nil
	}
	levels := accessLevels.in(c, model.AccessLevels, path.Root("access_levels"), diags)
	queries := make([]catalog.Query, len(catalogs))
	for i := range queries {
		queries[i].AccessLevels = levels
	}
	// Each value must be known to one of the services; each service's
	// query keeps the values it knows.
	inSomeCatalog(catalogs, model.ResourceTypes, path.Root("resource_types"), diags, resourceTypeFilters.summary, func(fc *catalog.Catalog, i int, value string) (bool, string) {
		name, p := resourceTypeFilters.find(fc, value)
		if p == "" {
			queries[i].ResourceTypes = append(queries[i].ResourceTypes, name)
		}
		return p == "", p
	})
	inSomeCatalog(catalogs, model.ConditionKeys, path.Root("condition_keys"), diags, conditionKeys.summary, func(fc *catalog.Catalog, i int, value string) (bool, string) {
		key, p := conditionKeys.find(fc, value)
		if p == "" {
			queries[i].ConditionKeys = append(queries[i].ConditionKeys, key)
		}
		return p == "", p
	})
	inSomeCatalog(catalogs, model.Names, path.Root("names"), diags, actionFilters.summary, func(fc *catalog.Catalog, i int, value string) (bool, string) {
		name, p := actionFilters.find(fc, value)
		if p == "" {
			queries[i].Names = append(queries[i].Names, name)
		}
		return p == "", p
	})
	if diags.HasError() {
		return nil, nil
	}
	type found struct {
		action *catalog.Action
		c      *catalog.Catalog
	}
	var all []found
	for i, fc := range catalogs {
		// A filter with values of which this service knows none selects
		// nothing of it.
		if len(model.ResourceTypes) > 0 && len(queries[i].ResourceTypes) == 0 ||
			len(model.ConditionKeys) > 0 && len(queries[i].ConditionKeys) == 0 ||
			len(model.Names) > 0 && len(queries[i].Names) == 0 {
			continue
		}
		for _, a := range fc.Query(queries[i]) {
			all = append(all, found{a, fc})
		}
	}
	slices.SortFunc(all, func(a, b found) int { return strings.Compare(a.action.FullName(), b.action.FullName()) })
	actions := make([]*catalog.Action, len(all))
	owners := make([]*catalog.Catalog, len(all))
	for i, f := range all {
		actions[i], owners[i] = f.action, f.c
	}
	return actions, owners
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
