package catalog

import (
	"errors"
	"strings"
	"testing"
)

// pageLines returns the embedded page as lines, for mutation.
func pageLines() []string {
	return strings.Split(string(Page), "\n")
}

// lineOf returns the 1-based number of the first line equal to text, after
// line from.
func lineOf(t *testing.T, lines []string, text string, from int) int {
	t.Helper()
	for i := from; i < len(lines); i++ {
		if lines[i] == text {
			return i + 1
		}
	}
	t.Fatalf("line %q not found", text)
	return 0
}

func TestParseEmbeddedPage(t *testing.T) {
	c, err := Parse(Page)
	if err != nil {
		t.Fatal(err)
	}
	if c.Prefix != "connect" {
		t.Errorf("prefix = %q", c.Prefix)
	}
}

func TestParseRejectsMutatedPages(t *testing.T) {
	tests := []struct {
		name string
		// mutate edits the lines and returns the line the error must name.
		mutate  func(t *testing.T, lines []string) ([]string, int)
		message string
	}{
		{
			name: "missing description",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### DeleteUser", 0)
				return remove(lines, heading+1), heading
			},
			message: "action DeleteUser has no description",
		},
		{
			name: "unknown access level",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, "- access level: Read", 0)
				lines[n-1] = "- access level: Admin"
				return lines, n
			},
			message: `unknown access level "Admin"`,
		},
		{
			name: "CLI spelling of an access level is not the page's",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, "- access level: Read", 0)
				lines[n-1] = "- access level: read"
				return lines, n
			},
			message: `unknown access level "read"`,
		},
		{
			name: "missing access level",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				return remove(lines, heading+2), heading
			},
			message: "action GetMetricData has no access level",
		},
		{
			name: "second access level",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				return insert(lines, heading+2, "- access level: Write"), heading + 3
			},
			message: "second access level for GetMetricData",
		},
		{
			name: "missing resource types",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### StopContact", 0)
				// Drop "- resource types" and its block of 10 lines.
				return append(lines[:heading+2:heading+2], lines[heading+3+10:]...), heading
			},
			message: "action StopContact has no resource types",
		},
		{
			name: "broken JSON",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				// The "required" line of its only row, inside the block.
				n := heading + 7
				lines[n-1] = strings.TrimSuffix(lines[n-1], ",")
				return lines, n + 1
			},
			message: "resource types of GetMetricData: invalid JSON",
		},
		{
			name: "row without a field",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				return remove(lines, heading+8), heading + 6
			},
			message: `row "queue" of GetMetricData has no required`,
		},
		{
			name: "row with an unknown field",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				return insert(lines, heading+7, `        "arn": "x",`), heading + 8
			},
			message: `row "queue" of GetMetricData has unknown field "arn"`,
		},
		{
			name: "row whose key and resource_type differ",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				lines[heading+6] = `        "resource_type": "queues",`
				return lines, heading + 7
			},
			message: `row "queue" of GetMetricData names resource_type "queues"`,
		},
		{
			name: "unknown resource type",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				lines[heading+5] = `    "prompt": {`
				lines[heading+6] = `        "resource_type": "prompt",`
				return lines, heading + 6
			},
			message: `GetMetricData acts on unknown resource type "prompt"`,
		},
		{
			name: "unknown condition key",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### DeleteUser", 0)
				n := lineOf(t, lines, `            "aws:ResourceTag/${TagKey}"`, heading)
				lines[n-1] = `            "connect:InstanceId"`
				return lines, lineOf(t, lines, `        "condition_keys": [`, lineOf(t, lines, `    "": {`, heading))
			},
			message: `DeleteUser names condition key "connect:InstanceId", which has no known type`,
		},
		{
			name: "duplicate resource type row",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				row := slicesClone(lines[heading+5 : heading+11])
				row[len(row)-1] += ","
				return insert(lines, heading+5, row...), heading + 12
			},
			message: `resource type "queue" appears twice in GetMetricData`,
		},
		{
			name: "duplicate action",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				end := lineOf(t, lines, "### ListContactFlows", 0)
				block := slicesClone(lines[heading-1 : end-1])
				return insert(lines, end-1, block...), end
			},
			message: "duplicate action GetMetricData (first at line",
		},
		{
			name: "unclosed code block",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				last := len(lines) - 1
				for lines[last] != "```" {
					last--
				}
				return lines[:last], lineOf(t, lines, "### UpdateUserSecurityProfiles", 0) + 4
			},
			message: "code block opened here is never closed",
		},
		{
			name: "unclosed front matter",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				end := lineOf(t, lines, "---", 1)
				return remove(lines, end), 1
			},
			message: "front matter opened here is never closed",
		},
		{
			name: "another service's page",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, "- prefix: connect", 0)
				lines[n-1] = "- prefix: s3"
				return lines, n
			},
			message: `service prefix is "s3"`,
		},
		{
			name: "unexpected line",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				heading := lineOf(t, lines, "### GetMetricData", 0)
				return insert(lines, heading+2, "- deprecated: true"), heading + 3
			},
			message: `unexpected line "- deprecated: true" in action GetMetricData`,
		},
		{
			name: "bad action name",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, "### GetMetricData", 0)
				lines[n-1] = "### get-metric-data"
				return lines, n
			},
			message: `action name "get-metric-data"`,
		},
		{
			name: "malformed dependent action",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, `            "ds:DescribeDirectories"`, 0)
				lines[n-1] = `            "DescribeDirectories"`
				return lines, lineOf(t, lines, `        "dependent_actions": [`, lineOf(t, lines, "### GetFederationTokens", 0))
			},
			message: `dependent action "DescribeDirectories"`,
		},
		{
			name: "no actions",
			mutate: func(t *testing.T, lines []string) ([]string, int) {
				n := lineOf(t, lines, "## Privileges", 0)
				return lines[:n], n
			},
			message: "the page lists no actions",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, wantLine := tt.mutate(t, pageLines())
			_, err := Parse([]byte(strings.Join(lines, "\n")))
			if err == nil {
				t.Fatal("mutated page parsed without error")
			}
			var parseErr *ParseError
			if !errors.As(err, &parseErr) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			if !strings.Contains(parseErr.Msg, tt.message) {
				t.Errorf("message = %q, want it to contain %q", parseErr.Msg, tt.message)
			}
			if parseErr.Line != wantLine {
				t.Errorf("line = %d, want %d (%v)", parseErr.Line, wantLine, err)
			}
		})
	}
}

func remove(lines []string, n int) []string {
	return append(lines[:n-1:n-1], lines[n:]...)
}

// insert puts text before index i (0-based).
func insert(lines []string, i int, text ...string) []string {
	out := append(slicesClone(lines[:i]), text...)
	return append(out, lines[i:]...)
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }
