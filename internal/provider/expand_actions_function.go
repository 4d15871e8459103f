package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
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
		Summary: "Lists the Amazon Connect actions that an IAM action pattern matches.",
		MarkdownDescription: "Returns the actions of the catalog, with their `connect:` prefix and sorted, that a name or pattern matches as IAM matches it: " +
			"`*` matches any run of characters, `?` one character, letters in any case; the prefix is optional. " +
			"A pattern that matches no action is an error that suggests the nearest names." + functionCatalogNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:        "pattern",
				Description: "The name or pattern, such as `connect:Describe*` or `*ContactRecording`.",
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
	actions, problem := c.Resolve(pattern)
	if problem != "" {
		resp.Error = argumentError(0, problem)
		return
	}
	resp.Error = resp.Result.Set(ctx, catalog.FullNames(actions))
}
