package catalog

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds mutated pages to the parser: it must either fail with a
// ParseError on a line of the page, or return a catalog that holds together.
func FuzzParse(f *testing.F) {
	f.Add(Page)
	f.Add([]byte(""))
	f.Add([]byte("- prefix: connect\n## Privileges\n### A\n- description: d\n- access level: Read\n- resource types\n```\n{\"\": {\"resource_type\": \"\", \"required\": false, \"condition_keys\": [], \"dependent_actions\": []}}\n```\n"))
	f.Add([]byte(strings.Replace(string(Page), `"required": true,`, `"required": true`, 1)))
	f.Fuzz(func(t *testing.T, page []byte) {
		c, err := Parse(page)
		if err != nil {
			var parseErr *ParseError
			if !errors.As(err, &parseErr) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			if lines := strings.Count(string(page), "\n") + 1; parseErr.Line < 1 || parseErr.Line > lines {
				t.Fatalf("error names line %d of a page of %d lines", parseErr.Line, lines)
			}
			return
		}
		checkCoherent(t, c)
	})
}

// FuzzResolveARN checks the resolver's answers hold together, and that an
// ARN that parses rebuilds to itself.
func FuzzResolveARN(f *testing.F) {
	for _, arn := range []string{
		"*", "arn:aws:connect:us-east-1:123456789012:instance/abc", "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1",
		"arn:aws:connect:*:*:instance/*/agent/${aws:userid}", "arn:aws:connect:*", "arn:aws:s3:::bucket",
		"arn:aws:connect:us-east-1:1234:instance/abc", "arn:aws:connect:us-east-1:123456789012:instance/abc/queues/q",
		"arn:aws-cn:connect:cn-north-1:123456789012:instance/a?c/contact-flow/*", "arn:${aws:x}:connect:${y}",
	} {
		f.Add(arn)
	}
	c := mustCatalog(f)
	f.Fuzz(func(t *testing.T, arn string) {
		res := c.ResolveARN(arn)
		switch res.Kind {
		case ARNResource:
			// A resource fits a type or, with none, a documented form only
			// (instance/<id>/user/<id> on the 2020 page).
			if len(res.Types) == 0 && len(res.Forms) == 0 || res.Problem != "" {
				t.Fatalf("resource with %v, %d forms, %q", res.Types, len(res.Forms), res.Problem)
			}
			var order []int
			for _, name := range res.Types {
				i := slices.Index(c.ResourceTypeNames(), name)
				if i < 0 {
					t.Fatalf("unknown type %q", name)
				}
				order = append(order, i)
			}
			if !slices.IsSorted(order) {
				t.Fatalf("types %v are not in catalog order", res.Types)
			}
		case ARNMalformed, ARNOtherService, ARNNoType:
			if len(res.Types) != 0 || res.Problem == "" {
				t.Fatalf("kind %d with types %v and problem %q", res.Kind, res.Types, res.Problem)
			}
		default:
			t.Fatalf("kind %d", res.Kind)
		}
		rt, parts, err := c.ParseARN(arn)
		if err != nil {
			return
		}
		if !res.Denotes(rt.Name) {
			t.Fatalf("%q parses as a %s but resolves to %v", arn, rt.Name, res.Types)
		}
		if rebuilt, err := c.BuildARN(rt, parts); err != nil || rebuilt != arn {
			t.Fatalf("%q rebuilds to %q, %v", arn, rebuilt, err)
		}
	})
}

// FuzzGlobMatch compares the matcher with a regular expression built from
// the pattern, on ASCII text, where the two must agree.
func FuzzGlobMatch(f *testing.F) {
	f.Add("connect:Describe*", "connect:DescribeUser")
	f.Add("*a*a*b", "aaaaaaaaab")
	f.Add("Get?etricData", "getmetricdata")
	f.Add("**", "")
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if !isASCII(pattern) || !isASCII(name) {
			return
		}
		var expr strings.Builder
		expr.WriteString(`(?is)^`)
		for _, r := range pattern {
			switch r {
			case '*':
				expr.WriteString(`.*`)
			case '?':
				expr.WriteString(`.`)
			default:
				expr.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		expr.WriteString(`$`)
		want := regexp.MustCompile(expr.String()).MatchString(name)
		if got := GlobMatch(pattern, name); got != want {
			t.Fatalf("GlobMatch(%q, %q) = %v, want %v", pattern, name, got, want)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// checkCoherent checks that a parsed catalog holds together: unique, valid
// and sorted actions that can be looked up, with known levels, types and
// keys.
func checkCoherent(t *testing.T, c *Catalog) {
	t.Helper()
	if len(c.Actions()) == 0 {
		t.Fatal("a catalog without actions")
	}
	seen := map[string]bool{}
	for _, a := range c.Actions() {
		lower := strings.ToLower(a.Name)
		if seen[lower] || !actionNamePattern.MatchString(a.Name) || a.FullName() != "connect:"+a.Name {
			t.Fatalf("bad or duplicate action %q", a.Name)
		}
		seen[lower] = true
		if found, ok := c.Action(a.FullName()); !ok || found != a {
			t.Fatalf("action %s cannot be looked up", a.Name)
		}
		if !slices.Contains(AccessLevels, a.AccessLevel) || a.Description == "" {
			t.Fatalf("action %s has level %q, description %q", a.Name, a.AccessLevel, a.Description)
		}
		for _, use := range a.ResourceTypes {
			if _, ok := c.ResourceType(use.ResourceType); !ok {
				t.Fatalf("action %s acts on unknown type %q", a.Name, use.ResourceType)
			}
		}
		for _, k := range a.AllConditionKeys() {
			if _, ok := c.ConditionKey(k); !ok {
				t.Fatalf("action %s names unknown key %q", a.Name, k)
			}
		}
	}
	if !slices.IsSortedFunc(c.Actions(), func(a, b *Action) int { return strings.Compare(a.Name, b.Name) }) {
		t.Fatal("actions are not sorted")
	}
}

// FuzzParseSnapshot feeds mutated generated snapshots to their parser: it
// must either fail with an error or return a catalog that holds together,
// and never panic.
func FuzzParseSnapshot(f *testing.F) {
	f.Add(LatestSnapshot)
	f.Add([]byte("{}"))
	small := SnapshotFile{
		Format: SnapshotFormat, Service: ServicePrefix, Sources: []SnapshotSource{{Role: "test"}},
		Counts:        SnapshotCounts{Actions: 1, ActionsByAccessLevel: map[string]int{"Tagging, Write": 1}, ResourceTypes: 2, ConditionKeys: 1},
		ResourceTypes: []SnapshotResourceType{{Name: "queue", ARNFormat: "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}"}, {Name: "wildcard-queue", ARNFormat: "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*"}},
		ConditionKeys: []SnapshotConditionKey{{Name: "connect:InstanceId", Type: "String"}},
		Actions: []SnapshotAction{{Name: "TagQueue", Description: "d", AccessLevel: "Tagging, Write", ConditionKeys: []string{"connect:InstanceId"},
			ResourceTypes: []SnapshotResourceTypeUse{{Name: "queue", Required: true}, {Name: "wildcard-queue"}}}},
	}
	smallData, err := small.Encode()
	if err != nil {
		f.Fatal(err)
	}
	if _, err := ParseSnapshot(Latest, smallData); err != nil {
		f.Fatalf("the small seed does not parse: %v", err)
	}
	f.Add(smallData)
	f.Add([]byte(strings.Replace(string(LatestSnapshot), `"Tagging, Write"`, `"Tagging, Tagging"`, 1)))
	f.Add([]byte(strings.Replace(string(LatestSnapshot), `instance/${InstanceId}/queue/*`, `instance/${InstanceId/queue/*`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseSnapshot(Latest, data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		checkCoherent(t, c)
		for _, rt := range c.ResourceTypes() {
			_ = c.ResolveARN(strings.NewReplacer("${Partition}", "aws", "${Region}", "us-east-1", "${Account}", "123456789012").Replace(rt.ARNFormat))
		}
	})
}
