package jsonfile

import (
	"strings"
	"testing"
)

type record struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func TestDecodeStrict(t *testing.T) {
	tests := []struct {
		name, data, want string // want: a part of the error, "" for none
	}{
		{"valid", `{"name": "a", "count": 1}`, ""},
		{"an unknown field", `{"name": "a", "extra": 1}`, `model: json: unknown field "extra"`},
		{"trailing data", "{\"name\": \"a\"}\n{}", "model: unexpected data after the JSON object (line 2)"},
		{"a syntax error names its line", "{\n\"name\": \"a\",\n}", "model, line 3: invalid JSON"},
		{"a wrong type names its line and field", "{\n\"count\": \"x\"}", "model, line 2: count must be int, not string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r record
			err := DecodeStrict([]byte(tt.data), &r, "model")
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestEncodeIndented(t *testing.T) {
	got, err := EncodeIndented(record{Name: "<a&b>", Count: 2})
	if want := "{\n  \"name\": \"<a&b>\",\n  \"count\": 2\n}\n"; err != nil || string(got) != want {
		t.Errorf("EncodeIndented = %q, %v; want %q", got, err, want)
	}
}
