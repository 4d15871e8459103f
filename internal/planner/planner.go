// Package planner turns grants (access levels and action names or patterns
// on resources) into least-privilege policy statements: each action on
// exactly those resources whose type it can act on, grouped by access level
// and resource type with stable Sids, and optionally minimised into
// wildcards that match exactly the same catalog actions.
package planner

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Grant selects actions and the resources to grant them on.
type Grant struct {
	// AccessLevels and Actions select actions; the selection is their union.
	AccessLevels []catalog.AccessLevel
	// Actions are names or patterns, with or without "connect:".
	Actions []string
	// Resources are Connect ARNs, possibly with wildcards, or "*".
	Resources []string
	// Effect is policy.Allow (the default when empty) or policy.Deny.
	Effect     string
	Conditions []policy.Condition
}

// Fields of a grant that a problem can be about.
const (
	FieldActions   = "actions"
	FieldResources = "resources"
	FieldEffect    = "effect"
	// FieldConditions locates a problem of a grant's condition; Index is
	// the condition's position.
	FieldConditions = "condition"
)

// Problem is an error in a grant.
type Problem struct {
	Grant int
	// Field is the grant's field at fault, or "" for the grant as a whole.
	Field string
	// Index is the position of the value at fault in Field, or -1.
	Index   int
	Message string
}

// Options change how statements come out.
type Options struct {
	// Minimize replaces each statement's actions by the shortest prefix
	// wildcards that match exactly the same catalog actions, and merges
	// statements with the same effect, resources and conditions.
	Minimize bool
}

// Result is the outcome of planning.
type Result struct {
	Statements []policy.Statement
	// Granted lists, for each grant, the actions it grants on at least one
	// resource, sorted by name.
	Granted [][]*catalog.Action
	// Warnings are about grants that were planned all the same.
	Warnings []Problem
}

// Plan turns grants into statements. With problems, the statements are
// those of the grants without problems.
func Plan(c *catalog.Catalog, grants []Grant, opts Options) (Result, []Problem) {
	p := &planning{catalog: c, groups: map[groupKey]*group{}}
	result := Result{Granted: make([][]*catalog.Action, len(grants))}
	for i := range grants {
		result.Granted[i] = p.grant(i, &grants[i])
	}
	statements := p.statements()
	if opts.Minimize {
		statements = minimizeStatements(c, statements)
	}
	result.Statements = assignSids(statements)
	result.Warnings = p.warnings
	return result, p.problems
}

type planning struct {
	catalog  *catalog.Catalog
	groups   map[groupKey]*group
	problems []Problem
	warnings []Problem
}

// groupKey is what statements have in common: their effect, conditions
// and access level; and, once they are built, their resource label.
type groupKey struct {
	service    string // the actions' service: "connect", or another of the family
	effect     string
	conditions string // canonical form, see conditionsKey
	level      catalog.AccessLevel
	label      string
}

type group struct {
	key        groupKey
	conditions []policy.Condition
	// resources maps an action's full name to the resources granted to it,
	// and labels to the types it acts on there (see labelFor).
	resources map[string]map[string]bool
	labels    map[string]map[string]bool
}

func (p *planning) problem(grant int, field string, index int, format string, args ...any) {
	p.problems = append(p.problems, Problem{Grant: grant, Field: field, Index: index, Message: fmt.Sprintf(format, args...)})
}

// grant plans one grant and returns the actions it grants.
func (p *planning) grant(index int, g *Grant) []*catalog.Action {
	before := len(p.problems)
	effect := cmp.Or(g.Effect, policy.Allow)
	if effect != policy.Allow && effect != policy.Deny {
		p.problem(index, FieldEffect, -1, `Effect %q is not valid; use "Allow" or "Deny".`, g.Effect)
	}
	selected, explicit := p.selectActions(index, g)
	if effect == policy.Allow && len(selected) > 0 {
		if selected = p.withoutUnsupportedKeys(index, g, selected, explicit); len(selected) == 0 {
			p.problem(index, "", -1, "This grant grants nothing: none of the actions it selects supports the keys of its conditions; select other actions, or change the conditions.")
			return nil
		}
	}
	resourcesBefore := len(p.problems)
	targets := p.resolveResources(index, g)
	if len(p.problems) > resourcesBefore {
		return nil // which actions fit is unclear while resources are wrong
	}

	type pair struct {
		action *catalog.Action
		arn    string
		label  string
	}
	var pairs []pair
	var granted []*catalog.Action
	var warnings []Problem
	for _, a := range selected {
		fitting := 0
		for _, t := range targets {
			if label, ok := labelFor(a, t); ok {
				pairs = append(pairs, pair{a, t.arn, label})
				fitting++
				continue
			}
			// Named explicitly, an action may act on a type that only the
			// older version of the reference lists for it: AWS's data
			// contradicts itself, and the grant may work.
			if _, named := explicit[a]; named && !t.all {
				if before := t.resFor(a).TypesBefore(a); len(before) > 0 {
					pairs = append(pairs, pair{a, t.arn, catalog.CamelCase(before[0])})
					fitting++
					warnings = append(warnings, Problem{Grant: index, Field: FieldResources, Index: slices.Index(g.Resources, t.arn),
						Message: checker.DisagreementOnType(p.catalog, a, before[0], t.arn)})
				}
			}
		}
		if fitting > 0 {
			granted = append(granted, a)
		} else if at, ok := explicit[a]; ok {
			p.problem(index, FieldActions, at, "%s", fitNoneMessage(a, g.Resources))
		}
	}
	if len(p.problems) > before {
		return nil
	}
	p.warnings = append(p.warnings, warnings...)
	if len(granted) == 0 {
		p.problem(index, "", -1, "This grant grants nothing: none of the %d selected actions can act on its resources (%s); add resources of the types they act on, or select other actions.",
			len(selected), strings.Join(resourceKinds(targets), ", "))
		return nil
	}

	conditions := canonicalConditions(g.Conditions)
	condKey := conditionsKey(conditions)
	for _, pr := range pairs {
		service, _, _ := catalog.SplitAction(pr.action.FullName())
		key := groupKey{service: service, effect: effect, conditions: condKey, level: pr.action.AccessLevel}
		grp := p.groups[key]
		if grp == nil {
			grp = &group{key: key, conditions: conditions, resources: map[string]map[string]bool{}, labels: map[string]map[string]bool{}}
			p.groups[key] = grp
		}
		name := pr.action.FullName()
		if grp.resources[name] == nil {
			grp.resources[name] = map[string]bool{}
			grp.labels[name] = map[string]bool{}
		}
		grp.resources[name][pr.arn] = true
		grp.labels[name][pr.label] = true
	}
	return granted
}

// selectActions returns the selected actions, sorted, and for those named
// without a wildcard the index of their name in Actions.
func (p *planning) selectActions(index int, g *Grant) ([]*catalog.Action, map[*catalog.Action]int) {
	if len(g.AccessLevels) == 0 && len(g.Actions) == 0 {
		p.problem(index, "", -1, "The grant selects no action; give access_levels, actions or both.")
	}
	chosen := map[*catalog.Action]bool{}
	explicit := map[*catalog.Action]int{}
	if len(g.AccessLevels) > 0 {
		for _, c := range p.levelCatalogs(g) {
			for _, a := range c.Query(catalog.Query{AccessLevels: g.AccessLevels}) {
				chosen[a] = true
			}
		}
	}
	for i, name := range g.Actions {
		matched, problem := p.catalogOf(name).Resolve(name)
		if problem != "" {
			p.problem(index, FieldActions, i, "%s", problem)
			continue
		}
		for _, a := range matched {
			chosen[a] = true
		}
		if !catalog.HasWildcard(name) {
			explicit[matched[0]] = i
		}
	}
	selected := make([]*catalog.Action, 0, len(chosen))
	for a := range chosen {
		selected = append(selected, a)
	}
	slices.SortFunc(selected, func(a, b *catalog.Action) int { return strings.Compare(a.FullName(), b.FullName()) })
	return selected, explicit
}

// withoutUnsupportedKeys leaves out of an Allow the actions that only a
// pattern or an access level selects and that do not support a key of the
// grant's conditions: the condition could never be true for them, so they
// would never be allowed, as those that cannot act on the grant's resources
// are not (the Administrator Guide's connect:UpdateUser* by aws:ResourceTag
// matches three such actions). A warning names them. An action named
// explicitly stays, and the check of the conditions reports it.
func (p *planning) withoutUnsupportedKeys(index int, g *Grant, selected []*catalog.Action, explicit map[*catalog.Action]int) []*catalog.Action {
	for i, cond := range g.Conditions {
		op, ok, _ := policy.ParseOperator(cond.Operator)
		if !ok || op.IfExists || op.Family == policy.FamilyNull {
			continue
		}
		var left []string
		kept := selected[:0:0]
		for _, a := range selected {
			key, known := p.catalogOf(a.FullName()).ConditionKey(cond.Key)
			// A key of another service (connect:InstanceId on a profile:
			// action) is never in the family action's request.
			foreign := !known && otherServiceKey(cond.Key, a)
			if _, named := explicit[a]; named || (!known && !foreign) || (known && (a.SupportsConditionKey(key) || a.SupportedKeyBefore(key))) {
				kept = append(kept, a)
				continue
			}
			left = append(left, a.FullName())
		}
		if len(left) > 0 {
			verb := "does"
			if len(left) > 1 {
				verb = "do"
			}
			p.warnings = append(p.warnings, Problem{Grant: index, Field: FieldConditions, Index: i,
				Message: fmt.Sprintf("The grant also selects %s, which %s not support %s: the condition could never be true for them, so they are left out; grant them without this condition if they are needed.",
					checker.JoinAtMost(left, 5), verb, cond.Key)})
		}
		selected = kept
	}
	return selected
}

// target is a resource of a grant with what it denotes.
type target struct {
	arn string
	all bool                  // "*"
	res catalog.ARNResolution // what an ARN can denote, in the catalog of its service
	cat *catalog.Catalog      // that catalog: Connect's, or a family service's
}

// resFor is what the target denotes to an action: what its catalog
// resolved, when the action is of that catalog; nothing for an action of
// another service.
func (t target) resFor(a *catalog.Action) catalog.ARNResolution {
	if t.cat != nil && strings.HasPrefix(a.FullName(), t.cat.Prefix+":") {
		return t.res
	}
	return catalog.ARNResolution{}
}

func (p *planning) resolveResources(index int, g *Grant) []target {
	resources := g.Resources
	if len(resources) == 0 {
		p.problem(index, FieldResources, -1, `The grant has no resources; list Connect ARNs, or "*".`)
	}
	var targets []target
	seen := map[string]bool{}
	for i, arn := range resources {
		if seen[arn] {
			continue
		}
		seen[arn] = true
		if arn == "*" {
			targets = append(targets, target{arn: arn, all: true})
			continue
		}
		c, res := resolveARN(p.catalog, arn)
		if res.Kind == catalog.ARNResource {
			targets = append(targets, target{arn: arn, res: res, cat: c})
			continue
		}
		p.problem(index, FieldResources, i, "%s", resourceProblem(arn, c, res))
	}
	return targets
}

// ResourceProblem says why an ARN cannot be a grant's resource, or returns
// "": a grant's resources are "*" or ARNs of the catalog's types.
func ResourceProblem(c *catalog.Catalog, arn string) string {
	if arn == "*" {
		return ""
	}
	c, res := resolveARN(c, arn)
	if res.Kind == catalog.ARNResource {
		return ""
	}
	return resourceProblem(arn, c, res)
}

// resolveARN resolves an ARN in Connect's catalog or, for an ARN of
// another service of the family, in that service's; it returns the
// catalog that resolved it.
func resolveARN(c *catalog.Catalog, arn string) (*catalog.Catalog, catalog.ARNResolution) {
	res := c.ResolveARN(arn)
	if fc := catalog.Modelled(res.Service); fc != nil && res.Kind == catalog.ARNOtherService {
		return fc, fc.ResolveARN(arn)
	}
	return c, res
}

// otherServiceKey reports whether a condition key is a service key (not a
// global aws: key, nor one IAM sets for every service) of another service
// than the action's.
func otherServiceKey(key string, a *catalog.Action) bool {
	keyService, _, ok := strings.Cut(key, ":")
	actionService, _, _ := catalog.SplitAction(a.FullName())
	return ok && !strings.EqualFold(keyService, "aws") && !strings.EqualFold(keyService, actionService) && !catalog.CrossServiceKey(key)
}

// levelCatalogs are the catalogs whose actions a grant's access levels
// select: Connect's, and those of the family services whose ARNs the
// grant's resources name. On "*" alone they select Connect's only, as
// before the family was modelled.
func (p *planning) levelCatalogs(g *Grant) []*catalog.Catalog {
	out := []*catalog.Catalog{p.catalog}
	for _, arn := range g.Resources {
		fields := strings.SplitN(arn, ":", 4)
		if len(fields) < 3 {
			continue
		}
		if fc := catalog.Modelled(fields[2]); fc != nil && !slices.Contains(out, fc) {
			out = append(out, fc)
		}
	}
	return out
}

// catalogOf returns the catalog of the service an action name is of: a
// family service's for its prefix, Connect's otherwise.
func (p *planning) catalogOf(name string) *catalog.Catalog {
	if service, _, ok := catalog.SplitAction(name); ok {
		if fc := catalog.Modelled(service); fc != nil {
			return fc
		}
	}
	return p.catalog
}

func resourceProblem(arn string, c *catalog.Catalog, res catalog.ARNResolution) string {
	switch res.Kind {
	case catalog.ARNOtherService:
		return fmt.Sprintf(`%s %s; a grant's resources must be ARNs of a service the catalog models (Amazon Connect, its family and its companions such as iam, lambda and s3), or "*".`, arn, res.Problem)
	case catalog.ARNNoType:
		article := "a"
		if strings.HasPrefix(c.ShortName(), "A") {
			article = "an"
		}
		return fmt.Sprintf("%s is %s %s ARN of no known type: %s.", arn, article, c.ShortName(), res.Problem)
	}
	return fmt.Sprintf("%s %s.", arn, res.Problem)
}

// labelFor names the group of an action on a resource after the resource
// type it acts on there; ok is false when it cannot act on the resource.
// Wildcard-only actions are granted on "*" only.
func labelFor(a *catalog.Action, t target) (string, bool) {
	if t.all {
		return "AllResources", true
	}
	if a.WildcardOnly() {
		return "", false
	}
	fit := t.resFor(a).FittingTypes(a)
	switch len(fit) {
	case 0:
		return "", false
	case 1:
		return catalog.CamelCase(fit[0]), true
	}
	return "MultipleTypes", true
}

func fitNoneMessage(a *catalog.Action, resources []string) string {
	if a.WildcardOnly() {
		return fmt.Sprintf(`%s supports no resource-level permission and can only be granted on "*"; add "*" to this grant's resources or grant it separately.`, a.FullName())
	}
	return fmt.Sprintf("%s acts on %s, and none of this grant's resources (%s) is of those types; add an ARN of one of them or grant it separately.",
		a.FullName(), strings.Join(a.ResourceTypeNames(), ", "), strings.Join(resources, ", "))
}

func resourceKinds(targets []target) []string {
	var kinds []string
	for _, t := range targets {
		if t.all {
			kinds = append(kinds, `"*"`)
		} else {
			kinds = append(kinds, t.res.Types...)
			for _, f := range t.res.Forms {
				kinds = append(kinds, f.Name)
			}
		}
	}
	return policy.SortedUnique(kinds)
}

// canonicalConditions sorts conditions and their values, so that grants
// that differ only in order share statements.
func canonicalConditions(conditions []policy.Condition) []policy.Condition {
	out := make([]policy.Condition, len(conditions))
	for i, c := range conditions {
		out[i] = policy.Condition{Operator: c.Operator, Key: c.Key, Values: policy.SortedUnique(c.Values)}
	}
	slices.SortFunc(out, func(a, b policy.Condition) int {
		return cmp.Or(strings.Compare(a.Operator, b.Operator), strings.Compare(a.Key, b.Key), slices.Compare(a.Values, b.Values))
	})
	return out
}

func conditionsKey(conditions []policy.Condition) string {
	var b strings.Builder
	for _, c := range conditions {
		b.WriteString(c.Operator)
		b.WriteByte(0)
		b.WriteString(c.Key)
		for _, v := range c.Values {
			b.WriteByte(0)
			b.WriteString(v)
		}
		b.WriteByte(1)
	}
	return b.String()
}

// planned is a statement with what it was grouped by, for ordering, naming
// and merging.
type planned struct {
	statement policy.Statement
	key       groupKey
	levels    []catalog.AccessLevel
}

// statements builds one statement per group and set of resources: the
// actions of a level granted on the same resources share a statement,
// whatever types they act on there, and those granted on different
// resources get statements of their own, so that none is granted on a
// resource it was not granted on. A statement is labelled after the type
// its actions act on, or MultipleTypes.
func (p *planning) statements() []planned {
	var out []planned
	for _, grp := range p.groups {
		byResources := map[string]*planned{}
		labels := map[string]map[string]bool{}
		for action, resources := range grp.resources {
			list := sortedKeys(resources)
			sig := strings.Join(list, "\x00")
			st := byResources[sig]
			if st == nil {
				st = &planned{key: grp.key, levels: []catalog.AccessLevel{grp.key.level}, statement: policy.Statement{
					Effect: grp.key.effect, Resources: list, Conditions: grp.conditions,
				}}
				byResources[sig] = st
				labels[sig] = map[string]bool{}
			}
			st.statement.Actions = append(st.statement.Actions, action)
			for label := range grp.labels[action] {
				labels[sig][label] = true
			}
		}
		for sig, st := range byResources {
			slices.Sort(st.statement.Actions)
			st.key.label = "MultipleTypes"
			if names := sortedKeys(labels[sig]); len(names) == 1 {
				st.key.label = names[0]
			}
			out = append(out, *st)
		}
	}
	slices.SortFunc(out, comparePlanned)
	return out
}

func comparePlanned(a, b planned) int {
	return cmp.Or(
		strings.Compare(serviceRank(a.key.service), serviceRank(b.key.service)),
		cmp.Compare(effectRank(a.key.effect), effectRank(b.key.effect)),
		cmp.Compare(a.key.level.Rank(), b.key.level.Rank()),
		strings.Compare(a.key.label, b.key.label),
		strings.Compare(a.key.conditions, b.key.conditions),
		slices.Compare(a.statement.Resources, b.statement.Resources),
		slices.Compare(a.statement.Actions, b.statement.Actions),
	)
}

// serviceRank orders Connect's statements before the family's.
func serviceRank(service string) string {
	if service == catalog.ServicePrefix {
		return ""
	}
	return service
}

func effectRank(effect string) int {
	if effect == policy.Allow {
		return 0
	}
	return 1
}

// assignSids names statements after their effect, levels and label, such
// as ConnectReadQueue or ConnectDenyWriteAllResources, numbering repeats.
func assignSids(statements []planned) []policy.Statement {
	out := make([]policy.Statement, len(statements))
	used := map[string]int{}
	for i, st := range statements {
		var b strings.Builder
		b.WriteString("Connect")
		if st.key.service != catalog.ServicePrefix {
			// ConnectProfileReadDomains: an action of another service of the
			// family.
			b.WriteString(catalog.CamelCase(st.key.service))
		}
		if st.key.effect == policy.Deny {
			b.WriteString("Deny")
		}
		for _, level := range st.levels {
			b.WriteString(level.Word())
		}
		b.WriteString(st.key.label)
		sid := b.String()
		used[sid]++
		if n := used[sid]; n > 1 {
			sid += strconv.Itoa(n)
		}
		out[i] = st.statement
		out[i].Sid = sid
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
