package catalog

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"
)

// HasWildcard reports whether s contains an IAM wildcard, * or ?.
func HasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// GlobMatch reports whether name matches an IAM action pattern: * matches any
// run of characters, ? exactly one, and letters match in any case.
func GlobMatch(pattern, name string) bool {
	return globMatch(pattern, name, true)
}

// globMatchCase matches as GlobMatch does, but letters only in the same
// case, as ARNs match.
func globMatchCase(pattern, name string) bool {
	return globMatch(pattern, name, false)
}

func globMatch(pattern, name string, fold bool) bool {
	// Iterative matching with one backtrack point: linear for the patterns
	// people write, quadratic at worst, never exponential.
	equal := func(a, b byte) bool { return a == b || fold && lowerByte(a) == lowerByte(b) }
	p, n := 0, 0
	star, starN := -1, 0
	for n < len(name) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, starN = p, n
			p++
		case p < len(pattern) && (pattern[p] == '?' || equal(pattern[p], name[n])):
			p++
			n++
		case star >= 0:
			starN++
			p, n = star+1, starN
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// SplitAction splits "service:Name" at its first colon. ok is false when
// there is no colon.
func SplitAction(action string) (service, name string, ok bool) {
	return strings.Cut(action, ":")
}

// qualify returns the pattern with the service prefix it applies to: a
// pattern without a colon is taken to mean a Connect action.
func qualify(pattern string) string {
	if pattern == "*" || !strings.Contains(pattern, ":") {
		return ServicePrefix + ":" + pattern
	}
	return pattern
}

// CoversService reports whether an action pattern, such as "connect:Get*",
// "*" or "*:List*", can name actions of the service; "s3:Get*" cannot.
// A pattern without a colon is taken to mean a Connect action.
func CoversService(pattern string) bool {
	service, _, _ := SplitAction(qualify(pattern))
	return GlobMatch(service, ServicePrefix)
}

// Match returns the actions, sorted by name, that a pattern matches. The
// pattern may omit the "connect:" prefix; "*" matches every action.
func (c *Catalog) Match(pattern string) []*Action {
	full := qualify(pattern)
	if !CoversService(full) {
		return nil
	}
	if !HasWildcard(full) {
		if a, ok := c.Action(full); ok {
			return []*Action{a}
		}
		return nil
	}
	var out []*Action
	for _, a := range c.actions {
		if GlobMatch(full, a.fullName) {
			out = append(out, a)
		}
	}
	return out
}

// Suggest returns up to three names close to one that matched nothing: for a
// plain name the nearest action names, for a pattern the nearest prefixes
// with a * ("connect:Describ*" for "Descibe*").
func (c *Catalog) Suggest(input string) []string {
	query := strings.ToLower(trimPrefix(input))
	cut := strings.IndexAny(query, "*?")
	if cut >= 0 {
		query = query[:cut]
	}
	type candidate struct {
		name     string
		distance int
	}
	var candidates []candidate
	for _, a := range c.actions {
		name := a.Name
		if cut >= 0 {
			if len(name) <= len(query) {
				continue
			}
			name = name[:len(query)] + "*"
		}
		d := nearest.Distance(query, strings.ToLower(strings.TrimSuffix(name, "*")))
		candidates = append(candidates, candidate{c.Prefix + ":" + name, d})
	}
	if len(candidates) == 0 {
		return nil
	}
	slices.SortFunc(candidates, func(a, b candidate) int {
		if a.distance != b.distance {
			return a.distance - b.distance
		}
		return strings.Compare(a.name, b.name)
	})
	limit := max(2, len(query)/3)
	if cut >= 0 {
		limit = max(1, len(query)/3) // a short prefix is easily two edits from anything
	}
	var out []string
	for _, cand := range candidates {
		if cand.distance > limit || cand.distance > candidates[0].distance || len(out) == 3 {
			break
		}
		if !slices.Contains(out, cand.name) {
			out = append(out, cand.name)
		}
	}
	return out
}
