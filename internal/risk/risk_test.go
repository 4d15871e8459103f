package risk

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
)

// Every name of the table exists in the latest catalog, every category has
// rules, and every entry has an impact and a source.
func TestTableResolvesAgainstTheLatestCatalog(t *testing.T) {
	c := catalogtest.Latest(t)
	if _, err := New(c); err != nil {
		t.Fatal(err)
	}
	for _, cat := range Categories {
		if !slices.ContainsFunc(Rules, func(r Rule) bool { return r.Category == cat }) || cat.Describe() == "" {
			t.Errorf("category %s has no rule or no description", cat)
		}
	}
	for _, r := range Rules {
		if r.Impact == "" || !strings.HasPrefix(r.Source, "https://") {
			t.Errorf("rule %s %v lacks an impact or a source", r.Category, r.Actions)
		}
		rc := c
		if service, ok := RuleService(&r); ok {
			var err error
			if rc, err = catalog.LoadService(service); err != nil {
				t.Fatalf("rule %s %v: %v", r.Category, r.Actions, err)
			}
		}
		for _, name := range r.Actions {
			if len(rc.Match(name)) == 0 {
				t.Errorf("rule %s names %s, which matches nothing in the %s catalog", r.Category, name, rc.Prefix)
			}
		}
	}
	// A family rule names one service's actions.
	for _, r := range Rules {
		service, family := RuleService(&r)
		for _, name := range r.Actions {
			if s, _, ok := strings.Cut(name, ":"); ok != family || (family && s != service) {
				t.Errorf("rule %s %v mixes services", r.Category, r.Actions)
			}
		}
	}
	// Every service of the family has rules.
	for _, service := range catalog.FamilyServices() {
		if !slices.ContainsFunc(Rules, func(r Rule) bool { s, ok := RuleService(&r); return ok && s == service }) {
			t.Errorf("no risk rule for %s", service)
		}
	}
	for _, combo := range Combinations {
		for _, part := range combo.Parts {
			for _, name := range part {
				if len(c.Match(name)) == 0 {
					t.Errorf("combination %s names %s, which matches nothing", combo.Category, name)
				}
			}
		}
	}
}

func TestCategoriesOfActions(t *testing.T) {
	c := catalogtest.Latest(t)
	m, _ := New(c)
	tests := map[string][]Category{
		"GetFederationToken":          {CredentialsExposure},
		"UpdateUserSecurityProfiles":  {PrivilegeEscalation},
		"UpdateInstanceStorageConfig": {DataExfiltration},
		"UpdateContactFlowContent":    {FlowHijack},
		"UpdateInstanceAttribute":     {AuditEvasion},
		"DeleteInstance":              {Destruction},
		"StartOutboundVoiceContact":   {CostAndFraud},
		"DescribeQueue":               nil,
		"CreateUser":                  nil, // a risk only with the right to write security profiles
	}
	for name, want := range tests {
		a, _ := c.Action(name)
		if got := m.Categories(a); !slices.Equal(got, want) {
			t.Errorf("%s categories = %v, want %v", name, got, want)
		}
	}
}

// The family's actions are in the categories of their rules, resolved
// against their own catalogs.
func TestCategoriesOfFamilyActions(t *testing.T) {
	m, _ := New(catalogtest.Latest(t))
	tests := map[string][]Category{
		"profile:SearchProfiles":             {DataExfiltration},
		"profile:CreateEventStream":          {DataExfiltration},
		"profile:DeleteDomain":               {Destruction},
		"profile:GetDomain":                  nil,
		"cases:GetCase":                      {DataExfiltration},
		"voiceid:DisassociateFraudster":      {CostAndFraud},
		"wisdom:UpdateAIPrompt":              {FlowHijack},
		"connect-campaigns:StartCampaign":    {CostAndFraud},
		"app-integrations:CreateApplication": {FlowHijack},
		"health-agent:GetPatient":            {DataExfiltration},
	}
	for name, want := range tests {
		service, _, _ := catalog.SplitAction(name)
		fc, err := catalog.LoadService(service)
		if err != nil {
			t.Fatal(err)
		}
		a, ok := fc.Action(name)
		if !ok {
			t.Fatalf("%s is not in the %s catalog", name, service)
		}
		if got := m.Categories(a); !slices.Equal(got, want) {
			t.Errorf("%s categories = %v, want %v", name, got, want)
		}
	}
}

func TestCombinations(t *testing.T) {
	c := catalogtest.Latest(t)
	m, _ := New(c)
	set := func(names ...string) func(*catalog.Action) bool {
		return func(a *catalog.Action) bool { return slices.Contains(names, a.Name) }
	}
	if got := m.Combinations(set("CreateUser")); len(got) != 0 {
		t.Errorf("CreateUser alone fills %d combinations", len(got))
	}
	got := m.Combinations(set("CreateUser", "UpdateSecurityProfile", "DescribeQueue"))
	if len(got) != 1 || got[0].Category != PrivilegeEscalation || got[0].Actions[1][0].Name != "UpdateSecurityProfile" {
		t.Errorf("CreateUser and UpdateSecurityProfile = %+v", got)
	}
	got = m.Combinations(set("UpdateContactFlowContent", "AssociateLambdaFunction"))
	if len(got) != 1 || got[0].Category != FlowHijack {
		t.Errorf("a flow and a Lambda function = %+v", got)
	}
}

// The table applies to the 2020 page where its actions exist.
func TestTableOnThe2020Page(t *testing.T) {
	c := catalogtest.Load(t, catalog.PolicySentry2020)
	m, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Action("GetFederationToken")
	if got := m.Categories(a); !slices.Equal(got, []Category{CredentialsExposure}) {
		t.Errorf("GetFederationToken on the 2020 page = %v", got)
	}
}

// The guide shows the table the provider checks: `make docs` writes it.
func TestGuideShowsTheTable(t *testing.T) {
	const guide = "../../templates/guides/reviewing-connect-iam.md.tmpl"
	text, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReplaceMarkdown(string(text))
	if err != nil {
		t.Fatal(err)
	}
	if string(text) != want {
		t.Errorf("%s does not show the current risk table: run make docs", guide)
	}
}

func TestReplaceMarkdown(t *testing.T) {
	got, err := ReplaceMarkdown("intro\n" + MarkdownBegin + "\nstale\n" + MarkdownEnd + "\nrest\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "intro\n"+MarkdownBegin+"\n\n| category |") || !strings.HasSuffix(got, "\n"+MarkdownEnd+"\nrest\n") ||
		!strings.Contains(got, "`connect:GetFederationToken`") || strings.Contains(got, "stale") {
		t.Errorf("ReplaceMarkdown = %q", got)
	}
	if _, err := ReplaceMarkdown("no markers"); err == nil {
		t.Error("ReplaceMarkdown of a text without markers succeeded")
	}
}
