package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// The guardrails both policy data sources share: the must_not_allow block
// and the outputs by risk.

// findingCodes are every finding code: the checker's and the risks'.
var findingCodes = append(append([]string{}, checker.Codes...), guard.Codes...)

type mustNotAllowModel struct {
	Actions   []types.String `tfsdk:"actions"`
	Risks     []types.String `tfsdk:"risks"`
	Resources []types.String `tfsdk:"resources"`
}

func mustNotAllowBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "What the policy must not allow: an error on this block, naming the statement and the actions, if it does. " +
			"The check is exact, as IAM evaluates: an Allow on a pattern such as `connect:Update*`, on `NotAction` or on `*` counts; " +
			"an unconditional Deny that covers it makes it pass.",
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"actions": schema.ListAttribute{
					MarkdownDescription: "Actions the policy must not allow: names or patterns, in any case; without a prefix they are Connect's, and the prefix of another service of the family (`profile:DeleteDomain`) names its actions.",
					ElementType:         types.StringType,
					Optional:            true,
					Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(actionFilters.validatorTitled("Invalid must_not_allow"))},
				},
				"risks": schema.ListAttribute{
					MarkdownDescription: fmt.Sprintf("Risk categories none of whose actions the policy may allow: %s.", quotedCode(risk.CategoryNames())),
					ElementType:         types.StringType,
					Optional:            true,
					Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(risk.CategoryNames()...))},
				},
				"resources": schema.ListAttribute{
					MarkdownDescription: "If set, only allowing them on a resource these ARN patterns match counts; by default, on any resource.",
					ElementType:         types.StringType,
					Optional:            true,
					Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(statementResourceValue(checker.ElementResource))},
				},
			},
		},
	}
}

// forbiddenOf converts the blocks.
func forbiddenOf(models []mustNotAllowModel) []guard.Forbidden {
	out := make([]guard.Forbidden, len(models))
	for i, m := range models {
		out[i] = guard.Forbidden{Actions: stringsOf(m.Actions), Resources: stringsOf(m.Resources)}
		for _, s := range stringsOf(m.Risks) {
			if c, ok := risk.ParseCategory(s); ok {
				out[i].Risks = append(out[i].Risks, c)
			}
		}
	}
	return out
}

// byRiskValue is the allowed actions grouped by risk category, for a map
// output.
func byRiskValue(groups map[risk.Category][]string) map[string][]string {
	out := map[string][]string{}
	for _, c := range risk.Categories {
		out[string(c)] = nonNil(groups[c])
	}
	return out
}
