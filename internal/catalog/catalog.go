// Package catalog holds the embedded catalog of Amazon Connect's IAM actions,
// resource types and condition keys, and answers queries on it. It knows
// nothing of Terraform.
package catalog

import (
	"slices"
	"strings"
)

// Action is one IAM action of the service.
type Action struct {
	// Name is the action's name without the service prefix, e.g. "DescribeUser".
	Name        string
	Description string
	// AccessLevel is the action's level for grouping, such as in Sids: the
	// more specific of its levels ("Tagging" for "Tagging, Write").
	AccessLevel AccessLevel
	// AccessLevels are all the levels the reference gives the action, the
	// more specific first; an access-level filter selects the action by any.
	AccessLevels []AccessLevel
	// ResourceTypes are the resource types the action can act on, in the
	// source's order.
	ResourceTypes []ResourceTypeUse
	// ConditionKeys are the keys that apply to the action as a whole,
	// whatever the resource (on the 2020 page, the row with an empty type).
	ConditionKeys []string
	// DependentActions are the actions the action needs, from all its rows, sorted.
	DependentActions []string
	// Line is where the action's heading is on the 2020 page; 0 elsewhere.
	Line int
	// OlderResourceTypes and OlderConditionKeys are what the older pinned
	// version of the reference listed for the action and the current one no
	// longer does (StartOutboundVoiceContact on contact until 2025-12). A
	// policy that relies on them may work, so the catalog accepts them, and
	// the checks say that the versions disagree.
	OlderResourceTypes []string
	OlderConditionKeys []string

	fullName      string
	supportedKeys map[string]bool // lower-cased keys of all rows
	olderKeys     map[string]bool // lower-cased OlderConditionKeys
}

// HasOlderFacts reports whether the older version of the reference listed
// resource types or condition keys for the action that the current one
// does not.
func (a *Action) HasOlderFacts() bool {
	return len(a.OlderResourceTypes) > 0 || len(a.OlderConditionKeys) > 0
}

// ActedOnBefore reports whether only the older version of the reference
// lists the resource type for the action.
func (a *Action) ActedOnBefore(resourceType string) bool {
	return slices.Contains(a.OlderResourceTypes, resourceType)
}

// SupportedKeyBefore reports whether only the older version of the
// reference lists the condition key for the action.
func (a *Action) SupportedKeyBefore(key *ConditionKey) bool {
	return !a.SupportsConditionKey(key) && a.olderKeys[strings.ToLower(key.Name)]
}

// ResourceTypeUse is one row of an action: a resource type it acts on.
type ResourceTypeUse struct {
	ResourceType     string
	Required         bool
	ConditionKeys    []string
	DependentActions []string
}

// FullName is the action with its service prefix, e.g. "connect:DescribeUser".
func (a *Action) FullName() string { return a.fullName }

// WildcardOnly reports whether the action supports no resource-level
// permission, so it can be granted on "*" only.
func (a *Action) WildcardOnly() bool { return len(a.ResourceTypes) == 0 }

// ActsOn reports whether the action can act on the resource type.
func (a *Action) ActsOn(resourceType string) bool {
	for _, use := range a.ResourceTypes {
		if use.ResourceType == resourceType {
			return true
		}
	}
	return false
}

// ResourceTypeNames lists the resource types the action can act on.
func (a *Action) ResourceTypeNames() []string {
	names := make([]string, len(a.ResourceTypes))
	for i, use := range a.ResourceTypes {
		names[i] = use.ResourceType
	}
	return names
}

// AllConditionKeys lists, sorted, the keys any row of the action names.
func (a *Action) AllConditionKeys() []string {
	var keys []string
	for _, use := range a.ResourceTypes {
		keys = append(keys, use.ConditionKeys...)
	}
	keys = append(keys, a.ConditionKeys...)
	slices.Sort(keys)
	return slices.Compact(keys)
}

// SupportsConditionKey reports whether a condition on key can apply to the
// action: a key its rows list, or a global key other than the tag keys.
func (a *Action) SupportsConditionKey(key *ConditionKey) bool {
	if key.AppliesToAllActions() {
		return true
	}
	return a.supportedKeys[strings.ToLower(key.Name)]
}

// HasAccessLevel reports whether one of the action's levels is level.
func (a *Action) HasAccessLevel(level AccessLevel) bool {
	return slices.Contains(a.AccessLevels, level)
}

// ResourceType is a kind of resource that Connect actions act on, with its
// ARN format. Most are Connect's own; a few are of other services (an AI
// agent of Amazon Q in Connect is a wisdom ARN).
type ResourceType struct {
	Name string
	// ARNFormat is the full format, e.g.
	// "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}".
	ARNFormat     string
	ConditionKeys []string

	service  string
	owner    string // the prefix of the catalog that defines the type
	template arnTemplate
	// allTemplates are template and the type's further formats, which are
	// matched but never built.
	allTemplates []arnTemplate
	// regionless and accountless: some format of the type has an empty
	// region (IAM, S3 buckets) or account (S3 buckets).
	regionless, accountless bool
}

// templates are all the type's formats, the one it builds first.
func (rt *ResourceType) templates() []arnTemplate { return rt.allTemplates }

// Service is the service prefix of the type's ARNs, such as "connect".
func (rt *ResourceType) Service() string { return rt.service }

// AccountLevel reports whether resources of the type belong to the account
// (or to AWS) rather than to an instance: phone-number and
// traffic-distribution-group, for example.
func (rt *ResourceType) AccountLevel() bool {
	return rt.service == rt.owner && rt.owner == ServicePrefix && !strings.Contains(rt.ARNFormat, "${InstanceId}")
}

// Collective reports whether the type's ARN ends in a literal "*": it stands
// for all the resources of a kind in an instance, as the ARN
// instance/<id>/queue/* does for ListQueues.
func (rt *ResourceType) Collective() bool {
	return strings.HasSuffix(rt.ARNFormat, "/*")
}

// ConditionKey is a condition key with its value type.
type ConditionKey struct {
	Name string
	Type KeyType

	named       bool // some action names it
	global      bool // an aws: key that applies across services
	lowerName   string
	lowerPrefix string // for "aws:ResourceTag/${TagKey}": "aws:resourcetag/"
}

// Named reports whether the catalog names the key for some action, as
// opposed to a global key that merely applies to every action.
func (k *ConditionKey) Named() bool { return k.named }

// AppliesToAllActions reports whether every action supports the key: the
// global keys do, except the tag keys, which apply only where the catalog
// lists them; a service's own keys apply only where listed.
func (k *ConditionKey) AppliesToAllActions() bool {
	return k.global && !tagKeys[k.Name]
}

// Templated reports whether the key ends in a placeholder such as ${TagKey}.
func (k *ConditionKey) Templated() bool { return k.lowerPrefix != "" }

func (k *ConditionKey) matches(lowerName string) bool {
	if lowerName == k.lowerName {
		return true
	}
	return k.lowerPrefix != "" && len(lowerName) > len(k.lowerPrefix) && strings.HasPrefix(lowerName, k.lowerPrefix)
}

// Catalog is the parsed catalog. It is immutable but for a cache of ARN
// resolutions, and safe for concurrent use.
type Catalog struct {
	// Prefix is the service the catalog models, such as "connect", and
	// ServiceName its name, such as "Amazon Connect".
	Prefix      string
	ServiceName string
	// Name is the snapshot's name, such as "latest".
	Name string
	// Sources say where the snapshot's data comes from.
	Sources       []SnapshotSource
	actions       []*Action // sorted by name
	actionByLower map[string]*Action
	resourceTypes []*ResourceType
	typeByName    map[string]*ResourceType
	conditionKeys []*ConditionKey
	services      []string // the services of the types' ARNs, "connect" first
	// regionless and accountless list the services some of whose ARNs
	// have no region, or no account.
	regionless, accountless []string
	documented              []*DocumentedForm
	instanceWords           []string // words after instance/<id>/ in Connect ARNs
	topLevelWords           []string // first words of Connect resource parts
	typeWordByName          map[string]string
	byLower                 []*Action // sorted by lower-case name, for prefix spans
	lowerNames              []string  // the names of byLower, lower-cased
	arnCache                arnCache
}

// Actions returns every action, sorted by name.
func (c *Catalog) Actions() []*Action { return c.actions }

// ActionsByLowerName returns every action sorted by its lower-case name,
// the order in which the actions that share a prefix, in any case, are
// next to each other (see PrefixSpan).
func (c *Catalog) ActionsByLowerName() []*Action { return c.byLower }

// PrefixSpan returns the range [lo, hi) of ActionsByLowerName whose names
// start with prefix, in any case.
func (c *Catalog) PrefixSpan(prefix string) (lo, hi int) {
	p := strings.ToLower(prefix)
	lo, _ = slices.BinarySearch(c.lowerNames, p)
	// Names are letters and digits, all below "~".
	hi, _ = slices.BinarySearch(c.lowerNames, p+"~")
	return lo, hi
}

// Action finds an action by name, with or without the "connect:" prefix,
// ignoring case as IAM does.
func (c *Catalog) Action(name string) (*Action, bool) {
	a, ok := c.actionByLower[strings.ToLower(c.trimPrefix(name))]
	return a, ok
}

// ResourceTypes returns every resource type in the source's order.
func (c *Catalog) ResourceTypes() []*ResourceType { return c.resourceTypes }

// ResourceType finds a resource type by its exact name.
func (c *Catalog) ResourceType(name string) (*ResourceType, bool) {
	rt, ok := c.typeByName[name]
	return rt, ok
}

// ResourceTypeNames lists the names of every resource type.
func (c *Catalog) ResourceTypeNames() []string {
	names := make([]string, len(c.resourceTypes))
	for i, rt := range c.resourceTypes {
		names[i] = rt.Name
	}
	return names
}

// ConditionKeys returns every condition key the catalog knows, sorted by
// name: the keys Connect actions name and the global keys.
func (c *Catalog) ConditionKeys() []*ConditionKey { return c.conditionKeys }

// ConditionKey finds the key a condition names, ignoring case. A concrete tag
// key such as "aws:ResourceTag/team" finds "aws:ResourceTag/${TagKey}".
func (c *Catalog) ConditionKey(name string) (*ConditionKey, bool) {
	lower := strings.ToLower(name)
	for _, key := range c.conditionKeys {
		if key.matches(lower) {
			return key, true
		}
	}
	return nil, false
}

// ActionsOn lists the actions that can act on a resource type.
func (c *Catalog) ActionsOn(resourceType string) []*Action {
	var out []*Action
	for _, a := range c.actions {
		if a.ActsOn(resourceType) {
			out = append(out, a)
		}
	}
	return out
}

// ActionsSupportingKey lists the actions that support a condition key.
func (c *Catalog) ActionsSupportingKey(key *ConditionKey) []*Action {
	var out []*Action
	for _, a := range c.actions {
		if a.SupportsConditionKey(key) {
			out = append(out, a)
		}
	}
	return out
}

// FullNames returns the prefixed names of actions.
func FullNames(actions []*Action) []string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = a.FullName()
	}
	return names
}

// trimPrefix removes a leading "connect:" (the catalog's service) in any
// case.
func (c *Catalog) trimPrefix(name string) string {
	p := c.Prefix
	if len(name) > len(p) && name[len(p)] == ':' && strings.EqualFold(name[:len(p)], p) {
		return name[len(p)+1:]
	}
	return name
}

// qualify returns a pattern with the catalog's prefix when it has none.
func (c *Catalog) qualify(pattern string) string {
	if pattern == "*" || !strings.Contains(pattern, ":") {
		return c.Prefix + ":" + pattern
	}
	return pattern
}

// covers reports whether a pattern can name actions of the catalog's
// service.
func (c *Catalog) covers(pattern string) bool {
	service, _, _ := SplitAction(c.qualify(pattern))
	return GlobMatch(service, c.Prefix)
}

// actionNoun is how messages name an action of the catalog: "Connect
// action", or "action of cases".
func (c *Catalog) actionNoun() string {
	if c.Prefix == ServicePrefix {
		return "Connect action"
	}
	return "action of " + c.Prefix
}
