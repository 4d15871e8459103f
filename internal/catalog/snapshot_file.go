package catalog

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// SnapshotFormat names the layout of a generated snapshot file; the parser
// refuses any other.
const SnapshotFormat = "connect-iam-catalog/v1"

// SnapshotFile is the layout of a generated snapshot, such as
// data/connect-latest.json: a header that says where the data comes from,
// then the resource types, condition keys and actions, each list sorted by
// name. `make catalog` writes it; the provider embeds it.
type SnapshotFile struct {
	Format        string                 `json:"format"`
	Service       string                 `json:"service"`
	ServiceName   string                 `json:"service_name"`
	GeneratedBy   string                 `json:"generated_by"`
	Sources       []SnapshotSource       `json:"sources"`
	Counts        SnapshotCounts         `json:"counts"`
	ResourceTypes []SnapshotResourceType `json:"resource_types"`
	ConditionKeys []SnapshotConditionKey `json:"condition_keys"`
	Actions       []SnapshotAction       `json:"actions"`
}

// SnapshotSource is one input of a snapshot.
type SnapshotSource struct {
	// Role says what the snapshot takes from this source.
	Role      string `json:"role"`
	Package   string `json:"package"`
	Version   string `json:"version"`
	DataDate  string `json:"data_date"`
	Integrity string `json:"integrity"`
	License   string `json:"license"`
	Origin    string `json:"origin"`
	Note      string `json:"note,omitempty"`
}

// SnapshotCounts repeats what the lists hold, so that a reader of the header
// (or of a diff) sees the size of the catalog; the parser checks them.
type SnapshotCounts struct {
	Actions                     int            `json:"actions"`
	ActionsByAccessLevel        map[string]int `json:"actions_by_access_level"`
	ActionsWithDependentActions int            `json:"actions_with_dependent_actions"`
	// ActionsTheVersionsDisagreeOn counts the actions with older facts.
	ActionsTheVersionsDisagreeOn int `json:"actions_the_versions_disagree_on,omitempty"`
	ResourceTypes                int `json:"resource_types"`
	ConditionKeys                int `json:"condition_keys"`
}

// SnapshotResourceType is a resource type with its ARN format.
type SnapshotResourceType struct {
	Name      string `json:"name"`
	ARNFormat string `json:"arn_format"`
	// OtherARNFormats are further formats of the same type, as the
	// reference lists for Lex bots: bot/${BotId} and, of the first
	// version of Lex, bot:${BotName}.
	OtherARNFormats []string `json:"other_arn_formats,omitempty"`
	ConditionKeys   []string `json:"condition_keys,omitempty"`
}

// SnapshotConditionKey is a condition key the service's actions name.
type SnapshotConditionKey struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
}

// SnapshotAction is one action. AccessLevel is the reference's label, such
// as "Write" or "Tagging, Write".
type SnapshotAction struct {
	Name             string                    `json:"name"`
	Description      string                    `json:"description"`
	AccessLevel      string                    `json:"access_level"`
	ResourceTypes    []SnapshotResourceTypeUse `json:"resource_types,omitempty"`
	ConditionKeys    []string                  `json:"condition_keys,omitempty"`
	DependentActions []string                  `json:"dependent_actions,omitempty"`
	// OlderResourceTypes and OlderConditionKeys are the resource types and
	// condition keys that the older source (the last of Sources) listed
	// for the action and the current one no longer does. A policy written
	// to either version may work, so the catalog accepts both, with a
	// warning.
	OlderResourceTypes []string `json:"older_resource_types,omitempty"`
	OlderConditionKeys []string `json:"older_condition_keys,omitempty"`
}

// SnapshotResourceTypeUse is a resource type an action acts on.
type SnapshotResourceTypeUse struct {
	Name             string   `json:"name"`
	Required         bool     `json:"required"`
	ConditionKeys    []string `json:"condition_keys,omitempty"`
	DependentActions []string `json:"dependent_actions,omitempty"`
}

// Encode writes the snapshot as indented JSON with a final newline. The
// same snapshot always gives the same bytes.
func (f *SnapshotFile) Encode() ([]byte, error) { return jsonfile.EncodeIndented(f) }

// DecodeSnapshotFile reads a snapshot file, refusing unknown fields and
// trailing data; a JSON error names its line and column.
func DecodeSnapshotFile(data []byte) (*SnapshotFile, error) {
	var f SnapshotFile
	if err := jsonfile.DecodeStrict(data, &f, "snapshot"); err != nil {
		return nil, err
	}
	return &f, nil
}

// ParseSnapshot reads a generated snapshot strictly: an unknown access-level
// label, key type or field, a type that an action names but the snapshot
// does not define, a duplicate, a broken ARN format or a count that does not
// match is an error naming where, never a smaller catalog.
func ParseSnapshot(name string, data []byte) (*Catalog, error) {
	f, err := DecodeSnapshotFile(data)
	if err != nil {
		return nil, err
	}
	spec, err := f.spec(name)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return spec.build()
}

// spec checks the file and turns it into what a catalog is built from.
func (f *SnapshotFile) spec(name string) (*catalogSpec, error) {
	if f.Format != SnapshotFormat {
		return nil, fmt.Errorf("format is %q; this provider reads %q", f.Format, SnapshotFormat)
	}
	if !servicePrefixPattern.MatchString(f.Service) {
		return nil, fmt.Errorf("service %q is not a service prefix", f.Service)
	}
	if len(f.Sources) == 0 {
		return nil, errors.New("the header lists no sources")
	}
	if len(f.Actions) == 0 {
		return nil, errors.New("it lists no actions")
	}
	spec := &catalogSpec{name: name, prefix: f.Service, serviceName: f.ServiceName, sources: f.Sources}
	seenType := map[string]bool{}
	for _, rt := range f.ResourceTypes {
		if seenType[rt.Name] {
			return nil, fmt.Errorf("resource type %q is defined twice", rt.Name)
		}
		seenType[rt.Name] = true
		spec.resourceTypes = append(spec.resourceTypes, resourceTypeSpec{name: rt.Name, format: rt.ARNFormat, otherFormats: rt.OtherARNFormats, conditionKeys: rt.ConditionKeys})
	}
	seenKey := map[string]bool{}
	for _, key := range f.ConditionKeys {
		lower := strings.ToLower(key.Name)
		if seenKey[lower] {
			return nil, fmt.Errorf("condition key %q is defined twice", key.Name)
		}
		seenKey[lower] = true
		keyType := KeyType(key.Type)
		if !slices.Contains(KeyTypes, keyType) {
			return nil, fmt.Errorf("condition key %s has unknown type %q; known types: %s", key.Name, key.Type, joinKeyTypes())
		}
		spec.serviceKeys = append(spec.serviceKeys, keySpec{name: key.Name, keyType: keyType})
	}
	levelCounts := map[string]int{}
	dependents, older := 0, 0
	for i, sa := range f.Actions {
		a, err := sa.action(seenType)
		if err != nil {
			return nil, fmt.Errorf("action %d (%s): %w", i, sa.Name, err)
		}
		levelCounts[sa.AccessLevel]++
		if len(a.DependentActions) > 0 {
			dependents++
		}
		if a.HasOlderFacts() {
			older++
		}
		spec.actions = append(spec.actions, a)
	}
	c := f.Counts
	switch {
	case c.Actions != len(f.Actions):
		return nil, fmt.Errorf("the header counts %d actions; the file has %d", c.Actions, len(f.Actions))
	case c.ResourceTypes != len(f.ResourceTypes):
		return nil, fmt.Errorf("the header counts %d resource types; the file has %d", c.ResourceTypes, len(f.ResourceTypes))
	case c.ConditionKeys != len(f.ConditionKeys):
		return nil, fmt.Errorf("the header counts %d condition keys; the file has %d", c.ConditionKeys, len(f.ConditionKeys))
	case c.ActionsWithDependentActions != dependents:
		return nil, fmt.Errorf("the header counts %d actions with dependent actions; the file has %d", c.ActionsWithDependentActions, dependents)
	case c.ActionsTheVersionsDisagreeOn != older:
		return nil, fmt.Errorf("the header counts %d actions the versions disagree on; the file has %d", c.ActionsTheVersionsDisagreeOn, older)
	case older > 0 && len(f.Sources) < 2:
		return nil, errors.New("actions have older facts, but the header lists no older source")
	case !mapsEqual(c.ActionsByAccessLevel, levelCounts):
		return nil, fmt.Errorf("the header counts actions by access level as %v; the file has %v", c.ActionsByAccessLevel, levelCounts)
	}
	return spec, nil
}

func (sa SnapshotAction) action(knownTypes map[string]bool) (*Action, error) {
	if !actionNamePattern.MatchString(sa.Name) {
		return nil, fmt.Errorf("name %q is not a word of letters and digits starting with a capital", sa.Name)
	}
	if strings.TrimSpace(sa.Description) == "" {
		return nil, errors.New("empty description")
	}
	levels, err := ParseAccessLevelLabel(sa.AccessLevel)
	if err != nil {
		return nil, err
	}
	a := &Action{Name: sa.Name, Description: sa.Description, AccessLevel: levels[0], AccessLevels: levels, ConditionKeys: sa.ConditionKeys}
	dependents := slices.Clone(sa.DependentActions)
	seen := map[string]bool{}
	for _, use := range sa.ResourceTypes {
		if !knownTypes[use.Name] {
			return nil, fmt.Errorf("acts on resource type %q, which the snapshot does not define", use.Name)
		}
		if seen[use.Name] {
			return nil, fmt.Errorf("names resource type %q twice", use.Name)
		}
		seen[use.Name] = true
		a.ResourceTypes = append(a.ResourceTypes, ResourceTypeUse{ResourceType: use.Name, Required: use.Required, ConditionKeys: use.ConditionKeys, DependentActions: use.DependentActions})
		dependents = append(dependents, use.DependentActions...)
	}
	for _, name := range sa.OlderResourceTypes {
		if !knownTypes[name] {
			return nil, fmt.Errorf("older resource type %q is not defined by the snapshot", name)
		}
		if seen[name] {
			return nil, fmt.Errorf("older resource type %q is also a current one", name)
		}
	}
	a.OlderResourceTypes = sa.OlderResourceTypes
	a.OlderConditionKeys = sa.OlderConditionKeys
	for _, d := range dependents {
		if !dependentNamePattern.MatchString(d) {
			return nil, fmt.Errorf("dependent action %q is not of the form service:Action", d)
		}
	}
	slices.Sort(dependents)
	a.DependentActions = slices.Compact(dependents)
	return a, nil
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
