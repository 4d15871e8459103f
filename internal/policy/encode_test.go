package policy

import (
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	doc := &Document{
		Version: Version2012,
		ID:      "example",
		Statements: []Statement{
			{
				Sid:       "ConnectReadQueue",
				Effect:    Allow,
				Actions:   []string{"connect:GetMetricData", "connect:GetCurrentMetricData", "connect:GetMetricData"},
				Resources: []string{"arn:aws:connect:us-east-1:123456789012:instance/i/queue/q"},
				Conditions: []Condition{
					{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"b", "a"}},
					{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
				},
			},
			{
				Effect:     Deny,
				Principals: []Principal{{Type: "Service", Identifiers: []string{"b.amazonaws.com", "a.amazonaws.com"}}, {Type: "AWS", Identifiers: []string{"*"}}},
				NotActions: []string{"connect:List*"},
				Resources:  []string{"*"},
			},
		},
	}
	want := `{
  "Version": "2012-10-17",
  "Id": "example",
  "Statement": [
    {
      "Sid": "ConnectReadQueue",
      "Effect": "Allow",
      "Action": [
        "connect:GetCurrentMetricData",
        "connect:GetMetricData"
      ],
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/i/queue/q",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true"
        },
        "StringEquals": {
          "aws:ResourceTag/team": [
            "a",
            "b"
          ]
        }
      }
    },
    {
      "Effect": "Deny",
      "Principal": {
        "AWS": "*",
        "Service": [
          "a.amazonaws.com",
          "b.amazonaws.com"
        ]
      },
      "NotAction": "connect:List*",
      "Resource": "*"
    }
  ]
}`
	if got := doc.JSON(); got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	wantMin := `{"Version":"2012-10-17","Id":"example","Statement":[{"Sid":"ConnectReadQueue","Effect":"Allow","Action":["connect:GetCurrentMetricData","connect:GetMetricData"],"Resource":"arn:aws:connect:us-east-1:123456789012:instance/i/queue/q","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:ResourceTag/team":["a","b"]}}},{"Effect":"Deny","Principal":{"AWS":"*","Service":["a.amazonaws.com","b.amazonaws.com"]},"NotAction":"connect:List*","Resource":"*"}]}`
	if got := doc.MinifiedJSON(); got != wantMin {
		t.Errorf("MinifiedJSON =\n%s\nwant\n%s", got, wantMin)
	}
	if Size(doc.JSON()) != len(wantMin) {
		t.Errorf("Size(JSON) = %d, want the minified length %d", Size(doc.JSON()), len(wantMin))
	}
}

func TestJSONEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		doc  *Document
		want string
	}{
		{"no statements", &Document{Version: Version2012}, `{"Version":"2012-10-17","Statement":[]}`},
		{"bare principal", &Document{Statements: []Statement{{Effect: Allow, Principals: []Principal{{Type: "*", Identifiers: []string{"*"}}}}}},
			`{"Statement":[{"Effect":"Allow","Principal":"*"}]}`},
		{"present but empty list", &Document{Statements: []Statement{{Actions: []string{}}}}, `{"Statement":[{"Action":[]}]}`},
		{"no HTML escaping", &Document{Statements: []Statement{{Sid: "a<b>&"}}}, `{"Statement":[{"Sid":"a<b>&"}]}`},
		{"escapes", &Document{Statements: []Statement{{Sid: "q\"b\\n\n\t\x01é"}}}, `{"Statement":[{"Sid":"q\"b\\n\n\t\u0001é"}]}`},
		{"invalid UTF-8", &Document{Statements: []Statement{{Sid: "a\xffb"}}}, `{"Statement":[{"Sid":"a\ufffdb"}]}`},
		{"same operator and key twice", &Document{Statements: []Statement{{Conditions: []Condition{
			{Operator: "StringEquals", Key: "k", Values: []string{"b"}},
			{Operator: "StringEquals", Key: "k", Values: []string{"a"}},
		}}}}, `{"Statement":[{"Condition":{"StringEquals":{"k":["a","b"]}}}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.doc.MinifiedJSON(); got != tt.want {
				t.Errorf("MinifiedJSON = %s, want %s", got, tt.want)
			}
		})
	}
}

// Canonical JSON parses back to a document whose JSON is the same bytes.
func TestJSONRoundTrip(t *testing.T) {
	inputs := []string{
		`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}}`,
		`{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Deny","NotAction":["b","a"],"NotResource":["*"],"Principal":{"AWS":["2","1"]},"Condition":{"Null":{"aws:TagKeys":true},"StringLike":{"k":["*x", "y"]}}}]}`,
		`{"Statement":[{"Effect":"Allow","NotPrincipal":"*","Action":[],"Resource":"\u003c\u0026"}]}`,
	}
	for _, in := range inputs {
		doc, err := Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{doc.JSON(), doc.MinifiedJSON()} {
			again, err := Parse([]byte(out))
			if err != nil {
				t.Fatalf("canonical JSON does not parse: %v\n%s", err, out)
			}
			if again.JSON() != doc.JSON() {
				t.Errorf("round trip changed the policy:\n%s\n%s", doc.JSON(), again.JSON())
			}
		}
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		json string
		want int
	}{
		{`{}`, 2},
		{"{\n  \"a\": \"b c\"\n}", 10},
		{"\t\r\n ", 0},
		{`"é"`, 3},
	}
	for _, tt := range tests {
		if got := Size(tt.json); got != tt.want {
			t.Errorf("Size(%q) = %d, want %d", tt.json, got, tt.want)
		}
	}
}

func TestHasPolicyVariable(t *testing.T) {
	s := Statement{Resources: []string{"arn:aws:connect:*:*:instance/${aws:PrincipalTag/instance}"}}
	if !s.UsesPolicyVariables() {
		t.Error("a resource with ${...} uses a policy variable")
	}
	s = Statement{Conditions: []Condition{{Values: []string{"plain"}}}}
	if s.UsesPolicyVariables() || strings.Contains("", "${") {
		t.Error("no policy variable expected")
	}
}
