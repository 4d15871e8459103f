package catalog

import (
	"slices"
	"testing"
)

func TestQuery(t *testing.T) {
	c := mustCatalog(t)
	key := func(name string) *ConditionKey {
		k, ok := c.ConditionKey(name)
		if !ok {
			t.Fatalf("no key %s", name)
		}
		return k
	}
	tests := []struct {
		name  string
		query Query
		want  []string
	}{
		{"read and list on queue", Query{AccessLevels: []AccessLevel{AccessRead, AccessList}, ResourceTypes: []string{"queue"}},
			[]string{"GetCurrentMetricData", "GetMetricData"}},
		{"wildcard-only or instance, List", Query{AccessLevels: []AccessLevel{AccessList}, ResourceTypes: []string{"*"}},
			[]string{"ListInstances"}},
		{"tagging", Query{AccessLevels: []AccessLevel{AccessTagging}},
			[]string{"TagResource", "UntagResource"}},
		{"request tag", Query{ConditionKeys: []*ConditionKey{key("aws:RequestTag/${TagKey}")}},
			[]string{"CreateContactFlow", "CreateRoutingProfile", "CreateUser", "TagResource"}},
		{"names and level", Query{Names: []string{"connect:*Contact*"}, AccessLevels: []AccessLevel{AccessRead}},
			[]string{"DescribeContactFlow", "GetContactAttributes"}},
		{"names OR within the filter", Query{Names: []string{"ListQueues", "ListUsers"}},
			[]string{"ListQueues", "ListUsers"}},
		{"permissions management is empty", Query{AccessLevels: []AccessLevel{AccessPermissionsManagement}}, nil},
		{"no match across filters", Query{AccessLevels: []AccessLevel{AccessTagging}, ResourceTypes: []string{"queue"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := actionNames(c.Query(tt.query)); !slices.Equal(got, tt.want) {
				t.Errorf("Query = %v, want %v", got, tt.want)
			}
		})
	}
	if got := len(c.Query(Query{})); got != 53 {
		t.Errorf("empty query = %d actions, want 53", got)
	}
	if got := len(c.Query(Query{ConditionKeys: []*ConditionKey{key("aws:SourceIp")}})); got != 53 {
		t.Errorf("a global key applies to %d actions, want 53", got)
	}
}

func TestParseAccessLevel(t *testing.T) {
	tests := []struct {
		in   string
		want AccessLevel
		ok   bool
	}{
		{"Read", AccessRead, true},
		{"read", AccessRead, true},
		{"Permissions management", AccessPermissionsManagement, true},
		{"permissions-management", AccessPermissionsManagement, true},
		{"PERMISSIONS-MANAGEMENT", AccessPermissionsManagement, true},
		{"tagging", AccessTagging, true},
		{"admin", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseAccessLevel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseAccessLevel(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got := AccessPermissionsManagement.CLIName(); got != "permissions-management" {
		t.Errorf("CLIName = %q", got)
	}
	if got := AccessPermissionsManagement.Word(); got != "PermissionsManagement" {
		t.Errorf("Word = %q", got)
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{"routing-profile": "RoutingProfile", "queue": "Queue", "Permissions management": "PermissionsManagement", "": ""} {
		if got := CamelCase(in); got != want {
			t.Errorf("CamelCase(%q) = %q, want %q", in, got, want)
		}
	}
}
