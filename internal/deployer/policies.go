package deployer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/nearest"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Input is what the deployer's policies are for.
type Input struct {
	// Resources and DataSources are the aws_connect_* types a
	// configuration manages and reads.
	Resources   []string
	DataSources []string
	// Instances are the ARNs of the Connect instances the configuration
	// works in. With none (the instance is still to be created), Connect's
	// actions are scoped to every instance within Partition, Region and
	// Account, each "" for any.
	Instances                  []string
	Partition, Region, Account string
	// Related are ARNs of the other resources the types point at (Lambda
	// functions, Lex bots, KMS keys, buckets, streams): the on-behalf
	// permissions on their types are scoped to them.
	Related []string
	// Destroy keeps the delete calls in the apply policy.
	Destroy  bool
	Minimize bool
}

// The fields of Input a problem can be about.
const (
	FieldResources   = "resource_types"
	FieldDataSources = "data_source_types"
	FieldInstances   = "instance_arns"
	FieldRelated     = "related_resource_arns"
	FieldPlan        = "plan_json"
	FieldApply       = "apply_json"
)

// Problem is something wrong with the input, or with a policy built from
// it; Index is the value at fault, or -1. Any problem stops the build.
type Problem struct {
	Field   string
	Index   int
	Message string
}

// TypePhase is what one type needs in one phase, for a reviewer: the
// actions, and those the provider calls only on some paths.
type TypePhase struct {
	Type       string
	DataSource bool
	Phase      Phase
	Actions    []string
	// OnlyWhen maps the actions called only on some paths to when.
	OnlyWhen map[string]string
}

// Result is the two policies and why each action is there.
type Result struct {
	Plan, Apply *compose.Result
	Calls       []TypePhase
}

// Build works out the policy terraform plan needs (every type's read) and
// the one terraform apply needs (the plan's, with create, update, tagging
// and, with Destroy, delete), each composed by the planner with its
// dependent actions, the permissions Connect checks on the caller's behalf
// (ds:CreateAlias for CreateInstance, lambda:AddPermission for
// AssociateLambdaFunction), and checked like connect_policy_document's.
func Build(c *catalog.Catalog, m *Model, in Input) (*Result, []Problem) {
	var problems []Problem
	types := func(field string, names []string, lookup func(string) (*TypeCalls, bool), known []string, dataSource bool) []*TypeCalls {
		var out []*TypeCalls
		for i, name := range names {
			t, ok := lookup(name)
			if !ok {
				problems = append(problems, Problem{Field: field, Index: i, Message: unknownType(name, known, dataSource)})
				continue
			}
			out = append(out, t)
		}
		return out
	}
	if len(in.Resources)+len(in.DataSources) == 0 {
		problems = append(problems, Problem{Field: FieldResources, Index: -1, Message: "Name at least one aws_connect_ resource or data source type: the policies are of what a configuration manages and reads."})
	}
	resources := types(FieldResources, in.Resources, m.Resource, m.ResourceTypes(), false)
	dataSources := types(FieldDataSources, in.DataSources, m.DataSource, m.DataSourceTypes(), true)
	scopes := scopesOf(in, &problems)
	for i, arn := range in.Related {
		if _, ok := catalog.ScopeOf(arn); !ok || catalog.HasWildcard(arn) {
			problems = append(problems, Problem{Field: FieldRelated, Index: i, Message: fmt.Sprintf("%q is not the ARN of one resource.", arn)})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}

	result := &Result{}
	var planActions, applyActions []string
	// ownTypes narrows the tagging calls of a type to its own resources:
	// connect:TagResource acts on 26 types, an aws_connect_queue's on
	// queues. Every other call acts on whatever its types are.
	ownTypes := map[string]map[string]bool{} // action -> types; nil for all
	add := func(t *TypeCalls, dataSource bool, p Phase, into ...*[]string) {
		calls := t.Calls(p)
		if len(calls) == 0 {
			return
		}
		tp := TypePhase{Type: t.Type, DataSource: dataSource, Phase: p, OnlyWhen: map[string]string{}}
		for _, call := range calls {
			tp.Actions = append(tp.Actions, call.Action)
			if call.OnlyWhen != "" {
				tp.OnlyWhen[call.Action] = call.OnlyWhen
			}
			for _, list := range into {
				*list = append(*list, call.Action)
			}
			own := ""
			if p == PhaseTagging {
				own = connectTypeOf(c, t.Type)
			}
			types, seen := ownTypes[call.Action]
			switch {
			case own == "":
				ownTypes[call.Action] = nil
			case !seen:
				ownTypes[call.Action] = map[string]bool{own: true}
			case types != nil:
				types[own] = true
			}
		}
		result.Calls = append(result.Calls, tp)
	}
	for _, t := range resources {
		add(t, false, PhaseRead, &planActions, &applyActions)
		add(t, false, PhaseCreate, &applyActions)
		add(t, false, PhaseUpdate, &applyActions)
		if in.Destroy {
			add(t, false, PhaseDelete, &applyActions)
		}
		add(t, false, PhaseTagging, &applyActions)
	}
	for _, t := range dataSources {
		add(t, true, PhaseRead, &planActions, &applyActions)
	}
	var err Problem
	if result.Plan, err = compose1(c, FieldPlan, "TerraformPlan", planActions, ownTypes, scopes, in); err.Message != "" {
		return nil, append(problems, err)
	}
	if result.Apply, err = compose1(c, FieldApply, "TerraformApply", applyActions, ownTypes, scopes, in); err.Message != "" {
		return nil, append(problems, err)
	}
	return result, problems
}

// compose1 composes one policy of the actions, each on the resources of
// its own types within the scopes, with their dependent actions; then
// merges the statements of the actions (see merged) and checks the result
// as connect_policy_document checks its sources.
func compose1(c *catalog.Catalog, field, sidPrefix string, actions []string, ownTypes map[string]map[string]bool, scopes []catalog.Scope, in Input) (*compose.Result, Problem) {
	actions = slices.Compact(slices.Sorted(slices.Values(actions)))
	if len(actions) == 0 {
		return nil, Problem{}
	}
	var grants []planner.Grant
	for _, name := range actions {
		a, ok := c.Action(name)
		if !ok {
			return nil, Problem{Field: field, Index: -1, Message: fmt.Sprintf("The deployer model names %s, which the catalog does not have: the model or the catalog is out of date.", name)}
		}
		grants = append(grants, planner.Grant{Actions: []string{a.FullName()}, Resources: resourcesOf(c, a, ownTypes[name], scopes)})
	}
	var bounds []string
	for _, s := range scopes {
		bounds = append(bounds, "arn:"+s.Partition+":connect:"+s.Region+":"+s.Account+":instance/"+cmp.Or(s.Instance, "*"))
	}
	planned, problems := compose.Compose(c, compose.Input{Grants: grants, DependentActions: true, Minimize: in.Minimize, RelatedResources: in.Related, DependentBounds: bounds})
	if p := firstError(field, problems); p.Message != "" {
		return nil, p
	}
	narrowed := map[*catalog.Action]bool{}
	for name, types := range ownTypes {
		if a, ok := c.Action(name); ok && types != nil {
			narrowed[a] = true
		}
	}
	result, problems := compose.Compose(c, compose.Input{Sources: []string{merged(c, planned.Document, sidPrefix, narrowed).JSON()}, Kind: policy.KindRoleInline})
	if p := firstError(field, problems); p.Message != "" {
		return nil, p
	}
	return result, Problem{}
}

func firstError(field string, problems []compose.Problem) Problem {
	for _, p := range problems {
		if p.Severity == checker.SeverityError {
			return Problem{Field: field, Index: -1, Message: p.Summary + ": " + p.Message}
		}
	}
	return Problem{}
}

// merged writes the statements the planner wrote for the calls as one
// statement per service, on the union of their resources, and one on "*"
// for the actions that support no resource-level permission; the dependent
// actions' statements stay as they are. Each of these actions is granted
// on every one of its types in the scopes, and IAM checks an action only
// against the resources of its own types, so each is allowed on exactly
// the same resources as in the planner's statements, one per level and
// resource set, which for the 17 resources of the AWS provider were over
// IAM's quota for a role's inline policies. The statements of actions
// narrowed to some of their types (the tagging of a queue) stay apart: in
// the union they would reach the others.
func merged(c *catalog.Catalog, doc *policy.Document, sidPrefix string, narrowed map[*catalog.Action]bool) *policy.Document {
	type key struct {
		service string
		all     bool
	}
	byKey := map[key]*policy.Statement{}
	var keys []key
	out := &policy.Document{Version: doc.Version}
	var apart []policy.Statement
	for _, s := range doc.Statements {
		if planner.IsDependentActionsSid(s.Sid) || len(s.Conditions) > 0 || s.Effect != policy.Allow ||
			slices.ContainsFunc(s.Actions, func(pattern string) bool {
				return slices.ContainsFunc(c.Match(pattern), func(a *catalog.Action) bool { return narrowed[a] })
			}) {
			apart = append(apart, s)
			continue
		}
		service, _, _ := catalog.SplitAction(s.Actions[0])
		k := key{service, slices.Equal(s.Resources, []string{"*"})}
		m := byKey[k]
		if m == nil {
			sid := sidPrefix + catalog.CamelCase(service)
			if k.all {
				sid += "AllResources"
			}
			m = &policy.Statement{Sid: sid, Effect: policy.Allow}
			byKey[k] = m
			keys = append(keys, k)
		}
		m.Actions = append(m.Actions, s.Actions...)
		m.Resources = append(m.Resources, s.Resources...)
	}
	for _, k := range keys {
		m := byKey[k]
		m.Actions = policy.SortedUnique(m.Actions)
		resources := catalog.CollapseARNs(policy.SortedUnique(m.Resources), 6)
		// instance/<id>/* holds instance/<id>/queue/*.
		m.Resources = slices.DeleteFunc(slices.Clone(resources), func(r string) bool {
			return slices.ContainsFunc(resources, func(other string) bool { return other != r && access.Covers(other, r) })
		})
		out.Statements = append(out.Statements, *m)
	}
	out.Statements = append(out.Statements, apart...)
	return out
}

// resourcesOf are the ARNs of an action's own types (or of those of only,
// when set) within the scopes, or "*" for an action that supports no
// resource-level permission.
func resourcesOf(c *catalog.Catalog, a *catalog.Action, only map[string]bool, scopes []catalog.Scope) []string {
	if a.WildcardOnly() {
		return []string{"*"}
	}
	var out []string
	for _, scope := range scopes {
		for _, use := range a.ResourceTypes {
			if only != nil && !only[use.ResourceType] {
				continue
			}
			rt, ok := c.ResourceType(use.ResourceType)
			if !ok {
				continue
			}
			if arn, ok := rt.ARNWithin(scope); ok && !slices.Contains(out, arn) {
				out = append(out, arn)
			}
		}
	}
	// connect:TagResource acts on 26 types: their instance's /* says the
	// same.
	return catalog.CollapseARNs(out, 6)
}

// scopesOf reads the scopes of the instances, or the scope of every
// instance within the partition, region and account given.
func scopesOf(in Input, problems *[]Problem) []catalog.Scope {
	if len(in.Instances) == 0 {
		return []catalog.Scope{{Partition: cmp.Or(in.Partition, "aws"), Region: cmp.Or(in.Region, "*"), Account: cmp.Or(in.Account, "*")}}
	}
	var scopes []catalog.Scope
	for i, arn := range in.Instances {
		s, ok := catalog.ScopeOf(arn)
		fields := strings.SplitN(arn, ":", 6)
		if !ok || len(fields) < 6 || fields[2] != catalog.ServicePrefix || s.Instance == "" || strings.Contains(strings.TrimPrefix(fields[5], "instance/"), "/") {
			*problems = append(*problems, Problem{Field: FieldInstances, Index: i, Message: fmt.Sprintf("%q is not the ARN of a Connect instance (arn:aws:connect:<region>:<account>:instance/<id>).", arn)})
			continue
		}
		scopes = append(scopes, s)
	}
	return scopes
}

// connectTypeOf is the Connect resource type an aws_connect_ type manages,
// when the catalog has one of its name: aws_connect_queue manages queues,
// aws_connect_user_hierarchy_group hierarchy groups.
func connectTypeOf(c *catalog.Catalog, terraformType string) string {
	name := strings.ReplaceAll(strings.TrimPrefix(terraformType, "aws_connect_"), "_", "-")
	for _, candidate := range []string{name, strings.TrimPrefix(name, "user-")} {
		if _, ok := c.ResourceType(candidate); ok {
			return candidate
		}
	}
	return ""
}

func unknownType(name string, known []string, dataSource bool) string {
	kind := "resource"
	if dataSource {
		kind = "data source"
	}
	hint := ""
	if suggestion, ok := nearest.Closest(name, known, max(2, len(name)/4)); ok {
		hint = fmt.Sprintf(" (did you mean %s?)", suggestion)
	}
	return fmt.Sprintf("%q is not an aws_connect_ %s type of the hashicorp/aws provider the model describes%s; the known ones are %s.", name, kind, hint, strings.Join(known, ", "))
}
