package planner

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// DependentActionsSid starts the Sid of every statement of dependent
// actions: ConnectDependentActions followed by the resource type of
// Connect's own (ConnectDependentActionsQueue, ...AllResources for those
// that support no resource-level permission) or by the other service
// (ConnectDependentActionsDs).
const DependentActionsSid = "ConnectDependentActions"

// IsDependentActionsSid reports whether a Sid is of the form of those the
// statements of dependent actions get.
func IsDependentActionsSid(sid string) bool { return strings.HasPrefix(sid, DependentActionsSid) }

// Dependents is what the allowed actions of a policy need besides
// themselves.
type Dependents struct {
	// Statements allow the dependent actions the policy does not allow yet,
	// in statements of their own.
	Statements []policy.Statement
	// Missing lists those actions by name, sorted.
	Missing []string
}

// need is a dependent action needed on one resource under conditions.
type need struct {
	action   string // full name, as the catalog or the reference writes it
	resource string // an ARN pattern within the grant's scope, or "*"
	label    string // what the resource is: a type, or AllResources
	// scope is where the need's own dependent actions are: its resource,
	// or for a need on "*" (an action of no resource-level permission) the
	// resources of what needed it, so that ds:CreateAlias on "*" does not
	// put the ec2 actions it needs on "*" too.
	scope      []string
	conditions []policy.Condition
	condKey    string
}

// DependentStatements works out the dependent actions that the actions a
// policy allows (doc) need and it does not allow yet, and writes them as
// statements, so that a generated policy works without being wider than
// what it was asked for:
//
//   - A Connect dependent action is allowed on the resources of its own
//     types within the scope (partition, region, account and instance) of
//     each resource the action that needs it is allowed on: DescribeQueue,
//     which SearchQueues needs, on instance/<id>/queue/* of the instances
//     SearchQueues was granted on. Only actions that support no
//     resource-level permission, and the needs of actions allowed on "*",
//     are on "*". Resources that AWS owns (its managed views) are left out.
//   - The conditions of the statement that allowed the action carry over to
//     the dependent action where it supports their keys; a condition on a
//     key it does not support is left out, as in an Allow it would deny
//     the dependent action outright. Its resources still hold it to the
//     same instances.
//   - A dependent action of another service the catalog models (the
//     family, and companions such as iam, kms or ds) is scoped the same way
//     by its own types, within the partition, region and account of the
//     grant, those its ARNs have (an IAM role's have no region), in
//     statements of their own per service (ConnectDependentActionsIamRole).
//     The needs of one that supports no resource-level permission are
//     scoped by the grant that pulled it in, not put on "*".
//   - A dependent action of a service the catalog does not model is on
//     "*", in a statement of its own per service, with the conditions of
//     global keys only, since the catalog does not know that service's
//     resources and keys. Every dependent action of the family's actions
//     is of a modelled service today (TestDependentActionsAreOfModelledServices).
//
// The needs come from origins: the grants that were planned, and the
// statements given as such (OriginsOf). Dependent actions of dependent
// actions are added in turn. A need that an Allow statement of the policy
// already meets (the action on a resource
// that covers the needed one, without other conditions) adds nothing.
func DependentStatements(c *catalog.Catalog, doc *policy.Document, origins []Origin, opts DependentOptions) Dependents {
	acc := access.Of(c, doc)
	allowedByName := checker.AllowedByName(doc)

	var needs []need
	seen := map[string]bool{}
	var queue []need
	push := func(n need) {
		key := n.action + "\x01" + n.resource + "\x01" + n.condKey
		if seen[key] {
			return
		}
		seen[key] = true
		queue = append(queue, n)
	}
	for _, o := range origins {
		for _, a := range o.Actions {
			if len(a.DependentActions) == 0 || !acc.Allows(a) {
				continue // an override or a Deny may have taken it away
			}
			for _, n := range needsOf(c, a, o.Resources, o.Conditions, opts) {
				push(n)
			}
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if met(c, acc, allowedByName, n) {
			continue
		}
		needs = append(needs, n)
		if d, _, ok := ownAction(c, n.action); ok {
			for _, m := range needsOf(c, d, n.scope, n.conditions, opts) {
				push(m)
			}
		}
	}
	return Dependents{Statements: dependentStatements(c, dropCovered(needs), opts.Minimize), Missing: neededNames(needs)}
}

// DependentOptions are the choices of DependentStatements.
type DependentOptions struct {
	// Minimize writes each statement's actions as the shortest exact
	// wildcards.
	Minimize bool
	// Related are ARNs of resources that dependent actions act on (a
	// Lambda function, a KMS key): a dependent action that can act on one
	// of them, within the scope of what needs it, is allowed on those
	// rather than on every resource of its type there.
	Related []string
	// Bounds are ARNs (a Connect instance's, say) whose partitions,
	// regions and accounts bound the dependent actions of what is allowed
	// on "*": without them, those of an action that supports no
	// resource-level permission (CreateInstance) are on "*" too.
	Bounds []string
}

// Origin is what pulls dependent actions in: actions allowed on resources
// under conditions. The dependent actions are scoped to the instances of
// all its resources, not only of those each action acts on: a grant of
// AssociateTrafficDistributionGroupUser on a traffic distribution group
// (an account's) and of other actions in an instance is a grant within that
// instance.
type Origin struct {
	Actions    []*catalog.Action
	Resources  []string
	Conditions []policy.Condition
}

// OriginsOf reads the origins of a policy's Allow statements: for each
// Connect action it allows, the resources it can act on there, across the
// statements that allow it under the same conditions.
func OriginsOf(c *catalog.Catalog, doc *policy.Document) []Origin {
	acc := access.Of(c, doc)
	var origins []Origin
	for _, a := range acc.Actions() {
		if len(a.DependentActions) == 0 {
			continue
		}
		byConditions := map[string]int{}
		for _, g := range acc.Grants(a) {
			key := conditionsKey(canonicalConditions(g.Conditions))
			i, ok := byConditions[key]
			if !ok {
				i = len(origins)
				byConditions[key] = i
				origins = append(origins, Origin{Actions: []*catalog.Action{a}, Conditions: g.Conditions})
			}
			origins[i].Resources = append(origins[i].Resources, g.Resources...)
		}
	}
	return origins
}

// ownAction finds a dependent action in the catalog of its service, if
// the catalog models that service, and returns that catalog too.
func ownAction(c *catalog.Catalog, name string) (*catalog.Action, *catalog.Catalog, bool) {
	service, _, _ := catalog.SplitAction(name)
	if !strings.EqualFold(service, c.Prefix) {
		if c = catalog.Modelled(service); c == nil {
			return nil, nil, false
		}
	}
	a, ok := c.Action(name)
	return a, c, ok
}

// familyLabel prefixes the label of another modelled service's dependent
// action with its service (WisdomMessageTemplate, IamRole), so that its Sid
// says which.
func familyLabel(c *catalog.Catalog, label string) string {
	if c.Prefix == catalog.ServicePrefix {
		return label
	}
	return catalog.CamelCase(c.Prefix) + label
}

// needsOf lists what the dependent actions of a need on the resources
// under the conditions.
func needsOf(c *catalog.Catalog, a *catalog.Action, resources []string, conditions []policy.Condition, opts DependentOptions) []need {
	var out []need
	for _, name := range a.DependentActions {
		d, dc, ok := ownAction(c, name)
		if !ok {
			kept := keptConditions(conditions, func(k *catalog.ConditionKey) bool { return k.AppliesToAllActions() }, c)
			out = append(out, need{action: name, resource: "*", label: catalog.CamelCase(serviceOf(name)), scope: resources, conditions: kept, condKey: conditionsKey(kept)})
			continue
		}
		kept := keptConditions(conditions, d.SupportsConditionKey, dc)
		add := func(resource, label string) {
			scope := []string{resource}
			if resource == "*" {
				scope = resources
			}
			out = append(out, need{action: d.FullName(), resource: resource, label: familyLabel(dc, label), scope: scope, conditions: kept, condKey: conditionsKey(kept)})
		}
		if d.WildcardOnly() {
			add("*", "AllResources")
			continue
		}
		if arns, ok := serviceRoles(a, d, resources, opts); ok {
			for _, arn := range arns {
				add(arn, "ServiceLinkedRole")
			}
			continue
		}
		scopes, everywhere := boundedScopesOf(resources, opts)
		if everywhere {
			add("*", "AllResources")
		}
		for _, placed := range scopes {
			scope, parents := placed.scope, parentsIn(dc, placed.arn)
			labels := map[string]string{}
			var arns []string
			for _, use := range d.ResourceTypes {
				rt, found := dc.ResourceType(use.ResourceType)
				if !found {
					continue
				}
				given := relatedWithin(dc, rt, scope, opts.Related)
				if len(given) == 0 {
					if arn, ok := rt.ARNWithinParents(scope, parents); ok {
						given = []string{arn}
					}
				}
				for _, arn := range given {
					arns = append(arns, arn)
					labels[arn] = catalog.CamelCase(rt.Name)
				}
			}
			for _, arn := range catalog.CollapseARNs(arns, collapseAbove) {
				add(arn, cmp.Or(labels[arn], "MultipleTypes"))
			}
		}
	}
	return out
}

// serviceRoles are the service-linked roles an IAM permission on roles that
// a family action needs is confined to, within the scopes of what needs it
// (see catalog.ServiceRoleOf); ok is false for any other need.
func serviceRoles(a, d *catalog.Action, resources []string, opts DependentOptions) ([]string, bool) {
	service, _, _ := catalog.SplitAction(d.FullName())
	origin, _, _ := catalog.SplitAction(a.FullName())
	if service != "iam" || !d.ActsOn("role") || catalog.ServiceRoleOf(origin, "aws", "*") == "" {
		return nil, false
	}
	scopes, everywhere := boundedScopesOf(resources, opts)
	var out []string
	if everywhere {
		out = append(out, catalog.ServiceRoleOf(origin, "*", "*"))
	}
	for _, s := range scopes {
		out = append(out, catalog.ServiceRoleOf(origin, s.scope.Partition, s.scope.Account))
	}
	return policy.SortedUnique(out), true
}

// collapseAbove is how many ARNs of one service in one scope a dependent
// action is written on before they are collapsed (see catalog.CollapseARNs).
const collapseAbove = 6

// relatedWithin returns the related ARNs of the type within the scope.
func relatedWithin(c *catalog.Catalog, rt *catalog.ResourceType, scope catalog.Scope, related []string) []string {
	var out []string
	for _, arn := range related {
		s, ok := catalog.ScopeOf(arn)
		if !ok || !c.ResolveARN(arn).Denotes(rt.Name) {
			continue
		}
		if access.Covers(scope.Partition, s.Partition) && (s.Region == "" || access.Covers(scope.Region, s.Region)) &&
			(s.Account == "" || access.Covers(scope.Account, s.Account)) {
			out = append(out, arn)
		}
	}
	return out
}

// placedScope is where a resource is, with the resource.
type placedScope struct {
	scope catalog.Scope
	arn   string
}

// scopesOf reads where resources are. A resource of no instance (an
// account-level one, such as a traffic distribution group) stands for its
// whole account only when no resource names an instance: a grant on a user
// and a traffic distribution group is a grant within the user's instance.
// everywhere is true when one of them is "*" or has no ARN's fields.
func scopesOf(resources []string) (scopes []placedScope, everywhere bool) {
	named := false
	for _, r := range resources {
		scope, ok := catalog.ScopeOf(r)
		if !ok {
			everywhere = true
			continue
		}
		named = named || scope.Instance != ""
		scopes = append(scopes, placedScope{scope, r})
	}
	if named {
		scopes = slices.DeleteFunc(scopes, func(s placedScope) bool { return s.scope.Instance == "" })
	}
	return scopes, everywhere
}

// boundedScopesOf is scopesOf, with the bounds of opts for resources that
// reach everywhere.
func boundedScopesOf(resources []string, opts DependentOptions) (scopes []placedScope, everywhere bool) {
	scopes, everywhere = scopesOf(resources)
	if everywhere && len(opts.Bounds) > 0 {
		bounded, _ := scopesOf(opts.Bounds)
		scopes, everywhere = append(scopes, bounded...), false
	}
	return scopes, everywhere
}

// parentsIn reads the ids of a resource of the dependent action's own
// service, when its ARN is of one type there: a wisdom message template of
// knowledge base kb1 puts the dependent actions on kb1's templates, not on
// every knowledge base's. Wildcard values are left out.
func parentsIn(c *catalog.Catalog, arn string) map[string]string {
	if !strings.Contains(arn, ":"+c.Prefix+":") {
		return nil
	}
	_, parts, err := c.ParseARN(arn)
	if err != nil {
		return nil
	}
	for name, v := range parts {
		if v == "" || catalog.HasWildcard(v) || strings.Contains(v, "${") {
			delete(parts, name)
		}
	}
	return parts
}

func serviceOf(action string) string {
	service, _, _ := catalog.SplitAction(action)
	return service
}

// keptConditions keeps the conditions on keys that supported accepts; a key
// the catalog does not know is left out.
func keptConditions(conditions []policy.Condition, supported func(*catalog.ConditionKey) bool, c *catalog.Catalog) []policy.Condition {
	var kept []policy.Condition
	for _, cond := range conditions {
		if key, ok := c.ConditionKey(cond.Key); ok && supported(key) {
			kept = append(kept, cond)
		}
	}
	return canonicalConditions(kept)
}

// met reports whether the policy already allows what the need asks for:
// an action of Connect or its family on a resource that covers the needed
// one, under no other conditions; another service's action by name.
func met(c *catalog.Catalog, acc *access.Access, allowedByName func(string) bool, n need) bool {
	d, _, ok := ownAction(c, n.action)
	if !ok {
		return allowedByName(n.action)
	}
	for _, g := range acc.Grants(d) {
		if len(g.Conditions) > 0 && conditionsKey(canonicalConditions(g.Conditions)) != n.condKey {
			continue
		}
		if slices.ContainsFunc(g.Resources, func(r string) bool { return access.Covers(r, n.resource) }) {
			return true
		}
	}
	return false
}

// dropCovered leaves out the needs whose resource another need of the same
// action and conditions covers, such as an instance's queues when "*" is
// needed too.
func dropCovered(needs []need) []need {
	var out []need
	for i, n := range needs {
		covered := slices.ContainsFunc(needs, func(m need) bool {
			return m.action == n.action && m.condKey == n.condKey && m.resource != n.resource && access.Covers(m.resource, n.resource)
		})
		if !covered {
			out = append(out, needs[i])
		}
	}
	return out
}

func neededNames(needs []need) []string {
	names := make([]string, len(needs))
	for i, n := range needs {
		names[i] = n.action
	}
	return policy.SortedUnique(names)
}

// dependentStatements writes the needs as statements: Connect actions
// that need the same resources under the same conditions share one, and
// each other service has one per set of conditions.
func dependentStatements(c *catalog.Catalog, needs []need, minimize bool) []policy.Statement {
	type actionKey struct{ action, condKey string }
	type byAction struct {
		resources  []string
		labels     []string
		conditions []policy.Condition
		other      bool
		catalog    *catalog.Catalog // of Connect or of a family service, for minimising
	}
	actions := map[actionKey]*byAction{}
	var order []actionKey
	for _, n := range needs {
		k := actionKey{n.action, n.condKey}
		b := actions[k]
		if b == nil {
			_, own, known := ownAction(c, n.action)
			b = &byAction{conditions: n.conditions, other: !known, catalog: own}
			actions[k] = b
			order = append(order, k)
		}
		b.resources = append(b.resources, n.resource)
		b.labels = append(b.labels, n.label)
	}

	type group struct {
		label      string
		other      bool
		catalog    *catalog.Catalog
		condKey    string
		resources  []string
		conditions []policy.Condition
		actions    []string
	}
	groups := map[string]*group{}
	for _, k := range order {
		b := actions[k]
		resources := policy.SortedUnique(b.resources)
		label := "MultipleTypes"
		if labels := policy.SortedUnique(b.labels); len(labels) == 1 {
			label = labels[0]
		}
		sig := k.condKey + "\x01" + strings.Join(resources, "\x00")
		if !b.other && b.catalog != c {
			// A family service's actions have statements of their own.
			sig = b.catalog.Prefix + "\x01" + sig
		}
		if b.other {
			sig = "\x02" + serviceOf(k.action) + "\x01" + k.condKey
		}
		g := groups[sig]
		if g == nil {
			g = &group{label: label, other: b.other, catalog: b.catalog, condKey: k.condKey, resources: resources, conditions: b.conditions}
			groups[sig] = g
		} else if g.label != label && !b.other {
			g.label = familyLabel(b.catalog, "MultipleTypes")
		}
		g.actions = append(g.actions, k.action)
	}

	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		list = append(list, g)
	}
	// Connect's statements first, then those of the other modelled
	// services, then those of services not modelled.
	rank := func(g *group) int {
		switch {
		case g.other:
			return 2
		case g.catalog != c:
			return 1
		}
		return 0
	}
	slices.SortFunc(list, func(a, b *group) int {
		return cmp.Or(
			cmp.Compare(rank(a), rank(b)),
			strings.Compare(a.label, b.label),
			strings.Compare(a.condKey, b.condKey),
			slices.Compare(a.resources, b.resources),
		)
	})
	out := make([]policy.Statement, len(list))
	used := map[string]int{}
	for i, g := range list {
		actions := policy.SortedUnique(g.actions)
		if minimize {
			own := c
			if g.catalog != nil {
				own = g.catalog
			}
			actions = minimizeNames(own, actions)
		}
		sid := DependentActionsSid + g.label
		used[sid]++
		if n := used[sid]; n > 1 {
			sid += strconv.Itoa(n)
		}
		out[i] = policy.Statement{Sid: sid, Effect: policy.Allow, Actions: actions, Resources: g.resources, Conditions: g.conditions}
	}
	return out
}
