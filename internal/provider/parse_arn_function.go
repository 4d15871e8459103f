package provider

import (
	"context"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*parseARNFunction)(nil)

// NewParseARNFunction returns the parse_arn function.
func NewParseARNFunction() function.Function { return &parseARNFunction{} }

type parseARNFunction struct{}

var parsedARNTypes = map[string]attr.Type{
	"resource_type": types.StringType,
	"parts":         types.MapType{ElemType: types.StringType},
}

func (f *parseARNFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_arn"
}

func (f *parseARNFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Parses the ARN of an Amazon Connect resource into its type and parts.",
		MarkdownDescription: "Returns an object with the `resource_type` of a Connect ARN and its `parts` by name " +
			"(`partition`, `region`, `account` and the type's ids such as `instance_id`), the inverse of `arn`. " +
			"Parts may be wildcards, but the ARN must have the shape of exactly one type; anything else is an error. " +
			"An ARN of another service of the Amazon Connect family gives its type with its prefix, such as `profile:domains`." + functionCatalogNote,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:        "arn",
				Description: "The ARN, such as `arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1`.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: parsedARNTypes},
	}
}

func (f *parseARNFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var arn string
	resp.Error = req.Arguments.Get(ctx, &arn)
	if resp.Error != nil {
		return
	}
	c, funcErr := functionCatalog()
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	typeName := ""
	rt, parts, err := c.ParseARN(arn)
	if fields := strings.SplitN(arn, ":", 4); err != nil && len(fields) > 2 {
		// An ARN of another service of the family parses in its catalog,
		// and its type is written with its prefix: "profile:domain".
		if family, familyErr := catalog.LoadService(fields[2]); familyErr == nil && family.Prefix != catalog.ServicePrefix {
			if rt, parts, err = family.ParseARN(arn); err == nil {
				typeName = family.Prefix + ":" + rt.Name
			}
		}
	}
	if err != nil {
		resp.Error = argumentError(0, sentence(err.Error()))
		return
	}
	if typeName == "" {
		typeName = rt.Name
	}
	partValues := make(map[string]attr.Value, len(parts))
	for name, value := range parts {
		partValues[name] = types.StringValue(value)
	}
	result, diags := types.ObjectValue(parsedARNTypes, map[string]attr.Value{
		"resource_type": types.StringValue(typeName),
		"parts":         types.MapValueMust(types.StringType, partValues),
	})
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}
