package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The services modelled whole beside Connect, the rest of its family and
// the companions: as many actions, resource types and condition keys as
// the pinned reference gives each, and every resource type builds,
// resolves and parses.
func TestModelledCatalogs(t *testing.T) {
	tests := []struct {
		depth    string
		services []string
		actions  int
	}{
		{ModelledFamily, FamilyServices(), 408},
		{ModelledCompanion, CompanionServices(), 3125},
	}
	want := map[string][]string{
		ModelledFamily: {"app-integrations", "cases", "connect-campaigns", "health-agent", "profile", "voiceid", "wisdom"},
		ModelledCompanion: {"acm-pca", "appflow", "chime", "cloudhsm", "cloudwatch", "ds", "ec2", "events", "firehose", "iam", "kinesis", "kinesisvideo", "kms", "lambda",
			"lex", "logs", "mobiletargeting", "organizations", "pca-connector-ad", "s3", "s3tables", "secretsmanager", "sms-voice", "sns", "social-messaging", "sqs", "ssm"},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.services, want[tt.depth]) {
			t.Fatalf("%s services = %v, want %v", tt.depth, tt.services, want[tt.depth])
		}
		total := 0
		for _, service := range tt.services {
			c, err := LoadService(service)
			if err != nil {
				t.Fatalf("%s: %v", service, err)
			}
			checkModelledService(t, c)
			total += len(c.Actions())
		}
		if total != tt.actions {
			t.Errorf("the %s services beside Connect have %d actions, want %d", tt.depth, total, tt.actions)
		}
	}
	if len(ModelledServices()) != len(FamilyServices())+len(CompanionServices()) {
		t.Errorf("modelled services %v are not the family and the companions", ModelledServices())
	}
	if _, err := LoadService("rds"); err == nil {
		t.Error("rds is modelled whole")
	}
}

func checkModelledService(t *testing.T, c *Catalog) {
	t.Helper()
	service := c.Prefix
	if c.ServiceName == "" {
		t.Errorf("%s: no name", service)
	}
	// Counts equal the reference data the snapshot was made from.
	reference := readReference(t, c, "actions", service)
	if len(c.Actions()) != reference {
		t.Errorf("%s: %d actions, the reference has %d", service, len(c.Actions()), reference)
	}
	if types := readReference(t, c, "resourceTypes", service); len(c.ResourceTypes()) != types {
		t.Errorf("%s: %d resource types, the reference has %d", service, len(c.ResourceTypes()), types)
	}
	for _, rt := range c.ResourceTypes() {
		arn, err := c.BuildARN(rt, exampleParts(rt))
		if err != nil {
			t.Errorf("%s: %s does not build: %v", service, rt.Name, err)
			continue
		}
		if !c.ResolveARN(arn).Denotes(rt.Name) {
			t.Errorf("%s: %s does not resolve to %s", service, arn, rt.Name)
		}
		// Two types may share a shape (a Lambda function's alias and its
		// version): the parse then says so, rather than pick one.
		parsed, _, err := c.ParseARN(arn)
		switch {
		case err != nil && strings.Contains(err.Error(), "has the shape of several resource types ("):
		case err != nil:
			t.Errorf("%s: %s does not parse: %v", service, arn, err)
		case parsed.ARNFormat != rt.ARNFormat && !c.ResolveARN(arn).Denotes(parsed.Name):
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

// Every dependent action of the family's actions, and of those in turn, is
// an action of a modelled service: every action the planner adds for a
// family grant is known to exist, and scoped by its own resource types
// where it can be.
func TestDependentActionsAreOfModelledServices(t *testing.T) {
	var queue []*Action
	for _, service := range append([]string{ServicePrefix}, FamilyServices()...) {
		c, err := LoadService(service)
		if err != nil {
			t.Fatal(err)
		}
		queue = append(queue, c.Actions()...)
	}
	seen := map[*Action]bool{}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		for _, dep := range a.DependentActions {
			prefix, _, _ := strings.Cut(dep, ":")
			owner, err := LoadService(prefix)
			if err != nil {
				t.Errorf("%s needs %s, of a service the catalog does not model", a.FullName(), dep)
				continue
			}
			needed, ok := owner.Action(dep)
			if !ok {
				t.Errorf("%s needs %s, which %s does not have", a.FullName(), dep, prefix)
				continue
			}
			if !seen[needed] {
				seen[needed] = true
				queue = append(queue, needed)
			}
		}
	}
	if len(seen) < 100 {
		t.Errorf("only %d dependent actions were followed", len(seen))
	}
}

// The companions' ARNs as IAM reads them: names with paths, object keys,
// log groups written with ":*", the first Lex's bots, no region where the
// service has none.
func TestCompanionARNs(t *testing.T) {
	tests := []struct {
		service, arn string
		types        []string // the types it denotes; nil for a problem
		problem      string
	}{
		{"iam", "arn:aws:iam::123456789012:role/service-role/connect-flows", []string{"role"}, ""},
		{"iam", "arn:aws:iam::aws:policy/service-role/AmazonConnectServiceLinkedRolePolicy", []string{"policy"}, ""},
		{"s3", "arn:aws:s3:::recordings", []string{"bucket"}, ""},
		{"s3", "arn:aws:s3:::recordings/connect/2026/11/29/call.wav", []string{"object"}, ""},
		{"logs", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/connect/abc:*", []string{"log-group", "log-stream"}, ""},
		{"lex", "arn:aws:lex:us-east-1:123456789012:bot:OrderFlowers", []string{"bot"}, ""},
		{"lex", "arn:aws:lex:us-east-1:123456789012:bot-alias/B1/A1", []string{"bot alias"}, ""},
		{"kms", "arn:aws:kms::123456789012:key/k1", nil, "has no region; AWS Key Management Service resources are regional"},
		{"kms", "arn:aws:kms:us-east-1::key/k1", nil, "has no account; AWS Key Management Service ARNs name a 12-digit account"},
		{"iam", "arn:aws:iam:us-east-1:123456789012:role/r", nil, "fits no AWS Identity and Access Management (IAM) resource type"},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			c, err := LoadService(tt.service)
			if err != nil {
				t.Fatal(err)
			}
			res := c.ResolveARN(tt.arn)
			if tt.types == nil {
				if res.Kind == ARNResource || !strings.Contains(res.Problem, tt.problem) {
					t.Errorf("%s resolves to %v (%q), want a problem containing %q", tt.arn, res.Types, res.Problem, tt.problem)
				}
				return
			}
			if res.Kind != ARNResource || !slices.Equal(res.Types, tt.types) {
				t.Errorf("%s denotes %v (%s), want %v", tt.arn, res.Types, res.Problem, tt.types)
			}
		})
	}
	// A Chime ARN's ${AccountId} is the account that scopes it.
	chime, err := LoadService("chime")
	if err != nil {
		t.Fatal(err)
	}
	meeting, _ := chime.ResourceType("meeting")
	if arn, ok := meeting.ARNWithin(Scope{Partition: "aws", Region: "us-east-1", Account: "123456789012"}); !ok || arn != "arn:aws:chime:us-east-1:123456789012:meeting/*" {
		t.Errorf("a meeting within an account = %s, %v", arn, ok)
	}
	// Connect's ARNs still need a region.
	connect, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if res := connect.ResolveARN("arn:aws:connect::123456789012:instance/abc"); !strings.Contains(res.Problem, "has no region; Connect resources are regional") {
		t.Errorf("a Connect ARN without a region: %q", res.Problem)
	}
}

// Each free-form part names an id of some companion's ARN formats, and no
// id of Connect's family is free-form: the family's ARNs are checked as
// exactly as before.
func TestFreeFormParts(t *testing.T) {
	used := map[string]bool{}
	for _, service := range append([]string{ServicePrefix}, ModelledServices()...) {
		c, err := LoadService(service)
		if err != nil {
			t.Fatal(err)
		}
		family := service == ServicePrefix || slices.Contains(FamilyServices(), service)
		for _, rt := range c.ResourceTypes() {
			for _, tmpl := range rt.templates() {
				for _, seg := range tmpl.segments {
					if !seg.freeForm {
						continue
					}
					if family {
						t.Errorf("%s: %s has a free-form part %s", service, rt.Name, seg.part)
					}
					used[seg.part] = true
				}
			}
		}
	}
	for _, name := range freeFormParts {
		if !used[snakeCase(name)] {
			t.Errorf("free-form part %s is in no ARN format", name)
		}
	}
}

// exampleParts are the parts of an ARN of the type in us-east-1 and
// account 123456789012, each id "x1".
func exampleParts(rt *ResourceType) map[string]string {
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
	return parts
}
