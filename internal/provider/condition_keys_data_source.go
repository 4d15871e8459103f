package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var _ datasource.DataSourceWithConfigure = (*conditionKeysDataSource)(nil)

// NewConditionKeysDataSource returns the connect_condition_keys data source.
func NewConditionKeysDataSource() datasource.DataSource { return &conditionKeysDataSource{} }

type conditionKeysDataSource struct {
	configuredCatalog
}

type conditionKeysModel struct {
	Services      []types.String      `tfsdk:"services"`
	Names         []types.String      `tfsdk:"names"`
	IncludeGlobal types.Bool          `tfsdk:"include_global"`
	ConditionKeys []conditionKeyModel `tfsdk:"condition_keys"`
}

type conditionKeyModel struct {
	Name                string   `tfsdk:"name"`
	Type                string   `tfsdk:"type"`
	Multivalued         bool     `tfsdk:"multivalued"`
	AppliesToAllActions bool     `tfsdk:"applies_to_all_actions"`
	Actions             []string `tfsdk:"actions"`
}

func (d *conditionKeysDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_condition_keys"
}

func (d *conditionKeysDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the condition keys that Amazon Connect actions, or those of the rest of its family, support, with their value types and the actions that support them. " +
			"By default it returns the keys the catalog names for Connect actions; set `include_global` to add every global key.",
		Attributes: map[string]schema.Attribute{
			"services": servicesAttribute("condition keys", "`connect`. A key that several of the services' actions support, such as `aws:ResourceTag/${TagKey}`, is listed once, with the actions of each"),
			"names": schema.ListAttribute{
				MarkdownDescription: "Return only these keys, global or not, such as `aws:TagKeys` or `aws:ResourceTag/team`. " +
					"A concrete tag key returns the key it is an instance of, `aws:ResourceTag/${TagKey}`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(conditionKeys.validator())},
			},
			"include_global": schema.BoolAttribute{
				MarkdownDescription: "Whether to return the global condition keys, such as `aws:SourceIp`, that apply to every action. Defaults to `false`. " +
					"It cannot be set with `names`, which return the keys named, global or not.",
				Optional:   true,
				Validators: []validator.Bool{boolvalidator.ConflictsWith(path.MatchRoot("names"))},
			},
			"condition_keys": schema.ListNestedAttribute{
				MarkdownDescription: "The condition keys, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The key's name; `${TagKey}` stands for any tag key.",
							Computed:            true,
						},
						"type": schema.StringAttribute{
							MarkdownDescription: "The key's value type: `String`, `ArrayOfString`, `ARN`, `Bool`, `Numeric`, `Date`, `Date or Numeric` or `IPAddress`.",
							Computed:            true,
						},
						"multivalued": schema.BoolAttribute{
							MarkdownDescription: "Whether the key holds a set of values, so that a condition on it needs `ForAllValues:` or `ForAnyValue:`.",
							Computed:            true,
						},
						"applies_to_all_actions": schema.BoolAttribute{
							MarkdownDescription: "Whether every action supports the key: true for global keys other than the tag keys, " +
								"which apply only to the actions that list them.",
							Computed: true,
						},
						"actions": schema.ListAttribute{
							MarkdownDescription: "The actions, with their service prefix, that support the key, sorted.",
							ElementType:         types.StringType,
							Computed:            true,
						},
					},
				},
			},
		},
	}
}

func (d *conditionKeysDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model conditionKeysModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	c := d.load(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	catalogs := serviceCatalogs(c, selectedServices(model.Services), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// The keys in the order of names, or sorted by name; a key of several
	// services is one entry, with the actions of each.
	type found struct {
		c   *catalog.Catalog
		key *catalog.ConditionKey
	}
	var selected []found
	if model.Names != nil {
		inSomeCatalog(catalogs, model.Names, path.Root("names"), &resp.Diagnostics, conditionKeys.summary, func(sc *catalog.Catalog, _ int, value string) (bool, string) {
			key, p := conditionKeys.find(sc, value)
			if p == "" {
				selected = append(selected, found{sc, key})
			}
			return p == "", p
		})
		if resp.Diagnostics.HasError() {
			return
		}
	} else {
		for _, sc := range catalogs {
			for _, key := range sc.ConditionKeys() {
				if model.IncludeGlobal.ValueBool() || key.Named() {
					selected = append(selected, found{sc, key})
				}
			}
		}
		slices.SortStableFunc(selected, func(a, b found) int { return strings.Compare(a.key.Name, b.key.Name) })
	}
	model.ConditionKeys = []conditionKeyModel{}
	index := map[string]int{}
	for _, f := range selected {
		actions := catalog.FullNames(f.c.ActionsSupportingKey(f.key))
		if at, seen := index[f.key.Name]; seen {
			m := &model.ConditionKeys[at]
			m.Actions = policy.SortedUnique(append(m.Actions, actions...))
			continue
		}
		index[f.key.Name] = len(model.ConditionKeys)
		model.ConditionKeys = append(model.ConditionKeys, conditionKeyModel{
			Name:                f.key.Name,
			Type:                string(f.key.Type),
			Multivalued:         f.key.Type.Multivalued(),
			AppliesToAllActions: f.key.AppliesToAllActions(),
			Actions:             nonNil(actions),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
