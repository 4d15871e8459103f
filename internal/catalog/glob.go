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

// GlobMatchCase matches as StringLike and ArnLike do: as GlobMatch, but
// letters only in the same case.
func GlobMatchCase(pattern, name string) bool { return globMatchCase(pattern, name) }

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
	full := c.qualify(pattern)
	if !HasWildcard(full) {
		// A plain name: a lookup, for the service and the action alike.
		service, _, _ := SplitAction(full)
		if a, ok := c.Action(full); ok && strings.EqualFold(service, c.Prefix) {
			return []*Action{a}
		}
		return nil
	}
	if !c.covers(full) {
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

// Suggest returns up to three names close to one that matched nothing. For
// a plain name they are the nearest action names, within an edit or two; for
// a pattern of the form prefix* they are the nearest prefixes of action
// names with the same trailing *, longest first ("connect:Describe*" for
// "Descibe*"). Nothing broader is ever suggested: no shorter prefix than
// the closest, no other pattern shape, never "*", so that taking a
// suggestion cannot widen an Allow or a Deny beyond what was meant.
func (c *Catalog) Suggest(input string) []string {
	query := strings.ToLower(c.trimPrefix(input))
	wildcard := strings.IndexAny(query, "*?")
	if wildcard < 0 {
		return c.suggestNames(query)
	}
	if wildcard != len(query)-1 || query[wildcard] != '*' {
		return nil
	}
	return c.suggestPrefixes(query[:wildcard])
}

// suggestionLimit is how many edits a suggestion may be from what was
// written: one for short names, two from ten letters on.
func suggestionLimit(s string) int { return min(2, max(1, len(s)/5)) }

type suggestion struct {
	name     string
	distance int
	length   int
}

func (c *Catalog) suggestNames(query string) []string {
	limit := suggestionLimit(query)
	var candidates []suggestion
	for _, a := range c.actions {
		if d := nearest.Distance(query, strings.ToLower(a.Name)); d <= limit {
			candidates = append(candidates, suggestion{name: a.FullName(), distance: d})
		}
	}
	return best(candidates)
}

// suggestPrefixes suggests prefix* patterns for a prefix that starts no
// action name. A prefix of fewer than three letters is too short to guess.
func (c *Catalog) suggestPrefixes(prefix string) []string {
	if len(prefix) < 3 {
		return nil
	}
	limit := suggestionLimit(prefix)
	var candidates []suggestion
	for _, a := range c.actions {
		for n := max(3, len(prefix)-limit); n <= min(len(a.Name), len(prefix)+limit); n++ {
			if d := nearest.Distance(prefix, strings.ToLower(a.Name[:n])); d <= limit {
				candidates = append(candidates, suggestion{name: c.Prefix + ":" + a.Name[:n] + "*", distance: d, length: n})
			}
		}
	}
	return best(candidates)
}

// best keeps the candidates at the smallest distance, the longest (the
// narrowest patterns) first, up to three.
func best(candidates []suggestion) []string {
	slices.SortFunc(candidates, func(a, b suggestion) int {
		if a.distance != b.distance {
			return a.distance - b.distance
		}
		if a.length != b.length {
			return b.length - a.length
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, cand := range candidates {
		if cand.distance > candidates[0].distance || cand.length != candidates[0].length || len(out) == 3 {
			break
		}
		if !slices.Contains(out, cand.name) {
			out = append(out, cand.name)
		}
	}
	return out
}
