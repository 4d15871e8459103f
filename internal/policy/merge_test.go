package policy

import (
	"reflect"
	"slices"
	"testing"
)

func stmt(sid, action string) Statement {
	return Statement{Sid: sid, Effect: Allow, Actions: []string{action}, Resources: []string{"*"}}
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		base *Document
		next *Document
		want *Document
	}{
		{
			name: "statements without Sid are appended",
			base: &Document{Version: Version2012, Statements: []Statement{stmt("", "a:A")}},
			next: &Document{Statements: []Statement{stmt("", "b:B")}},
			want: &Document{Version: Version2012, Statements: []Statement{stmt("", "a:A"), stmt("", "b:B")}},
		},
		{
			name: "a Sid replaces the statement in place",
			base: &Document{Statements: []Statement{stmt("One", "a:A"), stmt("Two", "b:B")}},
			next: &Document{Statements: []Statement{stmt("One", "c:C"), stmt("Three", "d:D")}},
			want: &Document{Statements: []Statement{stmt("One", "c:C"), stmt("Two", "b:B"), stmt("Three", "d:D")}},
		},
		{
			name: "the later version wins and a set Id replaces",
			base: &Document{Version: Version2008, ID: "old"},
			next: &Document{Version: Version2012, ID: "new"},
			want: &Document{Version: Version2012, ID: "new"},
		},
		{
			name: "an earlier version and an empty Id change nothing",
			base: &Document{Version: Version2012, ID: "old"},
			next: &Document{Version: Version2008},
			want: &Document{Version: Version2012, ID: "old"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.base.Merge(tt.next)
			if !reflect.DeepEqual(tt.base, tt.want) {
				t.Errorf("Merge =\n%#v\nwant\n%#v", tt.base, tt.want)
			}
		})
	}
}

func TestReusedSids(t *testing.T) {
	tests := []struct {
		statements []Statement
		want       []SidReuse
	}{
		{nil, nil},
		{[]Statement{stmt("", "a"), stmt("", "b")}, nil},
		{[]Statement{stmt("A", "a"), stmt("B", "b"), stmt("A", "c"), stmt("A", "d")}, []SidReuse{{"A", 0, 2}, {"A", 0, 3}}},
		{[]Statement{stmt("A", "a"), stmt("a", "b")}, nil},
	}
	for _, tt := range tests {
		if got := ReusedSids(tt.statements); !slices.Equal(got, tt.want) {
			t.Errorf("ReusedSids = %v, want %v", got, tt.want)
		}
	}
}
