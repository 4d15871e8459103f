package policy

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		json string
		want *Document
	}{
		{
			name: "single statement with plain strings",
			json: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}}`,
			want: &Document{Version: "2012-10-17", Statements: []Statement{{Effect: "Allow", Actions: []string{"connect:ListUsers"}, Resources: []string{"*"}}}},
		},
		{
			name: "every element",
			json: `{
  "Version": "2012-10-17",
  "Id": "p1",
  "Statement": [
    {
      "Sid": "One",
      "Effect": "Deny",
      "Principal": {"AWS": ["arn:aws:iam::123456789012:root"], "Service": "lambda.amazonaws.com"},
      "NotAction": ["s3:*"],
      "NotResource": "arn:aws:s3:::b",
      "Condition": {
        "Bool": {"aws:SecureTransport": false},
        "NumericLessThan": {"aws:MultiFactorAuthAge": [3600, "7200"]}
      }
    },
    {"Effect": "Allow", "NotPrincipal": "*", "Action": [], "Resource": ["a", "b"]}
  ]
}`,
			want: &Document{Version: "2012-10-17", ID: "p1", Statements: []Statement{
				{
					Sid: "One", Effect: "Deny",
					Principals: []Principal{{Type: "AWS", Identifiers: []string{"arn:aws:iam::123456789012:root"}}, {Type: "Service", Identifiers: []string{"lambda.amazonaws.com"}}},
					NotActions: []string{"s3:*"}, NotResources: []string{"arn:aws:s3:::b"},
					Conditions: []Condition{
						{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"false"}},
						{Operator: "NumericLessThan", Key: "aws:MultiFactorAuthAge", Values: []string{"3600", "7200"}},
					},
				},
				{Effect: "Allow", NotPrincipals: []Principal{{Type: "*", Identifiers: []string{"*"}}}, Actions: []string{}, Resources: []string{"a", "b"}},
			}},
		},
		{
			name: "empty statement list",
			json: `{"Statement":[]}`,
			want: &Document{Statements: []Statement{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		json      string
		line, col int
		path      string
		msg       string
	}{
		{"empty", ``, 1, 1, "", "the policy is empty"},
		{"not JSON", `{"Statement": [}`, 1, 16, "", "invalid JSON: invalid character '}'"},
		{"truncated", "{\n  \"Statement\": [\n", 2, 17, "", "the text ends before the policy does"},
		{"trailing text", `{"Statement": []} x`, 1, 19, "", "invalid JSON"},
		{"not an object", `["a"]`, 1, 1, "", "a policy must be a JSON object, not a list"},
		{"no statement", `{"Version": "2012-10-17"}`, 1, 1, "", "the policy has no Statement element"},
		{"duplicate key", "{\"Statement\": [],\n \"Statement\": []}", 2, 2, "", `duplicate key "Statement"`},
		{"unknown top-level element", `{"Statement": [], "Versions": "x"}`, 1, 19, "", `unknown element "Versions" (did you mean "Version"?)`},
		{"unknown statement element", "{\"Statement\": [{\"Effect\": \"Allow\",\n \"Actions\": \"x\"}]}", 2, 2, "Statement[0]", `unknown element "Actions" (did you mean "Action"?)`},
		{"action of the wrong type", `{"Statement": [{"Action": 5}]}`, 1, 27, "Statement[0].Action", "must be a string or a list of strings, not a number"},
		{"resource element of the wrong type", `{"Statement": [{"Resource": ["a", null]}]}`, 1, 35, "Statement[0].Resource[1]", "must be a string, not null"},
		{"statement of the wrong type", `{"Statement": "x"}`, 1, 15, "Statement", "must be an object or a list of objects, not a string"},
		{"statement item of the wrong type", `{"Statement": [1]}`, 1, 16, "Statement[0]", "a statement must be an object, not a number"},
		{"sid of the wrong type", `{"Statement": {"Sid": 1}}`, 1, 23, "Statement.Sid", "must be a string, not a number"},
		{"principal string", `{"Statement": {"Principal": "arn:aws:iam::1:root"}}`, 1, 29, "Statement.Principal", `a principal given as a string must be "*"`},
		{"condition not an object", `{"Statement": {"Condition": ["x"]}}`, 1, 29, "Statement.Condition", "must be an object of operators, not a list"},
		{"condition keys not an object", `{"Statement": {"Condition": {"Bool": true}}}`, 1, 38, "Statement.Condition.Bool", "must be an object of condition keys, not a boolean"},
		{"too deep", `{"Statement": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, 1, 46, "", "the JSON nests deeper than 32 levels"},
		{"condition value an object", `{"Statement": {"Condition": {"Bool": {"aws:SecureTransport": {}}}}}`, 1, 62, "Statement.Condition.Bool.aws:SecureTransport", "must be a string, number or boolean, not an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json))
			var parseErr *ParseError
			if !errors.As(err, &parseErr) {
				t.Fatalf("error = %v, want a ParseError", err)
			}
			if parseErr.Line != tt.line || parseErr.Column != tt.col || parseErr.Path != tt.path || !strings.Contains(parseErr.Msg, tt.msg) {
				t.Errorf("error = %d:%d %q %q, want %d:%d %q containing %q", parseErr.Line, parseErr.Column, parseErr.Path, parseErr.Msg, tt.line, tt.col, tt.path, tt.msg)
			}
		})
	}
}
