package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// An ARN pattern and an ARN format are both compiled to atoms; whether some
// ARN of a type matches a pattern is then whether the two automata accept a
// common string, found by a search of their product.

type atomKind uint8

const (
	atomLiteral   atomKind = iota // one given rune
	atomOne                       // pattern ?: any one rune
	atomMany                      // pattern *: any run, even empty
	atomClass                     // format variable: one rune of a class
	atomClassMany                 // format variable: any run of a class
)

type charClass uint8

const (
	classWord  charClass = iota // partition and region: a-z, 0-9, -
	classDigit                  // account: 0-9
	classID                     // resource ids: anything but / and :
	classAny                    // a pattern's wildcards: any rune
)

func (c charClass) has(r rune) bool {
	switch c {
	case classWord:
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-'
	case classDigit:
		return '0' <= r && r <= '9'
	case classAny:
		return true
	default:
		return r != '/' && r != ':'
	}
}

type atom struct {
	kind  atomKind
	r     rune
	class charClass
}

// arnTemplate is a compiled ARN format: segments for building and splitting
// ARNs, atoms for matching patterns.
type arnTemplate struct {
	segments []templateSegment
	atoms    []atom
	// service and resourceHead are the format's service and the literal
	// start of its resource part, such as "instance/", for a quick test
	// before the search.
	service, resourceHead string
}

// patternHead is what a pattern fixes before its first wildcard or
// variable: its service and the literal start of its resource part, each
// known only if no wildcard comes before it.
type patternHead struct {
	service, resource           string
	serviceKnown, resourceKnown bool
}

// literalHead reads the head of an ARN pattern.
func literalHead(arn string) patternHead {
	var h patternHead
	cut := len(arn)
	if i := strings.IndexAny(arn, "*?$"); i >= 0 {
		cut = i
	}
	fields := strings.SplitN(arn[:cut], ":", 6)
	if len(fields) > 3 {
		h.service, h.serviceKnown = fields[2], true
	}
	if len(fields) == 6 {
		h.resource, h.resourceKnown = fields[5], true
	}
	return h
}

// excludes reports whether no ARN of the template can match a pattern with
// this head: another service, or a resource part that starts otherwise.
// The search decides every case this does not.
func (t arnTemplate) excludes(h patternHead) bool {
	if h.serviceKnown && h.service != t.service {
		return true
	}
	if !h.resourceKnown {
		return false
	}
	n := min(len(h.resource), len(t.resourceHead))
	return h.resource[:n] != t.resourceHead[:n]
}

// templateSegment is literal text or a variable part.
type templateSegment struct {
	literal string
	part    string // snake-case part name, such as "instance_id"
	// freeForm: the part may hold slashes and colons (see freeFormParts).
	freeForm bool
}

// freeFormParts are the ids of ARN formats whose values hold slashes or
// colons: S3 object keys, log groups and streams (and a log group as
// policies write it, with ":*"), partner event buses and sources
// (aws.partner/...), SSM parameters (a/b/c), secret names, KMS aliases
// (alias/aws/s3) and CloudWatch alarm names; and, by their name, those with
// a path (IAM's role/${RoleNameWithPath} is role/service-role/x). Every
// other id is a run of anything but / and :, so that s3:ListBucket on
// bucket/* is seen to fit no bucket.
var freeFormParts = []string{
	"ObjectName", "LogGroupName", "LogStreamName", "EventBusName", "EventSourceName",
	"ParameterNameWithoutLeadingSlash", "SecretId", "Alias", "AlarmName",
}

// freeFormPart reports whether an id of an ARN format may hold slashes and
// colons.
func freeFormPart(name string) bool {
	return strings.HasSuffix(name, "Path") || slices.Contains(freeFormParts, name)
}

// literalLength is how much of the format is literal text.
func (t arnTemplate) literalLength() int {
	n := 0
	for _, seg := range t.segments {
		n += len(seg.literal)
	}
	return n
}

// compileTemplate compiles an ARN format. Ids take a non-empty run of
// anything but / and :, or of anything at all for a free-form part. In the
// account field, ${AccountId} (as Chime writes it) is the account.
func compileTemplate(format string) (arnTemplate, error) {
	var t arnTemplate
	if fields := strings.SplitN(format, ":", 6); len(fields) == 6 {
		t.service = fields[2]
		t.resourceHead, _, _ = strings.Cut(fields[5], "${")
	}
	rest := format
	for rest != "" {
		start := strings.Index(rest, "${")
		if start < 0 {
			start = len(rest)
		}
		if start > 0 {
			t.segments = append(t.segments, templateSegment{literal: rest[:start]})
			for _, r := range rest[:start] {
				t.atoms = append(t.atoms, atom{kind: atomLiteral, r: r})
			}
			rest = rest[start:]
			continue
		}
		end := strings.Index(rest, "}")
		if end < 0 {
			return arnTemplate{}, fmt.Errorf("unterminated variable in %q", format)
		}
		name := rest[2:end]
		inAccountField := strings.Count(format[:len(format)-len(rest)], ":") == 4
		rest = rest[end+1:]
		seg := templateSegment{part: snakeCase(name)}
		class := classID
		switch {
		case name == "Partition", name == "Region":
			class = classWord
		case name == "Account", name == "AccountId" && inAccountField:
			class, seg.part = classDigit, "account"
		case freeFormPart(name):
			class, seg.freeForm = classAny, true
		}
		t.segments = append(t.segments, seg)
		t.atoms = append(t.atoms, atom{kind: atomClass, class: class}, atom{kind: atomClassMany, class: class})
	}
	return t, nil
}

// split matches an ARN's six fields against the format's shape and returns
// the parts: each variable takes a non-empty run, up to a separator unless
// it is free-form, the longest that lets the rest match. Wildcards in a
// value are kept as they are.
func (t arnTemplate) split(fields []string) (map[string]string, bool) {
	parts := map[string]string{}
	if !t.splitFrom(strings.Join(fields, ":"), 0, parts) {
		return nil, false
	}
	return parts, true
}

func (t arnTemplate) splitFrom(rest string, i int, parts map[string]string) bool {
	if i == len(t.segments) {
		return rest == ""
	}
	seg := t.segments[i]
	if seg.part == "" {
		after, ok := strings.CutPrefix(rest, seg.literal)
		return ok && t.splitFrom(after, i+1, parts)
	}
	limit := len(rest)
	if !seg.freeForm {
		if j := strings.IndexAny(rest, ":/"); j >= 0 {
			limit = j
		}
	}
	for end := limit; end > 0; end-- {
		if t.splitFrom(rest[end:], i+1, parts) {
			parts[seg.part] = rest[:end]
			return true
		}
	}
	return false
}

// compilePattern compiles an ARN pattern as IAM reads a Resource: * and ?
// are wildcards, ${*}, ${?} and ${$} stand for those characters, and any
// other policy variable may hold any value.
func compilePattern(s string) []atom {
	atoms := make([]atom, 0, len(s))
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r == '$' && i+1 < len(runes) && runes[i+1] == '{' {
			if end := indexRune(runes[i:], '}'); end > 0 {
				name := string(runes[i+2 : i+end])
				i += end
				if name == "*" || name == "?" || name == "$" {
					atoms = append(atoms, atom{kind: atomLiteral, r: rune(name[0])})
				} else {
					atoms = append(atoms, atom{kind: atomMany})
				}
				continue
			}
		}
		switch r {
		case '*':
			atoms = append(atoms, atom{kind: atomMany})
		case '?':
			atoms = append(atoms, atom{kind: atomOne})
		default:
			atoms = append(atoms, atom{kind: atomLiteral, r: r})
		}
	}
	return atoms
}

func indexRune(runes []rune, r rune) int {
	for i, x := range runes {
		if x == r {
			return i
		}
	}
	return -1
}

// searchSpace holds the memory of intersects, reused from one template to
// the next.
type searchSpace struct {
	visited []bool
	stack   []int
}

// intersects reports whether some string matches both the pattern and the
// template, by a depth-first search over pairs of positions.
func (sp *searchSpace) intersects(pattern, template []atom) bool {
	width := len(template) + 1
	size := (len(pattern) + 1) * width
	if cap(sp.visited) < size {
		sp.visited = make([]bool, size)
	}
	visited := sp.visited[:size]
	clear(visited)
	stack := append(sp.stack[:0], 0)
	defer func() { sp.stack = stack[:0] }()
	push := func(p, t int) {
		if i := p*width + t; !visited[i] {
			visited[i] = true
			stack = append(stack, i)
		}
	}
	visited[0] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p, t := i/width, i%width
		if p == len(pattern) && t == len(template) {
			return true
		}
		// Moves that consume nothing: * matching the empty string, a
		// variable's optional run ending.
		if p < len(pattern) && pattern[p].kind == atomMany {
			push(p+1, t)
		}
		if t < len(template) && template[t].kind == atomClassMany {
			push(p, t+1)
		}
		if p == len(pattern) || t == len(template) || !compatible(pattern[p], template[t]) {
			continue
		}
		nextP, nextT := p+1, t+1
		if pattern[p].kind == atomMany {
			nextP = p
		}
		if template[t].kind == atomClassMany {
			nextT = t
		}
		push(nextP, nextT)
	}
	return false
}

// PatternsIntersect reports whether some ARN matches both Resource
// patterns, as IAM matches them: whether a statement on one can reach a
// resource of the other.
func PatternsIntersect(a, b string) bool {
	if a == "*" || b == "*" || a == b {
		return true
	}
	var scratch searchSpace
	return scratch.intersects(compilePattern(a), patternAsTemplate(b))
}

// patternAsTemplate turns a pattern's atoms into a template's, whose
// wildcards match any rune.
func patternAsTemplate(s string) []atom {
	atoms := compilePattern(s)
	for i, a := range atoms {
		switch a.kind {
		case atomOne:
			atoms[i] = atom{kind: atomClass, class: classAny}
		case atomMany:
			atoms[i] = atom{kind: atomClassMany, class: classAny}
		}
	}
	return atoms
}

// compatible reports whether some rune can be consumed by both atoms.
func compatible(p, t atom) bool {
	if p.kind != atomLiteral {
		return true // ? and * accept any rune, and every class has one
	}
	if t.kind == atomLiteral {
		return p.r == t.r
	}
	return t.class.has(p.r)
}

// snakeCase turns "InstanceId" into "instance_id" and "AIAgentId" into
// "ai_agent_id": a word starts at a capital that follows a small letter,
// or that ends a run of capitals and is followed by a small letter.
func snakeCase(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		if unicode.IsUpper(r) && i > 0 {
			prevLower := unicode.IsLower(runes[i-1])
			endsAcronym := unicode.IsUpper(runes[i-1]) && i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if prevLower || endsAcronym {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
