package policy

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// JSON returns the policy as canonical, readable JSON: two-space indent,
// elements in IAM's usual order (Version, Id, Statement; Sid, Effect,
// Principal, Action, Resource, Condition with their Not forms after them),
// lists sorted and without duplicates, and a list of one value written as a
// plain string. Statements keep their order. The same document always gives
// the same bytes.
func (d *Document) JSON() string { return d.encode(true) }

// MinifiedJSON is JSON without any white space between tokens.
func (d *Document) MinifiedJSON() string { return d.encode(false) }

func (d *Document) encode(indent bool) string {
	w := &writer{indent: indent}
	w.b.Grow(256 + 256*len(d.Statements))
	w.open('{')
	if d.Version != "" {
		w.key("Version")
		w.str(d.Version)
	}
	if d.ID != "" {
		w.key("Id")
		w.str(d.ID)
	}
	w.key("Statement")
	w.open('[')
	for i := range d.Statements {
		w.item()
		d.Statements[i].encode(w)
	}
	w.close(']')
	w.close('}')
	return w.b.String()
}

func (s *Statement) encode(w *writer) {
	w.open('{')
	if s.Sid != "" {
		w.key("Sid")
		w.str(s.Sid)
	}
	if s.Effect != "" {
		w.key("Effect")
		w.str(s.Effect)
	}
	if s.Principals != nil {
		w.key("Principal")
		encodePrincipals(w, s.Principals)
	}
	if s.NotPrincipals != nil {
		w.key("NotPrincipal")
		encodePrincipals(w, s.NotPrincipals)
	}
	for _, e := range []struct {
		key    string
		values []string
	}{{"Action", s.Actions}, {"NotAction", s.NotActions}, {"Resource", s.Resources}, {"NotResource", s.NotResources}} {
		if e.values != nil {
			w.key(e.key)
			w.values(e.values)
		}
	}
	if len(s.Conditions) > 0 {
		w.key("Condition")
		encodeConditions(w, s.Conditions)
	}
	w.close('}')
}

func encodePrincipals(w *writer, principals []Principal) {
	if len(principals) == 1 && principals[0].Type == "*" {
		w.str("*")
		return
	}
	byType := map[string][]string{}
	for _, p := range principals {
		byType[p.Type] = append(byType[p.Type], p.Identifiers...)
	}
	w.open('{')
	for _, t := range sortedKeys(byType) {
		w.key(t)
		w.values(byType[t])
	}
	w.close('}')
}

func encodeConditions(w *writer, conditions []Condition) {
	byOperator := map[string]map[string][]string{}
	for _, c := range conditions {
		if byOperator[c.Operator] == nil {
			byOperator[c.Operator] = map[string][]string{}
		}
		byOperator[c.Operator][c.Key] = append(byOperator[c.Operator][c.Key], c.Values...)
	}
	w.open('{')
	for _, op := range sortedKeys(byOperator) {
		w.key(op)
		w.open('{')
		keys := byOperator[op]
		for _, k := range sortedKeys(keys) {
			w.key(k)
			w.values(keys[k])
		}
		w.close('}')
	}
	w.close('}')
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SortedUnique returns the values sorted, without duplicates, in a new slice.
func SortedUnique(values []string) []string {
	out := slices.Clone(values)
	slices.Sort(out)
	return slices.Compact(out)
}

// writer writes JSON with or without indentation.
type writer struct {
	b      strings.Builder
	indent bool
	depth  int
	empty  bool // the innermost open object or array has no member yet
}

func (w *writer) newline() {
	if w.indent {
		w.b.WriteByte('\n')
		for range w.depth {
			w.b.WriteString("  ")
		}
	}
}

func (w *writer) open(delim byte) {
	w.b.WriteByte(delim)
	w.depth++
	w.empty = true
}

func (w *writer) close(delim byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b.WriteByte(delim)
	w.empty = false
}

// item starts a member of an object or array.
func (w *writer) item() {
	if !w.empty {
		w.b.WriteByte(',')
	}
	w.empty = false
	w.newline()
}

func (w *writer) key(k string) {
	w.item()
	w.str(k)
	w.b.WriteByte(':')
	if w.indent {
		w.b.WriteByte(' ')
	}
}

// values writes a list sorted and without duplicates, or its only value as a
// plain string.
func (w *writer) values(values []string) {
	values = SortedUnique(values)
	if len(values) == 1 {
		w.str(values[0])
		return
	}
	w.open('[')
	for _, v := range values {
		w.item()
		w.str(v)
	}
	w.close(']')
}

// str writes a JSON string. Unlike encoding/json it leaves <, > and & as
// they are, as IAM and aws_iam_policy_document do.
func (w *writer) str(s string) {
	const hex = "0123456789abcdef"
	w.b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				w.b.WriteByte('\\')
				w.b.WriteByte(c)
			case c == '\n':
				w.b.WriteString(`\n`)
			case c == '\r':
				w.b.WriteString(`\r`)
			case c == '\t':
				w.b.WriteString(`\t`)
			case c < 0x20:
				w.b.WriteString(`\u00`)
				w.b.WriteByte(hex[c>>4])
				w.b.WriteByte(hex[c&0xf])
			default:
				w.b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.b.WriteString(`\ufffd`)
		} else {
			w.b.WriteString(s[i : i+size])
		}
		i += size
	}
	w.b.WriteByte('"')
}
