package provider

import (
	"context"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*arnFunction)(nil)

// NewARNFunction returns the arn function.
func NewARNFunction() function.Function { return &arnFunction{} }

type arnFunction struct{}

func (f *arnFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "arn"
}

func (f *arnFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Builds the ARN of an Amazon Connect resource from its parts.",
		MarkdownDescription: "Builds the ARN of a Connect resource of the given type from a map of its parts: `partition` (defaults to `aws`), " +
			"`region`, `account` and the type's ids, such as `instance_id` and `queue_id` for a queue. Any part may be `*`. " +
			"A missing or unknown part is an error that lists the parts the type needs; `connect_resource_types` lists them too. " +
			"The types of the rest of the Amazon Connect family (`cases`, `profile`, `wisdom`, `voiceid`, `connect-campaigns`, `app-integrations`, `health-agent`) are written with their prefix: `profile:domains`." + functionCatalogNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:        "resource_type",
				Description: "The resource type, such as `queue`, `routing-profile` or `user`; a type of another service of the Amazon Connect family with its prefix, such as `profile:domains` or `cases:Case`.",
			},
			function.MapParameter{
				Name:        "parts",
				Description: "The parts of the ARN by name, such as `{ region = \"us-east-1\", account = \"123456789012\", instance_id = \"...\", queue_id = \"*\" }`.",
				ElementType: types.StringType,
			},
		},
		Return: function.StringReturn{},
	}
}

func (f *arnFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var resourceType string
	var parts types.Map
	resp.Error = req.Arguments.Get(ctx, &resourceType, &parts)
	if resp.Error != nil {
		return
	}
	c, funcErr := functionCatalog()
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	// A type of another service of the family is written with its
	// prefix: "profile:domain".
	if service, name, ok := strings.Cut(resourceType, ":"); ok {
		family, err := catalog.LoadService(service)
		if err != nil {
			resp.Error = argumentError(0, sentence(err.Error()))
			return
		}
		c, resourceType = family, name
	}
	rt, problem := resourceTypes.find(c, resourceType)
	if problem != "" {
		resp.Error = argumentError(0, problem)
		return
	}
	values := map[string]string{}
	for name, v := range parts.Elements() {
		if s, ok := v.(types.String); ok && !s.IsNull() {
			values[name] = s.ValueString()
		}
	}
	arn, err := c.BuildARN(rt, values)
	if err != nil {
		resp.Error = argumentError(1, sentence(err.Error()))
		return
	}
	resp.Error = resp.Result.Set(ctx, arn)
}
