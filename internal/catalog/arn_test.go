package catalog

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

const testPrefix = "arn:aws:connect:us-east-1:123456789012:"

var childTypes = []string{"contact", "user", "routing-profile", "security-profile", "hierarchy-group", "queue", "contact-flow", "hours-of-operation", "phone-number"}

func TestResolveARN(t *testing.T) {
	c := mustCatalog(t)
	all := c.ResourceTypeNames()
	tests := []struct {
		arn   string
		kind  ARNKind
		types []string
		// problem is a fragment of the explanation, for the other kinds.
		problem string
	}{
		{"*", ARNResource, all, ""},
		{testPrefix + "instance/abc", ARNResource, []string{"instance"}, ""},
		{testPrefix + "instance/abc/queue/q1", ARNResource, []string{"queue"}, ""},
		{testPrefix + "instance/abc/agent/u1", ARNResource, []string{"user"}, ""},
		{testPrefix + "instance/abc/agent-group/g1", ARNResource, []string{"hierarchy-group"}, ""},
		{testPrefix + "instance/abc/operating-hours/h1", ARNResource, []string{"hours-of-operation"}, ""},
		{testPrefix + "instance/abc/phone-numbers/p1", ARNResource, []string{"phone-number"}, ""},
		{testPrefix + "instance/abc/contact-flow/f1", ARNResource, []string{"contact-flow"}, ""},
		{testPrefix + "instance/abc/*", ARNResource, childTypes, ""},
		{testPrefix + "instance/abc/queue/*", ARNResource, []string{"queue"}, ""},
		{testPrefix + "instance/*", ARNResource, all, ""},
		{testPrefix + "instance/???", ARNResource, []string{"instance"}, ""},
		{testPrefix + "instance/abc/contact*", ARNResource, []string{"contact", "contact-flow"}, ""},
		{testPrefix + "*", ARNResource, all, ""},
		{"arn:aws:connect:*:*:instance/abc", ARNResource, []string{"instance"}, ""},
		{"arn:*:connect:*:*:instance/*/queue/*", ARNResource, []string{"queue"}, ""},
		{"arn:aws:connect:*", ARNResource, all, ""},
		{"arn:aws-cn:connect:cn-north-1:123456789012:instance/abc", ARNResource, []string{"instance"}, ""},
		{"arn:aws:connect:us-east-1:1234567890??:instance/abc", ARNResource, []string{"instance"}, ""},
		{"arn:aws:connect:*:*:instance/${aws:PrincipalTag/instance}/agent/${aws:userid}", ARNResource, []string{"user"}, ""},
		{"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1/extra", ARNNoType, nil, "fits no Connect resource type"},
		{testPrefix + "instance/abc/queue", ARNNoType, nil, "fits no Connect resource type"},
		{testPrefix + "instance/abc/queues/q1", ARNNoType, nil, `"queues" is not a Connect resource word after instance/<id>/ (did you mean queue?`},
		{testPrefix + "instance/abc/agents/u1", ARNNoType, nil, "did you mean agent?"},
		{testPrefix + "instance/abc/hierarchy-group/g1", ARNNoType, nil, "did you mean agent-group?"},
		{testPrefix + "queue/q1", ARNNoType, nil, "starts with none of the words of Connect ARNs (instance/)"},
		{testPrefix + "instance/", ARNNoType, nil, "fits no"},
		{"arn:aws:s3:::my-bucket", ARNOtherService, nil, "is an ARN of s3"},
		{"arn:aws:lambda:us-east-1:123456789012:function:f", ARNOtherService, nil, "is an ARN of lambda"},
		{"queue/q1", ARNMalformed, nil, `does not start with "arn:"`},
		{"ARN:aws:connect:us-east-1:123456789012:instance/abc", ARNMalformed, nil, `does not start with "arn:"`},
		{"arn:aws:connect:us-east-1:123456789012", ARNMalformed, nil, "has 5 of the 6 colon-separated fields"},
		{"arn:awz:connect:us-east-1:123456789012:instance/abc", ARNMalformed, nil, `partition "awz"`},
		{"arn:aws::us-east-1:123456789012:instance/abc", ARNMalformed, nil, "has no service"},
		{"arn:aws:connect::123456789012:instance/abc", ARNMalformed, nil, "has no region"},
		{"arn:aws:connect:US-EAST-1:123456789012:instance/abc", ARNMalformed, nil, `region "US-EAST-1"`},
		{"arn:aws:connect:us-east-1:12345:instance/abc", ARNMalformed, nil, `account "12345" is not a 12-digit account ID`},
		{"arn:aws:connect:us-east-1:12345678901a:instance/abc", ARNMalformed, nil, "is not a 12-digit"},
		{"arn:aws:connect:us-east-1:12345?:instance/abc", ARNMalformed, nil, "is not a 12-digit"},
		{"arn:aws:connect:us-east-1::instance/abc", ARNMalformed, nil, "has no account"},
		{"arn:aws:connect:us-east-1:123456789012:", ARNMalformed, nil, "has no resource part"},
		{"", ARNMalformed, nil, `does not start with "arn:"`},
		// Found by FuzzResolveARN: ARN fields match in the same case only.
		{"arn:a*B:connect:*:*:instance/0/agent/0", ARNMalformed, nil, `partition "a*B" is not an AWS partition`},
		{"arn:aws:CONNECT:us-east-1:123456789012:instance/abc", ARNOtherService, nil, "is an ARN of CONNECT, not of connect"},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			checkResolution(t, c.ResolveARN(tt.arn), tt.kind, tt.types, tt.problem)
		})
	}
}

// checkResolution checks a resolution's kind, types and, for the kinds
// that have one, that its problem contains a fragment.
func checkResolution(t *testing.T, got ARNResolution, kind ARNKind, types []string, problem string) {
	t.Helper()
	if got.Kind != kind {
		t.Fatalf("kind = %d, want %d (%+v)", got.Kind, kind, got)
	}
	if !slices.Equal(got.Types, types) {
		t.Errorf("types = %v, want %v", got.Types, types)
	}
	if !strings.Contains(got.Problem, problem) {
		t.Errorf("problem = %q, want it to contain %q", got.Problem, problem)
	}
}

func TestResolveARNDenotes(t *testing.T) {
	res := mustCatalog(t).ResolveARN(testPrefix + "instance/abc/queue/q1")
	if !res.Denotes("queue") || res.Denotes("instance") {
		t.Errorf("a queue ARN must denote a queue and not an instance: %+v", res)
	}
}

func TestResourceTypeParts(t *testing.T) {
	c := mustCatalog(t)
	tests := map[string][]string{
		"instance":           {"partition", "region", "account", "instance_id"},
		"queue":              {"partition", "region", "account", "instance_id", "queue_id"},
		"user":               {"partition", "region", "account", "instance_id", "user_id"},
		"hours-of-operation": {"partition", "region", "account", "instance_id", "hours_of_operation_id"},
	}
	for name, want := range tests {
		rt, _ := c.ResourceType(name)
		if got := rt.Parts(); !slices.Equal(got, want) {
			t.Errorf("%s parts = %v, want %v", name, got, want)
		}
	}
}

func TestBuildARN(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		resourceType string
		parts        map[string]string
		want         string
		err          string
	}{
		{"queue", map[string]string{"region": "us-east-1", "account": "123456789012", "instance_id": "abc", "queue_id": "q1"}, testPrefix + "instance/abc/queue/q1", ""},
		{"user", map[string]string{"partition": "aws-us-gov", "region": "us-gov-west-1", "account": "123456789012", "instance_id": "abc", "user_id": "*"}, "arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/abc/agent/*", ""},
		{"instance", map[string]string{"region": "*", "account": "*", "instance_id": "*"}, "arn:aws:connect:*:*:instance/*", ""},
		{"queue", map[string]string{"region": "us-east-1", "account": "123456789012", "instance_id": "abc"}, "", "queue ARN needs queue_id"},
		{"queue", map[string]string{"region": "us-east-1", "account": "123456789012", "instance_id": "abc", "queue_id": "q", "user_id": "u"}, "", `queue ARN has no part "user_id"`},
		{"queue", map[string]string{"region": "us-east-1", "account": "123456789012", "instance_id": "abc/queue", "queue_id": "q"}, "", "may not contain a slash or a colon"},
		{"queue", map[string]string{"region": "us-east-1", "account": "1234", "instance_id": "abc", "queue_id": "q"}, "", `account "1234" is not a 12-digit account ID`},
	}
	for _, tt := range tests {
		t.Run(tt.want+tt.err, func(t *testing.T) {
			rt, _ := c.ResourceType(tt.resourceType)
			got, err := c.BuildARN(rt, tt.parts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("BuildARN = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParseARN(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		arn       string
		wantType  string
		wantParts map[string]string
		err       string
	}{
		{testPrefix + "instance/abc/queue/q1", "queue", map[string]string{"partition": "aws", "region": "us-east-1", "account": "123456789012", "instance_id": "abc", "queue_id": "q1"}, ""},
		{testPrefix + "instance/abc", "instance", map[string]string{"partition": "aws", "region": "us-east-1", "account": "123456789012", "instance_id": "abc"}, ""},
		{"arn:aws:connect:*:*:instance/*/agent/*", "user", map[string]string{"partition": "aws", "region": "*", "account": "*", "instance_id": "*", "user_id": "*"}, ""},
		{testPrefix + "instance/abc/*", "", nil, "could denote several resource types"},
		{"arn:aws:connect:*", "", nil, "spans fields"},
		{"arn:aws:s3:::bucket", "", nil, "is an ARN of s3"},
		{testPrefix + "instance/abc/queues/q", "", nil, "did you mean queue?"},
		{"not-an-arn", "", nil, `does not start with "arn:"`},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			rt, parts, err := c.ParseARN(tt.arn)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rt.Name != tt.wantType || !maps.Equal(parts, tt.wantParts) {
				t.Errorf("ParseARN = %s %v, want %s %v", rt.Name, parts, tt.wantType, tt.wantParts)
			}
		})
	}
}

// Every type's ARN built from its parts must parse back to the same type and
// parts, and resolve to that type alone.
func TestBuildParseRoundTrip(t *testing.T) {
	c := mustCatalog(t)
	for _, rt := range c.ResourceTypes() {
		parts := map[string]string{"partition": "aws", "region": "eu-west-2", "account": "210987654321"}
		for _, p := range rt.Parts()[3:] {
			parts[p] = "id-" + p
		}
		arn, err := c.BuildARN(rt, parts)
		if err != nil {
			t.Fatalf("%s: %v", rt.Name, err)
		}
		gotType, gotParts, err := c.ParseARN(arn)
		if err != nil || gotType != rt || !maps.Equal(gotParts, parts) {
			t.Errorf("%s: ParseARN(%s) = %v %v %v", rt.Name, arn, gotType, gotParts, err)
		}
		if res := c.ResolveARN(arn); !slices.Equal(res.Types, []string{rt.Name}) {
			t.Errorf("%s: ResolveARN(%s) = %v", rt.Name, arn, res.Types)
		}
	}
}

func TestScopeOf(t *testing.T) {
	tests := []struct {
		arn  string
		want Scope
		ok   bool
	}{
		{"*", Scope{}, false},
		{"arn:aws:connect:*", Scope{}, false},
		{"arn:aws:connect:us-east-1:123456789012:instance/abc", Scope{"aws", "us-east-1", "123456789012", "abc"}, true},
		{"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*", Scope{"aws", "us-east-1", "123456789012", "abc"}, true},
		{"arn:aws:connect:*:*:instance/*", Scope{"aws", "*", "*", "*"}, true},
		{"arn:aws:connect:us-east-1:123456789012:phone-number/p1", Scope{"aws", "us-east-1", "123456789012", ""}, true},
		{"arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/*", Scope{"aws", "us-east-1", "123456789012", ""}, true},
		{"arn:aws:connect:eu-west-2:210987654321:instance/${aws:PrincipalTag/instance}/queue/*", Scope{"aws", "eu-west-2", "210987654321", "${aws:PrincipalTag/instance}"}, true},
		{"arn:aws:connect:*:${aws:PrincipalAccount}:instance/*", Scope{"aws", "*", "${aws:PrincipalAccount}", "*"}, true},
	}
	for _, tt := range tests {
		got, ok := ScopeOf(tt.arn)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ScopeOf(%q) = %+v, %v; want %+v, %v", tt.arn, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCollapseARNs(t *testing.T) {
	in := "arn:aws:connect:us-east-1:123456789012:instance/abc"
	ec2 := func(types ...string) []string {
		var out []string
		for _, typ := range types {
			out = append(out, "arn:aws:ec2:us-east-1:123456789012:"+typ+"/*")
		}
		return out
	}
	tests := []struct {
		name string
		arns []string
		want []string
	}{
		{"few are kept", ec2("vpc", "subnet"), ec2("subnet", "vpc")},
		{"many of one scope collapse to the scope", ec2("a", "b", "c", "d"), []string{"arn:aws:ec2:us-east-1:123456789012:*"}},
		{"an instance's own ARN stays apart from those under it",
			[]string{in, in + "/queue/*", in + "/agent/*", in + "/contact/*", in + "/routing-profile/*"},
			[]string{in, in + "/*"}},
		{"no id is cut short", []string{in + "/queue/q1", in + "/queue/q2", in + "/quick-connect/*", in + "/queue/q3"}, []string{in + "/*"}},
		{"other scopes are kept apart", append(ec2("a", "b", "c", "d"), "arn:aws:ec2:eu-west-2:123456789012:vpc/*"),
			[]string{"arn:aws:ec2:eu-west-2:123456789012:vpc/*", "arn:aws:ec2:us-east-1:123456789012:*"}},
		{"a pattern across accounts is kept", []string{"arn:aws:ec2:*:*:vpc/*", "arn:aws:ec2:*:*:subnet/*", "arn:aws:ec2:*:*:a/*", "arn:aws:ec2:*:*:b/*"},
			[]string{"arn:aws:ec2:*:*:a/*", "arn:aws:ec2:*:*:b/*", "arn:aws:ec2:*:*:subnet/*", "arn:aws:ec2:*:*:vpc/*"}},
		{"instances are not cut to a common prefix", []string{in + "1", in + "2", in + "3", in + "4"}, []string{in + "1", in + "2", in + "3", in + "4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CollapseARNs(tt.arns, 3); !slices.Equal(got, tt.want) {
				t.Errorf("CollapseARNs = %q, want %q", got, tt.want)
			}
		})
	}
}
