package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// The package's layout, read strictly so that a change of layout stops the
// import instead of losing data.
type iamAction struct {
	Name             string           `json:"name"`
	Description      string           `json:"description"`
	AccessLevel      string           `json:"accessLevel"`
	ResourceTypes    []iamResourceUse `json:"resourceTypes"`
	ConditionKeys    []string         `json:"conditionKeys"`
	DependentActions []string         `json:"dependentActions"`
	// IsPermissionOnly marks, in some versions, an action without an API
	// operation of its own; the catalog does not use it.
	IsPermissionOnly bool `json:"isPermissionOnly"`
	// Scenarios split, for a few actions of other services (cloudwatch,
	// ec2), the resource types by use case; resourceTypes holds their
	// union, which is what the catalog checks against.
	Scenarios json.RawMessage `json:"scenarios"`
}

type iamResourceUse struct {
	Name             string   `json:"name"`
	Required         bool     `json:"required"`
	ConditionKeys    []string `json:"conditionKeys"`
	DependentActions []string `json:"dependentActions"`
}

type iamResourceType struct {
	Key           string   `json:"key"`
	ARN           string   `json:"arn"`
	ConditionKeys []string `json:"conditionKeys"`
}

type iamConditionKey struct {
	Key         string `json:"key"`
	Description string `json:"description"`
	Type        string `json:"type"`
}

type iamPackageJSON struct {
	Version   string `json:"version"`
	UpdatedAt string `json:"updatedAt"`
	License   string `json:"license"`
}

// read decodes the package's files for a service.
func (p *sourcePackage) read(svc string) (actions map[string]iamAction, types map[string]iamResourceType, keys map[string]iamConditionKey, err error) {
	if err = jsonfile.DecodeStrict(p.Files["data/actions/"+svc+".json"], &actions, "actions"); err != nil {
		return
	}
	if err = jsonfile.DecodeStrict(p.Files["data/resourceTypes/"+svc+".json"], &types, "resource types"); err != nil {
		return
	}
	err = jsonfile.DecodeStrict(p.Files["data/conditionKeys/"+svc+".json"], &keys, "condition keys")
	return
}

// versionDate matches the date a version encodes: 0.21.202609261 is the data
// of 2026-09-26 (the last digit counts releases of the day).
var versionDate = regexp.MustCompile(`^\d+\.\d+\.(\d{4})(\d{2})(\d{2})\d+$`)

func (p *sourcePackage) source(role, note string) (catalog.SnapshotSource, error) {
	var meta iamPackageJSON
	if err := json.Unmarshal(p.Files["package.json"], &meta); err != nil {
		return catalog.SnapshotSource{}, fmt.Errorf("package.json of %s: %w", p.Version, err)
	}
	m := versionDate.FindStringSubmatch(p.Version)
	if meta.Version != p.Version || m == nil {
		return catalog.SnapshotSource{}, fmt.Errorf("version %q (package.json says %q) does not encode a data date", p.Version, meta.Version)
	}
	license := "MIT"
	if !bytes.HasPrefix(p.Files["LICENSE.txt"], []byte("MIT License")) {
		return catalog.SnapshotSource{}, fmt.Errorf("%s@%s is no longer under the MIT licence; review its LICENSE.txt before importing it", packageName, p.Version)
	}
	return catalog.SnapshotSource{
		Role:      role,
		Package:   packageName,
		Version:   p.Version,
		DataDate:  m[1] + "-" + m[2] + "-" + m[3],
		Integrity: p.Dist.Integrity,
		License:   license,
		Origin:    "AWS Service Authorization Reference",
		Note:      note,
	}, nil
}

// convert builds the snapshot from the current package and, when the
// current one lists no dependent actions at all, the package to take them
// from.
func convert(current, dependents *sourcePackage) (*catalog.SnapshotFile, error) {
	return convertService(service, "Amazon Connect", current, dependents)
}

// convertService builds the snapshot of a service (see convert).
func convertService(svc, serviceName string, current, dependents *sourcePackage) (*catalog.SnapshotFile, error) {
	actions, types, keys, err := current.read(svc)
	if err != nil {
		return nil, fmt.Errorf("%s@%s: %w", packageName, current.Version, err)
	}
	out := &catalog.SnapshotFile{
		Format:      catalog.SnapshotFormat,
		Service:     svc,
		ServiceName: serviceName,
		GeneratedBy: "make catalog (internal/cmd/catalogimport) from the copy in internal/catalog/data/iam-data; do not edit by hand",
	}
	for _, rt := range types {
		// The reference gives a type with two formats as one string with
		// a comma between them (Lex's bot: bot/${BotId}, and the first
		// Lex's bot:${BotName}).
		formats := strings.Split(rt.ARN, ", ")
		out.ResourceTypes = append(out.ResourceTypes, catalog.SnapshotResourceType{
			Name: rt.Key, ARNFormat: formats[0], OtherARNFormats: formats[1:], ConditionKeys: sortedCopy(rt.ConditionKeys),
		})
	}
	slices.SortFunc(out.ResourceTypes, func(a, b catalog.SnapshotResourceType) int { return strings.Compare(a.Name, b.Name) })
	for _, k := range keys {
		out.ConditionKeys = append(out.ConditionKeys, catalog.SnapshotConditionKey{Name: k.Key, Type: k.Type, Description: k.Description})
	}
	slices.SortFunc(out.ConditionKeys, func(a, b catalog.SnapshotConditionKey) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	for _, a := range actions {
		out.Actions = append(out.Actions, snapshotAction(a))
	}
	slices.SortFunc(out.Actions, func(a, b catalog.SnapshotAction) int { return strings.Compare(a.Name, b.Name) })

	source, err := current.source("actions, access levels, resource types, ARN formats, condition keys and their types", "")
	if err != nil {
		return nil, err
	}
	out.Sources = []catalog.SnapshotSource{source}
	if dependents != nil && !slices.ContainsFunc(out.Actions, hasDependents) {
		taken, err := takeDependentActions(out, dependents, svc)
		if err != nil {
			return nil, err
		}
		older, err := takeOlderFacts(out, dependents, svc)
		if err != nil {
			return nil, err
		}
		note := fmt.Sprintf("version %s lists no dependent actions for any action (AWS changed the reference's layout); the dependent actions of the %d actions that have them are taken from this version, for the actions that still exist. "+
			"For %d actions this version lists resource types or condition keys that %s no longer does (older_resource_types, older_condition_keys): the checks accept a policy written to either version, with a warning that cites both",
			current.Version, taken, older, current.Version)
		source, err := dependents.source("dependent actions, and the resource types and condition keys it listed that the current version no longer does", note)
		if err != nil {
			return nil, err
		}
		out.Sources = append(out.Sources, source)
	}
	out.Counts = counts(out)
	// The same checks the provider makes when it loads the snapshot.
	if _, err := catalog.ParseSnapshot(svc, mustEncode(out)); err != nil {
		return nil, fmt.Errorf("the converted catalog does not load: %w", err)
	}
	return out, nil
}

func snapshotAction(a iamAction) catalog.SnapshotAction {
	sa := catalog.SnapshotAction{
		Name:             a.Name,
		Description:      sentence(a.Description),
		AccessLevel:      a.AccessLevel,
		ConditionKeys:    sortedCopy(a.ConditionKeys),
		DependentActions: sortedCopy(a.DependentActions),
	}
	for _, use := range a.ResourceTypes {
		// The reference sometimes repeats a row (StartOutboundChatContact
		// listed contact twice in 2026-09): merge repeats into one.
		if j := slices.IndexFunc(sa.ResourceTypes, func(u catalog.SnapshotResourceTypeUse) bool { return u.Name == use.Name }); j >= 0 {
			merged := &sa.ResourceTypes[j]
			merged.Required = merged.Required || use.Required
			merged.ConditionKeys = sortedCopy(append(merged.ConditionKeys, use.ConditionKeys...))
			merged.DependentActions = sortedCopy(append(merged.DependentActions, use.DependentActions...))
			continue
		}
		sa.ResourceTypes = append(sa.ResourceTypes, catalog.SnapshotResourceTypeUse{
			Name: use.Name, Required: use.Required,
			ConditionKeys: sortedCopy(use.ConditionKeys), DependentActions: sortedCopy(use.DependentActions),
		})
	}
	return sa
}

func hasDependents(a catalog.SnapshotAction) bool {
	return len(a.DependentActions) > 0 || slices.ContainsFunc(a.ResourceTypes, func(u catalog.SnapshotResourceTypeUse) bool { return len(u.DependentActions) > 0 })
}

// takeDependentActions copies the dependent actions of the older package's
// actions into the snapshot's actions of the same name; those of a resource
// type the action no longer acts on go to the action as a whole. It returns
// how many actions received some.
func takeDependentActions(out *catalog.SnapshotFile, older *sourcePackage, svc string) (int, error) {
	byName, err := olderActions(older, svc)
	if err != nil || byName == nil {
		return 0, err
	}
	taken := 0
	for i := range out.Actions {
		sa := &out.Actions[i]
		old, ok := byName[sa.Name]
		if !ok {
			continue
		}
		whole := slices.Clone(old.DependentActions)
		for _, use := range old.ResourceTypes {
			j := slices.IndexFunc(sa.ResourceTypes, func(u catalog.SnapshotResourceTypeUse) bool { return u.Name == use.Name })
			if j < 0 {
				whole = append(whole, use.DependentActions...)
				continue
			}
			sa.ResourceTypes[j].DependentActions = sortedCopy(use.DependentActions)
		}
		sa.DependentActions = sortedCopy(whole)
		if hasDependents(*sa) {
			taken++
		}
	}
	return taken, nil
}

// olderActions reads the older package's actions of a service by name;
// nil for a service newer than the older version.
func olderActions(older *sourcePackage, svc string) (map[string]iamAction, error) {
	data, ok := older.Files["data/actions/"+svc+".json"]
	if !ok {
		return nil, nil
	}
	var actions map[string]iamAction
	if err := jsonfile.DecodeStrict(data, &actions, "actions"); err != nil {
		return nil, fmt.Errorf("%s@%s: %w", packageName, older.Version, err)
	}
	byName := make(map[string]iamAction, len(actions))
	for _, a := range actions {
		byName[a.Name] = a
	}
	return byName, nil
}

// takeOlderFacts records, for each action of the snapshot, the resource
// types and condition keys the older package lists for it and the current
// one does not: facts on which the two versions of the reference disagree.
// It returns how many actions have some.
func takeOlderFacts(out *catalog.SnapshotFile, older *sourcePackage, svc string) (int, error) {
	byName, err := olderActions(older, svc)
	if err != nil || byName == nil {
		return 0, err
	}
	types := map[string]bool{}
	for _, rt := range out.ResourceTypes {
		types[rt.Name] = true
	}
	count := 0
	for i := range out.Actions {
		sa := &out.Actions[i]
		old, ok := byName[sa.Name]
		if !ok {
			continue
		}
		currentKeys := map[string]bool{}
		for _, k := range sa.ConditionKeys {
			currentKeys[strings.ToLower(k)] = true
		}
		for _, use := range sa.ResourceTypes {
			for _, k := range use.ConditionKeys {
				currentKeys[strings.ToLower(k)] = true
			}
		}
		var olderTypes, olderKeys []string
		for _, k := range old.ConditionKeys {
			if !currentKeys[strings.ToLower(k)] {
				olderKeys = append(olderKeys, k)
			}
		}
		for _, use := range old.ResourceTypes {
			for _, k := range use.ConditionKeys {
				if !currentKeys[strings.ToLower(k)] {
					olderKeys = append(olderKeys, k)
				}
			}
			current := slices.ContainsFunc(sa.ResourceTypes, func(u catalog.SnapshotResourceTypeUse) bool { return u.Name == use.Name })
			// A type the current version no longer defines at all cannot be
			// matched against an ARN format: it is left out.
			if !current && types[use.Name] {
				olderTypes = append(olderTypes, use.Name)
			}
		}
		sa.OlderResourceTypes, sa.OlderConditionKeys = sortedCopy(olderTypes), sortedCopy(olderKeys)
		if len(sa.OlderResourceTypes) > 0 || len(sa.OlderConditionKeys) > 0 {
			count++
		}
	}
	return count, nil
}

// servicesList writes data/aws-services.json: every service prefix of the
// current package with its name, and those only the older package lists
// (retired services) with its date, sorted, checked as the provider will
// read it.
func servicesList(current, older *sourcePackage, modelled map[string]string) ([]byte, error) {
	f := &catalog.ServicesFile{
		Format:      catalog.ServicesFormat,
		GeneratedBy: "make catalog (internal/cmd/catalogimport) from the copy in internal/catalog/data/iam-data; do not edit by hand",
	}
	listed := map[string]bool{}
	for i, pkg := range []*sourcePackage{current, older} {
		if pkg == nil {
			continue
		}
		var names map[string]string
		if err := jsonfile.DecodeStrict(pkg.Files["data/serviceNames.json"], &names, "service names"); err != nil {
			return nil, fmt.Errorf("%s@%s: %w", packageName, pkg.Version, err)
		}
		role := "every AWS service prefix and its name"
		if i > 0 {
			role = "the services it lists that the current version no longer does (until)"
		}
		source, err := pkg.source(role, "")
		if err != nil {
			return nil, err
		}
		f.Sources = append(f.Sources, source)
		for prefix, name := range names {
			if listed[prefix] {
				continue
			}
			listed[prefix] = true
			svc := catalog.Service{Prefix: prefix, Name: name, Modelled: modelled[prefix]}
			if i > 0 {
				svc.Until = source.DataDate
			}
			f.Services = append(f.Services, svc)
		}
	}
	catalog.SortServices(f.Services)
	data, err := f.Encode()
	if err != nil {
		return nil, err
	}
	if _, err := catalog.ParseServices(data); err != nil {
		return nil, fmt.Errorf("the list of services does not load: %w", err)
	}
	return data, nil
}

// serviceActions writes data/service-actions.json: the names of the actions
// of each named service, sorted, checked as the provider will read it.
func serviceActions(current *sourcePackage, named []string) ([]byte, error) {
	source, err := current.source("the action names of the services the catalog knows by name", "")
	if err != nil {
		return nil, err
	}
	f := &catalog.ServiceActionsFile{
		Format:      catalog.ServiceActionsFormat,
		GeneratedBy: "make catalog (internal/cmd/catalogimport) from the copy in internal/catalog/data/iam-data; do not edit by hand",
		Source:      source,
	}
	for _, service := range named {
		// Only the names are taken, so only they are read: the layout of
		// the rest varies by service (cloudwatch's rows have "scenarios").
		var actions map[string]struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(current.Files[actionsFile(service)], &actions); err != nil {
			return nil, fmt.Errorf("%s@%s: %s actions: %w", packageName, current.Version, service, err)
		}
		names := make([]string, 0, len(actions))
		for key, a := range actions {
			if !strings.EqualFold(key, a.Name) {
				return nil, fmt.Errorf("%s@%s: %s actions: %q is listed under %q", packageName, current.Version, service, a.Name, key)
			}
			names = append(names, a.Name)
		}
		slices.Sort(names)
		f.Services = append(f.Services, catalog.ServiceActions{Prefix: service, Actions: names})
	}
	slices.SortFunc(f.Services, func(a, b catalog.ServiceActions) int { return strings.Compare(a.Prefix, b.Prefix) })
	data, err := f.Encode()
	if err != nil {
		return nil, err
	}
	if _, err := catalog.ParseServiceActions(data); err != nil {
		return nil, fmt.Errorf("the action names do not load: %w", err)
	}
	return data, nil
}

func counts(f *catalog.SnapshotFile) catalog.SnapshotCounts {
	c := catalog.SnapshotCounts{
		Actions:              len(f.Actions),
		ActionsByAccessLevel: map[string]int{},
		ResourceTypes:        len(f.ResourceTypes),
		ConditionKeys:        len(f.ConditionKeys),
	}
	for _, a := range f.Actions {
		c.ActionsByAccessLevel[a.AccessLevel]++
		if hasDependents(a) {
			c.ActionsWithDependentActions++
		}
		if len(a.OlderResourceTypes) > 0 || len(a.OlderConditionKeys) > 0 {
			c.ActionsTheVersionsDisagreeOn++
		}
	}
	return c
}

// sentence ends a description with a period, as the 2020 page's do.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// sortedCopy sorts a copy without duplicates; nil stays nil, so that empty
// lists are left out of the file.
func sortedCopy(values []string) []string {
	if len(values) == 0 {
		return nil
	}
	out := slices.Clone(values)
	slices.Sort(out)
	return slices.Compact(out)
}

func mustEncode(f *catalog.SnapshotFile) []byte {
	data, err := f.Encode()
	if err != nil {
		panic(err) // a SnapshotFile always encodes
	}
	return data
}
