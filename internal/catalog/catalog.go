// Package catalog holds the embedded catalog of Amazon Connect's IAM actions,
// resource types and condition keys, and answers queries on it. It knows
// nothing of Terraform.
package catalog

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// Page is the catalog page as published by Policy Sentry (MIT licence; see
// data/NOTICE.md), embedded unchanged.
//
//go:embed data/connect.md
var Page []byte

// Default returns the catalog parsed from the embedded page. The page is
// parsed once, on first use.
var Default = sync.OnceValues(func() (*Catalog, error) { return Parse(Page) })

// Action is one IAM action of the service.
type Action struct {
	// Name is the action's name without the service prefix, e.g. "DescribeUser".
	Name        string
	Description string
	AccessLevel AccessLevel
	// ResourceTypes are the resource types the action can act on, in page order.
	ResourceTypes []ResourceTypeUse
	// ConditionKeys are the keys of the page's row with an empty resource type:
	// those that apply to the action as a whole.
	ConditionKeys []string
	// DependentActions are the actions the action needs, from all its rows, sorted.
	DependentActions []string
	// Line is where the action's heading is on the page.
	Line int

	fullName      string
	supportedKeys map[string]bool // lower-cased keys of all rows
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

// ResourceType is a kind of Connect resource with its ARN format.
type ResourceType struct {
	Name string
	// ARNFormat is the full format, e.g.
	// "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}".
	ARNFormat     string
	ConditionKeys []string

	template arnTemplate
}

// ConditionKey is a condition key with its value type.
type ConditionKey struct {
	Name string
	Type KeyType

	named       bool // some action's rows name it
	lowerName   string
	lowerPrefix string // for "aws:ResourceTag/${TagKey}": "aws:resourcetag/"
}

// Named reports whether the catalog page names the key for some action, as
// opposed to a global key that merely applies to every action.
func (k *ConditionKey) Named() bool { return k.named }

// AppliesToAllActions reports whether every action supports the key: every
// key here is global (Connect has no keys of its own in this catalog), and
// the global keys apply to every action except the tag keys, which apply
// only where the page lists them.
func (k *ConditionKey) AppliesToAllActions() bool {
	return !tagKeys[k.Name]
}

// Templated reports whether the key ends in a ${TagKey} placeholder.
func (k *ConditionKey) Templated() bool { return k.lowerPrefix != "" }

func (k *ConditionKey) matches(lowerName string) bool {
	if lowerName == k.lowerName {
		return true
	}
	return k.lowerPrefix != "" && len(lowerName) > len(k.lowerPrefix) && strings.HasPrefix(lowerName, k.lowerPrefix)
}

// Catalog is the parsed catalog. It is immutable and safe for concurrent use.
type Catalog struct {
	Prefix        string
	actions       []*Action // sorted by name
	actionByLower map[string]*Action
	resourceTypes []*ResourceType
	typeByName    map[string]*ResourceType
	conditionKeys []*ConditionKey
}

// Actions returns every action, sorted by name.
func (c *Catalog) Actions() []*Action { return c.actions }

// Action finds an action by name, with or without the "connect:" prefix,
// ignoring case as IAM does.
func (c *Catalog) Action(name string) (*Action, bool) {
	a, ok := c.actionByLower[strings.ToLower(trimPrefix(name))]
	return a, ok
}

// ResourceTypes returns every resource type in the reference's order.
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

// trimPrefix removes a leading "connect:" in any case.
func trimPrefix(name string) string {
	if len(name) > len(ServicePrefix) && name[len(ServicePrefix)] == ':' && strings.EqualFold(name[:len(ServicePrefix)], ServicePrefix) {
		return name[len(ServicePrefix)+1:]
	}
	return name
}
