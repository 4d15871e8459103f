package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The services of the Amazon Connect family modelled whole beside Connect:
// as many actions, resource types and condition keys as the pinned
// reference gives each, and every resource type builds, resolves and
// parses.
func TestFamilyCatalogs(t *testing.T) {
	want := []string{"app-integrations", "cases", "connect-campaigns", "health-agent", "profile", "voiceid", "wisdom"}
	got := FamilyServices()
	if len(got) != len(want) {
		t.Fatalf("family services = %v, want %v", got, want)
	}
	total := 0
	for i, service := range got {
		if service != want[i] {
			t.Fatalf("family services = %v, want %v", got, want)
		}
		c, err := LoadService(service)
		if err != nil {
			t.Fatalf("%s: %v", service, err)
		}
		if c.Prefix != service || c.ServiceName == "" {
			t.Errorf("%s: prefix %q, name %q", service, c.Prefix, c.ServiceName)
		}
		// Counts equal the reference data the snapshot was made from.
		reference := readReference(t, c, "actions", service)
		if len(c.Actions()) != reference {
			t.Errorf("%s: %d actions, the reference has %d", service, len(c.Actions()), reference)
		}
		if types := readReference(t, c, "resourceTypes", service); len(c.ResourceTypes()) != types {
			t.Errorf("%s: %d resource types, the reference has %d", service, len(c.ResourceTypes()), types)
		}
		total += len(c.Actions())
		for _, rt := range c.ResourceTypes() {
			parts := map[string]string{}
			for _, part := range rt.Parts() {
				switch part {
				case "partition":
				case "region":
					parts[part] = "us-east-1"
				case "account":
					parts[part] = "123456789012"
				default:
					parts[part] = "x1"
				}
			}
			arn, err := c.BuildARN(rt, parts)
			if err != nil {
				t.Errorf("%s: %s does not build: %v", service, rt.Name, err)
				continue
			}
			if !c.ResolveARN(arn).Denotes(rt.Name) {
				t.Errorf("%s: %s does not resolve to %s", service, arn, rt.Name)
			}
			if parsed, _, err := c.ParseARN(arn); err != nil {
				t.Errorf("%s: %s does not parse: %v", service, arn, err)
			} else if parsed.ARNFormat != rt.ARNFormat && !c.ResolveARN(arn).Denotes(parsed.Name) {
				t.Errorf("%s: %s parses as %s", service, arn, parsed.Name)
			}
		}
		if a := c.Actions()[0]; a.FullName() != service+":"+a.Name {
			t.Errorf("%s: full name %s", service, a.FullName())
		}
		if _, ok := c.Action(service + ":" + c.Actions()[0].Name); !ok {
			t.Errorf("%s: its own first action is not found by its full name", service)
		}
	}
	if total != 408 {
		t.Errorf("the family beside Connect has %d actions, want 408", total)
	}
	if _, err := LoadService("s3"); err == nil {
		t.Error("s3 is modelled whole")
	}
}

// readReference counts the entries of a file of the pinned reference copy.
func readReference(t *testing.T, c *Catalog, kind, service string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("data", "iam-data", c.Sources[0].Version, "data", kind, service+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// A documented action name is in no catalog of its service: once the
// reference lists it, it comes out of the table.
func TestDocumentedActions(t *testing.T) {
	for _, d := range DocumentedActions() {
		service, _, _ := SplitAction(d.Action)
		c, err := LoadService(service)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := c.Action(d.Action); ok {
			t.Errorf("%s is in the %s catalog now: take it out of documentedActions", d.Action, service)
		}
		if !strings.HasPrefix(d.Source, "https://docs.aws.amazon.com/") {
			t.Errorf("%s cites %q, not AWS's documentation", d.Action, d.Source)
		}
	}
}
