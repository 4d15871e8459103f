package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/planner"
)

var _ function.Function = (*minimizeActionsFunction)(nil)

// NewMinimizeActionsFunction returns the minimize_actions function.
func NewMinimizeActionsFunction() function.Function { return &minimizeActionsFunction{} }

type minimizeActionsFunction struct{}

func (f *minimizeActionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "minimize_actions"
}

func (f *minimizeActionsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Shortens a list of actions into wildcards that match exactly the same actions.",
		MarkdownDescription: "Returns the shortest list of names and prefix wildcards, such as `connect:Describe*`, that matches exactly the same actions of the catalog " +
			"as the given names and patterns, each service apart; never `connect:*`. Actions of the services the catalog knows by name (such as `profile:` or `cases:`) are minimised against those names. " +
			"**Warning:** a wildcard also matches actions that AWS adds to Connect later. An element that matches no action is an error." + functionCatalogNote,
		Parameters: []function.Parameter{
			function.ListParameter{
				Name:        "actions",
				Description: "Action names or patterns, with or without the `connect:` prefix, or with that of another service the catalog knows.",
				ElementType: types.StringType,
			},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *minimizeActionsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var names []types.String
	resp.Error = req.Arguments.Get(ctx, &names)
	if resp.Error != nil {
		return
	}
	c, funcErr := functionCatalog()
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	var actions []string
	for i, name := range names {
		if name.IsNull() {
			resp.Error = errorf(0, "Element %d is null; give action names or patterns.", i)
			return
		}
		matched, problem := c.ExpandActions(name.ValueString())
		if problem != "" {
			resp.Error = errorf(0, "Element %d: %s", i, problem)
			return
		}
		actions = append(actions, matched...)
	}
	resp.Error = resp.Result.Set(ctx, nonNil(planner.MinimizeAnyActions(c, actions)))
}
