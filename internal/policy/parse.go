package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ParseError is a policy that cannot be read, with where: a line and column
// in the JSON and, for a misplaced value, the element's path such as
// "Statement[1].Action".
type ParseError struct {
	Line, Column int
	Path         string
	Msg          string
}

func (e *ParseError) Error() string {
	where := fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	if e.Path != "" {
		where += ", " + e.Path
	}
	return where + ": " + e.Msg
}

// value is a parsed JSON value with its position, keeping object keys in
// order so that errors can say where they are.
type value struct {
	kind      valueKind
	offset    int64 // where the value starts
	text      string
	keys      []string
	keyOffset []int64
	fields    []*value
	items     []*value
}

type valueKind uint8

const (
	kindNull valueKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k valueKind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "a list", "an object"}[k]
}

// Parse reads an IAM policy. It rejects bad JSON, duplicate keys, unknown
// elements and values of the wrong type; whether the elements make a valid
// statement (an Effect, one of Action and NotAction, ...) is for the checker.
func Parse(data []byte) (*Document, error) {
	p := &parser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	if end := p.nextOffset(); end < int64(len(p.data)) {
		return nil, p.errorAt(end, "", "invalid JSON: unexpected text after the policy")
	}
	return p.document(root)
}

type parser struct {
	data  []byte
	dec   *json.Decoder
	depth int
}

// maxDepth bounds the nesting of a policy: a real one nests four deep
// (Statement, statement, Condition, operator, values).
const maxDepth = 32

func (p *parser) errorAt(offset int64, path, format string, args ...any) error {
	offset = min(max(offset, 0), int64(len(p.data)))
	before := p.data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	column := len(before) - bytes.LastIndexByte(before, '\n')
	return &ParseError{Line: line, Column: column, Path: path, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) syntaxError(err error) error {
	offset := p.dec.InputOffset()
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		offset = syntaxErr.Offset
	}
	msg := "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
	switch {
	case err == io.EOF && offset == 0:
		msg = "the policy is empty"
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		msg = "invalid JSON: the text ends before the policy does"
	}
	return p.errorAt(offset, "", "%s", msg)
}

// nextOffset is where the next token starts: past white space and the
// separators that the decoder consumes with it.
func (p *parser) nextOffset() int64 {
	offset := p.dec.InputOffset()
	for offset < int64(len(p.data)) && strings.IndexByte(" \t\r\n,:", p.data[offset]) >= 0 {
		offset++
	}
	return offset
}

func (p *parser) value() (*value, error) {
	start := p.nextOffset()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(err)
	}
	v := &value{offset: start}
	switch t := tok.(type) {
	case nil:
		v.kind = kindNull
	case bool:
		v.kind, v.text = kindBool, fmt.Sprint(t)
	case json.Number:
		v.kind, v.text = kindNumber, t.String()
	case string:
		v.kind, v.text = kindString, t
	case json.Delim:
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorAt(start, "", "the JSON nests deeper than %d levels, which no policy does", maxDepth)
		}
		defer func() { p.depth-- }()
		if t == '[' {
			v.kind = kindArray
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, item)
			}
		} else {
			v.kind = kindObject
			for p.dec.More() {
				keyStart := p.nextOffset()
				keyTok, err := p.dec.Token()
				if err != nil {
					return nil, p.syntaxError(err)
				}
				key, _ := keyTok.(string)
				if slices.Contains(v.keys, key) {
					return nil, p.errorAt(keyStart, "", "duplicate key %q", key)
				}
				field, err := p.value()
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.keyOffset = append(v.keyOffset, keyStart)
				v.fields = append(v.fields, field)
			}
		}
		if _, err := p.dec.Token(); err != nil {
			return nil, p.syntaxError(err)
		}
	}
	return v, nil
}

// element finds the value of a key whose name matches exactly.
func (v *value) element(key string) *value {
	if i := slices.Index(v.keys, key); i >= 0 {
		return v.fields[i]
	}
	return nil
}

// checkKeys rejects keys outside allowed, suggesting a key that differs only
// in case or by a trailing s.
func (p *parser) checkKeys(v *value, path string, allowed []string) error {
	for i, key := range v.keys {
		if slices.Contains(allowed, key) {
			continue
		}
		hint := ""
		for _, a := range allowed {
			if strings.EqualFold(strings.TrimSuffix(key, "s"), strings.TrimSuffix(a, "s")) {
				hint = fmt.Sprintf(" (did you mean %q?)", a)
			}
		}
		return p.errorAt(v.keyOffset[i], path, "unknown element %q%s; expected one of %s", key, hint, strings.Join(allowed, ", "))
	}
	return nil
}

func (p *parser) document(root *value) (*Document, error) {
	if root.kind != kindObject {
		return nil, p.errorAt(root.offset, "", "a policy must be a JSON object, not %s", root.kind)
	}
	if err := p.checkKeys(root, "", []string{"Version", "Id", "Statement"}); err != nil {
		return nil, err
	}
	doc := &Document{}
	var err error
	if doc.Version, err = p.optionalString(root, "Version", ""); err != nil {
		return nil, err
	}
	if doc.ID, err = p.optionalString(root, "Id", ""); err != nil {
		return nil, err
	}
	statements := root.element("Statement")
	switch {
	case statements == nil:
		return nil, p.errorAt(root.offset, "", "the policy has no Statement element")
	case statements.kind == kindObject:
		s, err := p.statement(statements, "Statement")
		if err != nil {
			return nil, err
		}
		doc.Statements = []Statement{s}
	case statements.kind == kindArray:
		doc.Statements = make([]Statement, 0, len(statements.items))
		for i, item := range statements.items {
			s, err := p.statement(item, fmt.Sprintf("Statement[%d]", i))
			if err != nil {
				return nil, err
			}
			doc.Statements = append(doc.Statements, s)
		}
	default:
		return nil, p.errorAt(statements.offset, "Statement", "must be an object or a list of objects, not %s", statements.kind)
	}
	return doc, nil
}

var statementKeys = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}

func (p *parser) statement(v *value, path string) (Statement, error) {
	var s Statement
	if v.kind != kindObject {
		return s, p.errorAt(v.offset, path, "a statement must be an object, not %s", v.kind)
	}
	if err := p.checkKeys(v, path, statementKeys); err != nil {
		return s, err
	}
	var err error
	if s.Sid, err = p.optionalString(v, "Sid", path+"."); err != nil {
		return s, err
	}
	if s.Effect, err = p.optionalString(v, "Effect", path+"."); err != nil {
		return s, err
	}
	lists := []struct {
		key    string
		target *[]string
	}{
		{"Action", &s.Actions}, {"NotAction", &s.NotActions},
		{"Resource", &s.Resources}, {"NotResource", &s.NotResources},
	}
	for _, l := range lists {
		if e := v.element(l.key); e != nil {
			if *l.target, err = p.stringList(e, path+"."+l.key); err != nil {
				return s, err
			}
		}
	}
	if e := v.element("Principal"); e != nil {
		if s.Principals, err = p.principals(e, path+".Principal"); err != nil {
			return s, err
		}
	}
	if e := v.element("NotPrincipal"); e != nil {
		if s.NotPrincipals, err = p.principals(e, path+".NotPrincipal"); err != nil {
			return s, err
		}
	}
	if e := v.element("Condition"); e != nil {
		if s.Conditions, err = p.conditions(e, path+".Condition"); err != nil {
			return s, err
		}
	}
	return s, nil
}

func (p *parser) optionalString(v *value, key, pathPrefix string) (string, error) {
	e := v.element(key)
	if e == nil {
		return "", nil
	}
	if e.kind != kindString {
		return "", p.errorAt(e.offset, pathPrefix+key, "must be a string, not %s", e.kind)
	}
	return e.text, nil
}

// stringList reads a string or a list of strings.
func (p *parser) stringList(v *value, path string) ([]string, error) {
	if v.kind == kindString {
		return []string{v.text}, nil
	}
	if v.kind != kindArray {
		return nil, p.errorAt(v.offset, path, "must be a string or a list of strings, not %s", v.kind)
	}
	out := make([]string, 0, len(v.items))
	for i, item := range v.items {
		if item.kind != kindString {
			return nil, p.errorAt(item.offset, fmt.Sprintf("%s[%d]", path, i), "must be a string, not %s", item.kind)
		}
		out = append(out, item.text)
	}
	return out, nil
}

func (p *parser) principals(v *value, path string) ([]Principal, error) {
	if v.kind == kindString {
		if v.text != "*" {
			return nil, p.errorAt(v.offset, path, `a principal given as a string must be "*"; name others in an object such as {"AWS": "arn:..."}`)
		}
		return []Principal{{Type: "*", Identifiers: []string{"*"}}}, nil
	}
	if v.kind != kindObject {
		return nil, p.errorAt(v.offset, path, `must be "*" or an object such as {"AWS": "arn:..."}, not %s`, v.kind)
	}
	out := make([]Principal, 0, len(v.keys))
	for i, key := range v.keys {
		ids, err := p.stringList(v.fields[i], path+"."+key)
		if err != nil {
			return nil, err
		}
		out = append(out, Principal{Type: key, Identifiers: ids})
	}
	return out, nil
}

func (p *parser) conditions(v *value, path string) ([]Condition, error) {
	if v.kind != kindObject {
		return nil, p.errorAt(v.offset, path, "must be an object of operators, not %s", v.kind)
	}
	var out []Condition
	for i, operator := range v.keys {
		keys := v.fields[i]
		opPath := path + "." + operator
		if keys.kind != kindObject {
			return nil, p.errorAt(keys.offset, opPath, "must be an object of condition keys, not %s", keys.kind)
		}
		for j, key := range keys.keys {
			values, err := p.conditionValues(keys.fields[j], opPath+"."+key)
			if err != nil {
				return nil, err
			}
			out = append(out, Condition{Operator: operator, Key: key, Values: values})
		}
	}
	return out, nil
}

// conditionValues reads a value or a list of values; booleans and numbers
// become their JSON text, which is how IAM compares them.
func (p *parser) conditionValues(v *value, path string) ([]string, error) {
	scalar := func(item *value, at string) (string, error) {
		switch item.kind {
		case kindString, kindBool, kindNumber:
			return item.text, nil
		}
		return "", p.errorAt(item.offset, at, "must be a string, number or boolean, not %s", item.kind)
	}
	if v.kind != kindArray {
		s, err := scalar(v, path)
		return []string{s}, err
	}
	out := make([]string, 0, len(v.items))
	for i, item := range v.items {
		s, err := scalar(item, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
