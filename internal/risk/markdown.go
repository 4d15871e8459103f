package risk

import (
	"fmt"
	"strings"
)

// Markdown renders the table of rules and combinations for the
// documentation, which must show exactly what the provider checks:
// `make docs` writes it into the guide and a test holds the two together.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| category | actions | what a principal allowed them can do | source |\n| --- | --- | --- | --- |\n")
	for _, r := range Rules {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Category, codeList(r.Actions, ", "), r.Impact, sourceLinks(r.Source))
	}
	b.WriteString("\nCombinations: each part is one of its actions, and every part must be allowed, by one statement or several.\n\n")
	b.WriteString("| category | actions together | what a principal allowed them can do | source |\n| --- | --- | --- | --- |\n")
	for _, c := range Combinations {
		parts := make([]string, len(c.Parts))
		for i, part := range c.Parts {
			parts[i] = codeList(part, " or ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Category, strings.Join(parts, ", with "), c.Impact, sourceLinks(c.Source))
	}
	return b.String()
}

func codeList(names []string, separator string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		if !strings.Contains(n, ":") {
			n = "connect:" + n
		}
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted, separator)
}

// sourceLinks turns the URLs of a source into links.
func sourceLinks(source string) string {
	parts := strings.Split(source, "; ")
	for i, p := range parts {
		url, rest, _ := strings.Cut(p, " ")
		if strings.HasPrefix(url, "https://") {
			parts[i] = "<" + url + ">"
			if rest != "" {
				parts[i] += " " + rest
			}
		}
	}
	return strings.Join(parts, "; ")
}

// The markers between which the guide holds the table.
const (
	MarkdownBegin = "<!-- risk table: generated from internal/risk by `make docs`; do not edit -->"
	MarkdownEnd   = "<!-- end of risk table -->"
)

// ReplaceMarkdown returns the text with the table between the markers
// replaced by the current one.
func ReplaceMarkdown(text string) (string, error) {
	before, rest, ok := strings.Cut(text, MarkdownBegin)
	if !ok {
		return "", fmt.Errorf("no line %q", MarkdownBegin)
	}
	_, after, ok := strings.Cut(rest, MarkdownEnd)
	if !ok {
		return "", fmt.Errorf("no line %q", MarkdownEnd)
	}
	return before + MarkdownBegin + "\n\n" + Markdown() + "\n" + MarkdownEnd + after, nil
}
