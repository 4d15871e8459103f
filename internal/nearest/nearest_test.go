package nearest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"describeusr", "describeuser", 1},
		{"queues", "queue", 1},
		{"lsit", "list", 1},
		{"ab", "ba", 1},
		{"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	words := []string{"queue", "agent", "contact"}
	tests := []struct {
		word  string
		limit int
		want  string
		ok    bool
	}{
		{"queues", 2, "queue", true},
		{"user", 2, "", false},
		{"user", 5, "queue", true},
		{"agnet", 2, "agent", true},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.word, words, tt.limit)
		if got != tt.want && tt.ok || ok != tt.ok {
			t.Errorf("Closest(%q, %d) = %q, %v; want %q, %v", tt.word, tt.limit, got, ok, tt.want, tt.ok)
		}
	}
}
