package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*expandActionsFunction)(nil)

// NewExpandActionsFunction returns the expand_actions function.
func NewExpandActionsFunction() function.Function { return &expandActionsFunction{} }

type expandActionsFunction struct{}

func (f *expandActionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "expand_actions"
}

func (f *expandActionsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Lists the actions that an IAM action pattern matches, in Amazon Connect and the services the catalog knows.",
		MarkdownDescription: "Returns the actions, with their prefix and sorted, that a name or pattern matches as IAM matches it: " +
			"`*` matches any run of characters, `?` one character, letters in any case. Without a prefix, or with `connect:`, it matches Connect's actions; " +
			"with the prefix of another service the catalog knows by its action names (the rest of the Amazon Connect family, such as `profile:` or `cases:`, and the companion services such as `ds:` or `lambda:`), that service's. " +
			"A pattern that matches no action is an error that suggests the nearest names." + functionCatalogNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:        "pattern",
				Description: "The name or pattern, such as `connect:Describe*`, `*ContactRecording` or `profile:Search*`.",
			},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *expandActionsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var pattern string
	resp.Error = req.Arguments.Get(ctx, &pattern)
	if resp.Error != nil {
		return
	}
	c, funcErr := functionCatalog()
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	names, problem := c.ExpandActions(pattern)
	if problem != "" {
		resp.Error = argumentError(0, problem)
		return
	}
	resp.Error = resp.Result.Set(ctx, names)
}
