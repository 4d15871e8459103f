package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// lookup is the one rule for a kind of name the catalog must know: how to
// find it and what to say when it is not there. Its validator checks a
// value before the provider is configured (against every snapshot, see
// inEverySnapshot), and Read finds the values again in the configured
// snapshot with the same message.
type lookup[T any] struct {
	summary     string // the diagnostic's summary, such as "Unknown resource type"
	description string // the validator's description
	// family says that the name may be of another service of the Amazon
	// Connect family (connect_actions' filters): the validator then also
	// accepts a name one of their catalogs knows.
	family bool
	// find returns what the name denotes, or a message that says why it
	// denotes nothing.
	find func(c *catalog.Catalog, name string) (T, string)
}

// The lookups, one per kind of name.
var (
	accessLevels = lookup[catalog.AccessLevel]{"Unknown access level", "value must be an access level", false,
		func(_ *catalog.Catalog, name string) (catalog.AccessLevel, string) {
			level, ok := catalog.ParseAccessLevel(name)
			if !ok {
				return level, fmt.Sprintf("%q is not an access level; use one of %s (or the CLI spelling, such as permissions-management).",
					name, quoted(catalog.AccessLevelNames()))
			}
			return level, ""
		}}
	resourceTypes = lookup[*catalog.ResourceType]{"Unknown resource type", "value must be a resource type of Connect or its family", true,
		func(c *catalog.Catalog, name string) (*catalog.ResourceType, string) {
			if rt, ok := c.ResourceType(name); ok {
				return rt, ""
			}
			return nil, unknownResourceType(c, name, "")
		}}
	// resourceTypeFilters are the resource types of the actions filter,
	// where "*" selects the actions that support no resource-level
	// permission.
	resourceTypeFilters = lookup[string]{"Unknown resource type", "value must be a resource type, or \"*\"", true,
		func(c *catalog.Catalog, name string) (string, string) {
			if _, ok := c.ResourceType(name); ok || name == catalog.WildcardOnlyType {
				return name, ""
			}
			return "", unknownResourceType(c, name, `, or "*" for the actions that support no resource-level permission`)
		}}
	conditionKeys = lookup[*catalog.ConditionKey]{"Unknown condition key", "value must be a condition key", true,
		func(c *catalog.Catalog, name string) (*catalog.ConditionKey, string) {
			if key, ok := c.ConditionKey(name); ok {
				return key, ""
			}
			hint := ""
			if suggestion := c.SuggestConditionKey(name); suggestion != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", suggestion)
			}
			var named []string
			for _, key := range c.ConditionKeys() {
				if key.Named() {
					named = append(named, key.Name)
				}
			}
			return nil, fmt.Sprintf("%q is not a condition key that Connect actions support%s; use one of %s or a global key such as aws:SourceIp.",
				name, hint, strings.Join(named, ", "))
		}}
	// actionFilters are names or patterns that must match some action of
	// Connect or, with its prefix, of another service of the family (a
	// grant's, a rule's, connect_actions' names).
	actionFilters = lookup[string]{"No matching action", "value must name or match an action of Amazon Connect or its family", true, resolveAction}
)

func resolveAction(c *catalog.Catalog, name string) (string, string) {
	if _, problem := c.Resolve(name); problem != "" {
		return "", problem
	}
	return name, ""
}

func unknownResourceType(c *catalog.Catalog, name, alternative string) string {
	hint := ""
	if suggestion := c.SuggestResourceType(name); suggestion != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", suggestion)
	}
	service := "Connect"
	if c.Prefix != catalog.ServicePrefix {
		service = c.Prefix
	}
	return fmt.Sprintf("%q is not a %s resource type%s; use one of %s%s.", name, service, hint, quoted(c.ResourceTypeNames()), alternative)
}

// validator checks a value in every snapshot.
func (l lookup[T]) validator() validator.String { return l.validatorTitled(l.summary) }

// validatorTitled is validator with another summary, for a name in a
// grant or a rule ("Invalid grant").
func (l lookup[T]) validatorTitled(summary string) validator.String {
	return catalogString{l.description, func(c *catalog.Catalog, s string) problem {
		if _, p := l.find(c, s); p != "" {
			if !l.family {
				return problem{summary, p}
			}
			// A name with the prefix of another service of the family is
			// that service's to judge, with its own suggestions.
			if service, _, ok := catalog.SplitAction(s); ok {
				if fc := catalog.Modelled(service); fc != nil {
					if _, fp := l.find(fc, s); fp != "" {
						return problem{summary, fp}
					}
					return problem{}
				}
			}
			if l.inFamily(s) {
				return problem{}
			}
			return problem{summary, p}
		}
		return problem{}
	}}
}

// inFamily reports whether a catalog of the rest of the family knows the
// name.
func (l lookup[T]) inFamily(name string) bool {
	for _, service := range catalog.ModelledServices() {
		if fc, err := catalog.LoadService(service); err == nil {
			if _, p := l.find(fc, name); p == "" {
				return true
			}
		}
	}
	return false
}

// in finds the present values of a list in the catalog, with an error on
// each element it does not know.
func (l lookup[T]) in(c *catalog.Catalog, values []types.String, at path.Path, diags *diag.Diagnostics) []T {
	var out []T
	for _, v := range presentValues(values) {
		found, p := l.find(c, v.value)
		if p != "" {
			diags.AddAttributeError(at.AtListIndex(v.at), l.summary, p)
			continue
		}
		out = append(out, found)
	}
	return out
}
