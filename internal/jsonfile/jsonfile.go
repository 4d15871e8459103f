// Package jsonfile reads and writes the project's generated data files and
// their sources: strictly (unknown fields and trailing data are errors that
// name their line), and byte for byte the same for the same value.
package jsonfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// DecodeStrict decodes one JSON value into v, refusing unknown fields and
// anything after the value; what names the file in errors.
func DecodeStrict(data []byte, v any, what string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syntaxErr *json.SyntaxError
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntaxErr):
			return fmt.Errorf("%s, line %d: invalid JSON: %v", what, LineAt(data, int(syntaxErr.Offset)), err)
		case errors.As(err, &typeErr):
			return fmt.Errorf("%s, line %d: %s must be %s, not %s", what, LineAt(data, int(typeErr.Offset)), typeErr.Field, typeErr.Type, typeErr.Value)
		}
		return fmt.Errorf("%s: %v", what, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%s: unexpected data after the JSON object (line %d)", what, LineAt(data, int(dec.InputOffset())))
	}
	return nil
}

// EncodeIndented writes v as JSON indented by two spaces, with a final
// newline and HTML characters as they are.
func EncodeIndented(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// LineAt is the line, counted from 1, of a byte offset in data.
func LineAt(data []byte, offset int) int {
	return 1 + bytes.Count(data[:min(max(offset, 0), len(data))], []byte("\n"))
}
