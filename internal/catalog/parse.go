package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// ParseError is a defect of the catalog page, with the line it is on.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("catalog page, line %d: %s", e.Line, e.Msg) }

func errorAt(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

var (
	actionNamePattern    = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	dependentNamePattern = regexp.MustCompile(`^[a-z0-9-]+:[A-Za-z0-9]+$`)
)

// Parse reads a catalog page strictly: a missing or repeated field, an
// unknown access level, resource type or condition key, a broken JSON block
// or a duplicate action is an error naming its line, never a smaller catalog.
func Parse(page []byte) (*Catalog, error) {
	p := pageParser{lines: strings.Split(strings.TrimSuffix(string(page), "\n"), "\n")}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return pageSpec(p.actions).build()
}

type pageParser struct {
	lines   []string
	next    int // index of the next line to read
	prefix  string
	actions []*Action
	seen    map[string]int // action name -> heading line
	current *actionDraft
}

// actionDraft is an action while its fields are being read; zero lines mean
// "not seen yet".
type actionDraft struct {
	action          Action
	descriptionLine int
	levelLine       int
	typesLine       int
}

// readLine returns the next line and its 1-based number.
func (p *pageParser) readLine() (string, int, bool) {
	if p.next >= len(p.lines) {
		return "", 0, false
	}
	line := strings.TrimSuffix(p.lines[p.next], "\r")
	p.next++
	return line, p.next, true
}

func (p *pageParser) parse() error {
	if err := p.skipFrontMatter(); err != nil {
		return err
	}
	p.seen = map[string]int{}
	inPrivileges := false
	for {
		line, n, ok := p.readLine()
		if !ok {
			break
		}
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "### "):
			if !inPrivileges {
				return errorAt(n, "action heading %q outside the \"## Privileges\" section", line)
			}
			if err := p.startAction(strings.TrimPrefix(line, "### "), n); err != nil {
				return err
			}
		case strings.HasPrefix(line, "## "):
			if err := p.finishAction(); err != nil {
				return err
			}
			inPrivileges = strings.TrimSpace(strings.TrimPrefix(line, "## ")) == "Privileges"
		case strings.HasPrefix(line, "# "):
			if p.current != nil || inPrivileges {
				return errorAt(n, "unexpected title %q inside the privileges", line)
			}
		case strings.HasPrefix(line, "- prefix:"):
			if p.prefix != "" {
				return errorAt(n, "second service prefix")
			}
			p.prefix = strings.TrimSpace(strings.TrimPrefix(line, "- prefix:"))
			if p.prefix != ServicePrefix {
				return errorAt(n, "service prefix is %q; this catalog describes %q", p.prefix, ServicePrefix)
			}
		case p.current != nil:
			if err := p.readField(line, n); err != nil {
				return err
			}
		default:
			return errorAt(n, "unexpected line %q", line)
		}
	}
	if err := p.finishAction(); err != nil {
		return err
	}
	if p.prefix == "" {
		return errorAt(len(p.lines), "the page has no \"- prefix:\" line")
	}
	if len(p.actions) == 0 {
		return errorAt(len(p.lines), "the page lists no actions")
	}
	return nil
}

func (p *pageParser) skipFrontMatter() error {
	if len(p.lines) == 0 || strings.TrimSpace(p.lines[0]) != "---" {
		return nil
	}
	p.next = 1
	for {
		line, _, ok := p.readLine()
		if !ok {
			return errorAt(1, "the front matter opened here is never closed with \"---\"")
		}
		if strings.TrimSpace(line) == "---" {
			return nil
		}
	}
}

func (p *pageParser) startAction(name string, n int) error {
	if err := p.finishAction(); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if !actionNamePattern.MatchString(name) {
		return errorAt(n, "action name %q is not a word of letters and digits starting with a capital", name)
	}
	for seenName, line := range p.seen {
		if strings.EqualFold(seenName, name) {
			return errorAt(n, "duplicate action %s (first at line %d)", name, line)
		}
	}
	p.seen[name] = n
	p.current = &actionDraft{action: Action{Name: name, Line: n}}
	return nil
}

func (p *pageParser) readField(line string, n int) error {
	draft := p.current
	name := draft.action.Name
	switch {
	case strings.HasPrefix(line, "- description:"):
		if draft.descriptionLine != 0 {
			return errorAt(n, "second description for %s (first at line %d)", name, draft.descriptionLine)
		}
		draft.descriptionLine = n
		draft.action.Description = strings.TrimSpace(strings.TrimPrefix(line, "- description:"))
		if draft.action.Description == "" {
			return errorAt(n, "empty description for %s", name)
		}
	case strings.HasPrefix(line, "- access level:"):
		if draft.levelLine != 0 {
			return errorAt(n, "second access level for %s (first at line %d)", name, draft.levelLine)
		}
		draft.levelLine = n
		level := AccessLevel(strings.TrimSpace(strings.TrimPrefix(line, "- access level:")))
		if !slices.Contains(AccessLevels, level) {
			return errorAt(n, "unknown access level %q for %s; known levels: %s", level, name, strings.Join(AccessLevelNames(), ", "))
		}
		draft.action.AccessLevel = level
		draft.action.AccessLevels = []AccessLevel{level}
	case strings.TrimSpace(line) == "- resource types":
		if draft.typesLine != 0 {
			return errorAt(n, "second resource types block for %s (first at line %d)", name, draft.typesLine)
		}
		draft.typesLine = n
		return p.readResourceTypes(draft)
	default:
		return errorAt(n, "unexpected line %q in action %s", line, name)
	}
	return nil
}

// readResourceTypes reads the fenced JSON block that follows "- resource types".
func (p *pageParser) readResourceTypes(draft *actionDraft) error {
	line, n, ok := p.readLine()
	if !ok {
		n = draft.typesLine
	}
	if !ok || strings.TrimSpace(line) != "```" {
		return errorAt(n, "resource types of %s must follow in a ``` block", draft.action.Name)
	}
	fenceLine := n
	var block []string
	for {
		line, _, ok := p.readLine()
		if !ok {
			return errorAt(fenceLine, "code block opened here is never closed")
		}
		if strings.TrimSpace(line) == "```" {
			break
		}
		block = append(block, line)
	}
	return decodeResourceTypes(&draft.action, []byte(strings.Join(block, "\n")), fenceLine+1)
}

// blockDecoder decodes a resource types block token by token, so that every
// error names the line of the key or field at fault.
type blockDecoder struct {
	dec       *json.Decoder
	block     []byte
	firstLine int
	action    string
}

// line is the page line of the decoder's position.
func (b *blockDecoder) line() int {
	offset := min(int(b.dec.InputOffset()), len(b.block))
	return b.firstLine + bytes.Count(b.block[:offset], []byte("\n"))
}

func (b *blockDecoder) invalid(err error) error {
	line := b.line()
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		line = b.firstLine + bytes.Count(b.block[:min(int(syntaxErr.Offset), len(b.block))], []byte("\n"))
	}
	return errorAt(line, "resource types of %s: invalid JSON: %v", b.action, err)
}

// expectDelim reads a token that must be the delimiter want.
func (b *blockDecoder) expectDelim(want json.Delim, what string) error {
	tok, err := b.dec.Token()
	if err != nil {
		return b.invalid(err)
	}
	if tok != want {
		return errorAt(b.line(), "resource types of %s: %s must be a JSON object", b.action, what)
	}
	return nil
}

// key reads an object key and returns it with its line.
func (b *blockDecoder) key() (string, int, error) {
	tok, err := b.dec.Token()
	if err != nil {
		return "", 0, b.invalid(err)
	}
	key, _ := tok.(string)
	return key, b.line(), nil
}

// decodeResourceTypes decodes a block whose first line is page line firstLine.
func decodeResourceTypes(action *Action, block []byte, firstLine int) error {
	b := &blockDecoder{dec: json.NewDecoder(bytes.NewReader(block)), block: block, firstLine: firstLine, action: action.Name}
	if err := b.expectDelim('{', "the block"); err != nil {
		return err
	}
	seen := map[string]bool{}
	var dependents []string
	for b.dec.More() {
		key, line, err := b.key()
		if err != nil {
			return err
		}
		if seen[key] {
			return errorAt(line, "resource type %q appears twice in %s", key, action.Name)
		}
		seen[key] = true
		if key != "" && !knownResourceType(key) {
			return errorAt(line, "%s acts on unknown resource type %q; the ARN facts know %s", action.Name, key, strings.Join(resourceTypeFactNames(), ", "))
		}
		use, err := b.row(key, line)
		if err != nil {
			return err
		}
		dependents = append(dependents, use.DependentActions...)
		if key == "" {
			action.ConditionKeys = use.ConditionKeys
			continue
		}
		action.ResourceTypes = append(action.ResourceTypes, use)
	}
	if _, err := b.dec.Token(); err != nil {
		return b.invalid(err)
	}
	if _, err := b.dec.Token(); err != io.EOF {
		return errorAt(b.line(), "resource types of %s: unexpected text after the JSON object", action.Name)
	}
	if len(seen) == 0 {
		return errorAt(firstLine, "resource types of %s: the block has no rows", action.Name)
	}
	slices.Sort(dependents)
	action.DependentActions = slices.Compact(dependents)
	return nil
}

// row decodes the row of a resource type whose key is on keyLine.
func (b *blockDecoder) row(key string, keyLine int) (ResourceTypeUse, error) {
	use := ResourceTypeUse{ResourceType: key}
	if err := b.expectDelim('{', fmt.Sprintf("row %q", key)); err != nil {
		return use, err
	}
	found := map[string]bool{}
	for b.dec.More() {
		field, line, err := b.key()
		if err != nil {
			return use, err
		}
		if found[field] {
			return use, errorAt(line, "row %q of %s has a second %s", key, b.action, field)
		}
		found[field] = true
		var target any
		switch field {
		case "resource_type":
			var name string
			if err := b.dec.Decode(&name); err != nil {
				return use, errorAt(line, "row %q of %s: resource_type must be a string", key, b.action)
			}
			if name != key {
				return use, errorAt(line, "row %q of %s names resource_type %q", key, b.action, name)
			}
			continue
		case "required":
			target = &use.Required
		case "condition_keys":
			target = &use.ConditionKeys
		case "dependent_actions":
			target = &use.DependentActions
		default:
			return use, errorAt(line, "row %q of %s has unknown field %q", key, b.action, field)
		}
		if err := b.dec.Decode(target); err != nil {
			return use, errorAt(line, "row %q of %s: %s has the wrong type: %v", key, b.action, field, err)
		}
		if err := b.checkValues(field, use, line); err != nil {
			return use, err
		}
	}
	if _, err := b.dec.Token(); err != nil {
		return use, b.invalid(err)
	}
	for _, field := range []string{"resource_type", "required", "condition_keys", "dependent_actions"} {
		if !found[field] {
			return use, errorAt(keyLine, "row %q of %s has no %s", key, b.action, field)
		}
	}
	return use, nil
}

// checkValues checks the names a list field holds.
func (b *blockDecoder) checkValues(field string, use ResourceTypeUse, line int) error {
	switch field {
	case "condition_keys":
		for _, k := range use.ConditionKeys {
			if !knownConditionKey(k) {
				return errorAt(line, "%s names condition key %q, which has no known type", b.action, k)
			}
		}
	case "dependent_actions":
		for _, d := range use.DependentActions {
			if !dependentNamePattern.MatchString(d) {
				return errorAt(line, "%s names dependent action %q, which is not of the form service:Action", b.action, d)
			}
		}
	}
	return nil
}

func (p *pageParser) finishAction() error {
	draft := p.current
	if draft == nil {
		return nil
	}
	p.current = nil
	a := draft.action
	switch {
	case draft.descriptionLine == 0:
		return errorAt(a.Line, "action %s has no description", a.Name)
	case draft.levelLine == 0:
		return errorAt(a.Line, "action %s has no access level", a.Name)
	case draft.typesLine == 0:
		return errorAt(a.Line, "action %s has no resource types", a.Name)
	}
	p.actions = append(p.actions, &a)
	return nil
}

func knownResourceType(name string) bool {
	return slices.Contains(resourceTypeFactNames(), name)
}

func resourceTypeFactNames() []string {
	names := make([]string, len(resourceTypeFacts))
	for i, f := range resourceTypeFacts {
		names[i] = f.name
	}
	return names
}

func knownConditionKey(name string) bool {
	for _, group := range conditionKeyFacts {
		if slices.Contains(group.names, name) {
			return true
		}
	}
	return false
}

// pageSpec joins the page's actions with the ARN facts of its date.
func pageSpec(actions []*Action) *catalogSpec {
	spec := &catalogSpec{name: PolicySentry2020, actions: actions, sources: pageSources}
	for _, f := range resourceTypeFacts {
		spec.resourceTypes = append(spec.resourceTypes, resourceTypeSpec{name: f.name, format: arnPrefixFormat + f.resourcePart, conditionKeys: f.conditionKeys})
	}
	return spec
}
