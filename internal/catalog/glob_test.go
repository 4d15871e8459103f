package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"connect:DescribeUser", "connect:DescribeUser", true},
		{"connect:describeuser", "connect:DescribeUser", true},
		{"connect:Describe*", "connect:DescribeUser", true},
		{"connect:Describe*", "connect:ListUsers", false},
		{"connect:*User", "connect:DescribeUser", true},
		{"connect:*User", "connect:DescribeUserHierarchyGroup", false},
		{"connect:Get?etricData", "connect:GetMetricData", true},
		{"connect:Get?etricData", "connect:GetCurrentMetricData", false},
		{"*", "connect:ListUsers", true},
		{"connect:*", "connect:ListUsers", true},
		{"*:List*", "connect:ListUsers", true},
		{"connect:**Users", "connect:ListUsers", true},
		{"connect:*a*a*a*a*b", "connect:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
		{"", "", true},
		{"", "x", false},
		{"?", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+"~"+tt.name, func(t *testing.T) {
			if got := GlobMatch(tt.pattern, tt.name); got != tt.want {
				t.Errorf("GlobMatch(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		pattern string
		want    []string
	}{
		{"Describe*", []string{"DescribeContactFlow", "DescribeInstance", "DescribeRoutingProfile", "DescribeUser", "DescribeUserHierarchyGroup", "DescribeUserHierarchyStructure"}},
		{"connect:Describe*", []string{"DescribeContactFlow", "DescribeInstance", "DescribeRoutingProfile", "DescribeUser", "DescribeUserHierarchyGroup", "DescribeUserHierarchyStructure"}},
		{"CONNECT:describeuser*", []string{"DescribeUser", "DescribeUserHierarchyGroup", "DescribeUserHierarchyStructure"}},
		{"connect:*ContactRecording", []string{"ResumeContactRecording", "StartContactRecording", "StopContactRecording", "SuspendContactRecording"}},
		{"GetFederationToken", []string{"GetFederationToken"}},
		{"GetFederationToken?", []string{"GetFederationTokens"}},
		{"connect:Nothing*", nil},
		{"s3:*", nil},
		{"DescribeQueue", nil},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			if got := actionNames(c.Match(tt.pattern)); !slices.Equal(got, tt.want) {
				t.Errorf("Match(%q) = %v, want %v", tt.pattern, got, tt.want)
			}
		})
	}
	if got := len(c.Match("*")); got != 53 {
		t.Errorf(`Match("*") = %d actions, want 53`, got)
	}
}

func TestCoversService(t *testing.T) {
	tests := []struct {
		pattern string
		want    bool
	}{
		{"connect:Describe*", true},
		{"Describe*", true},
		{"*", true},
		{"*:Get*", true},
		{"con*:Get*", true},
		{"s3:GetObject", false},
		{"connectcampaigns:*", false},
	}
	for _, tt := range tests {
		if got := CoversService(tt.pattern); got != tt.want {
			t.Errorf("CoversService(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestSuggestLatest(t *testing.T) {
	c := latest(t)
	tests := []struct {
		input string
		want  []string
	}{
		{"DescribeQueus", []string{"connect:DescribeQueue"}},
		{"connect:GetFederationTokens", []string{"connect:GetFederationToken"}},
		{"StartTaskContat", []string{"connect:StartTaskContact"}},
		{"connect:DestroyInstance", nil},
		{"connect:ModifyInstance", nil},
		{"connect:Updtae*", []string{"connect:Update*"}},
		{"connect:SerachUser*", []string{"connect:SearchUser*"}},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			if got := c.Suggest(tt.input); !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q) = %v, want %v", tt.input, got, tt.want)
			}
		})
	}
}

// TestSuggestionsAreNeverBroader checks, for every action name misspelt in
// each of a few ways, that no suggestion matches more actions than the
// name it was meant for, or every action.
func TestSuggestionsAreNeverBroader(t *testing.T) {
	c := latest(t)
	for _, a := range c.Actions() {
		for _, typo := range []string{a.Name[1:], a.Name + "x", a.Name[:len(a.Name)-1] + "*"} {
			for _, s := range c.Suggest(typo) {
				matched := c.Match(s)
				if len(matched) == len(c.Actions()) {
					t.Fatalf("Suggest(%q) = %s, which matches every action", typo, s)
				}
				if !strings.HasSuffix(typo, "*") && len(matched) != 1 {
					t.Fatalf("Suggest(%q) = %s, a pattern for a plain name", typo, s)
				}
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		input string
		want  []string
	}{
		{"DescribeUsr", []string{"connect:DescribeUser"}},
		{"connect:ListQueue", []string{"connect:ListQueues"}},
		{"connect:describe_user", []string{"connect:DescribeUser"}},
		{"Descibe*", []string{"connect:Describe*"}},
		// Too far from DescribeUser: no suggestion rather than a wrong one.
		{"DescribeQueue", nil},
		{"connect:DescribeUser*s", nil},
		{"*", nil},
		{"Li*", nil},
		{"connect:Lsit*", []string{"connect:List*"}},
		{"CompletelyUnrelatedThing", nil},
		{"Foo*", nil},
		{"connect:Lsit*", []string{"connect:List*"}},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			if got := c.Suggest(tt.input); !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q) = %v, want %v", tt.input, got, tt.want)
			}
		})
	}
}
