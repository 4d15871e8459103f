package catalog

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestResolveARNLatest(t *testing.T) {
	c := latest(t)
	tests := []struct {
		arn   string
		kind  ARNKind
		types []string
		forms []string
		// problem is a fragment of the explanation, for the other kinds.
		problem string
	}{
		{testPrefix + "instance/abc/queue/q1", ARNResource, []string{"queue"}, nil, ""},
		// A queue with any id, and the collective type ListQueues acts on.
		{testPrefix + "instance/abc/queue/*", ARNResource, []string{"queue", "wildcard-queue"}, nil, ""},
		{testPrefix + "instance/abc/phone-number/p1", ARNResource, []string{"legacy-phone-number"}, nil, ""},
		{testPrefix + "phone-number/p1", ARNResource, []string{"phone-number"}, nil, ""},
		{testPrefix + "phone-number/*", ARNResource, []string{"phone-number", "wildcard-phone-number"}, nil, ""},
		{testPrefix + "traffic-distribution-group/t1", ARNResource, []string{"traffic-distribution-group"}, nil, ""},
		{"arn:aws:connect:us-east-1:aws:view/v1", ARNResource, []string{"aws-managed-view"}, nil, ""},
		{"arn:aws:connect:us-east-1:aws:view/v1:$LATEST", ARNResource, []string{"qualified-aws-managed-view"}, nil, ""},
		{testPrefix + "instance/abc/view/v1:3", ARNResource, []string{"customer-managed-view-version", "qualified-customer-managed-view"}, nil, ""},
		{"arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/b2:3", ARNResource, []string{"ai-agent"}, nil, ""},
		{"arn:aws:app-integrations:us-east-1:123456789012:application/app1", ARNResource, []string{"application"}, nil, ""},
		{"arn:aws:wisdom:us-east-1:123456789012:knowledge-base/kb1", ARNOtherService, nil, nil, "is an ARN of wisdom"},
		{testPrefix + "instance/abc/user/${aws:userid}", ARNResource, nil, []string{"federation-user"}, ""},
		{testPrefix + "instance/abc/user/*", ARNResource, nil, []string{"federation-user"}, ""},
		{testPrefix + "instance/abc/agent/*", ARNResource, []string{"user"}, nil, ""},
		{testPrefix + "queue/q1", ARNNoType, nil, nil, "starts with none of the words of Connect ARNs (instance/, phone-number/, traffic-distribution-group/, view/)"},
		{testPrefix + "instance/abc/queues/q1", ARNNoType, nil, nil, "did you mean queue?"},
		{"arn:aws:connect:us-east-1:awz:instance/abc", ARNMalformed, nil, nil, `account "awz"`},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			got := c.ResolveARN(tt.arn)
			checkResolution(t, got, tt.kind, tt.types, tt.problem)
			var forms []string
			for _, f := range got.Forms {
				forms = append(forms, f.Name)
			}
			if !slices.Equal(forms, tt.forms) {
				t.Errorf("forms = %v, want %v", forms, tt.forms)
			}
		})
	}
}

func TestResolveARNInstanceWildcardCoversCollectiveTypes(t *testing.T) {
	res := latest(t).ResolveARN(testPrefix + "instance/abc/*")
	for _, want := range []string{"queue", "wildcard-queue", "legacy-phone-number", "wildcard-contact-flow", "customer-managed-view-version"} {
		if !res.Denotes(want) {
			t.Errorf("instance/abc/* does not denote %s: %v", want, res.Types)
		}
	}
	for _, not := range []string{"instance", "phone-number", "ai-agent", "traffic-distribution-group"} {
		if res.Denotes(not) {
			t.Errorf("instance/abc/* denotes %s", not)
		}
	}
}

func TestDocumentedFormFitsOnlyItsActions(t *testing.T) {
	c := latest(t)
	res := c.ResolveARN(testPrefix + "instance/abc/user/${aws:userid}")
	token, _ := c.Action("GetFederationToken")
	describe, _ := c.Action("DescribeUser")
	if !res.Fits(token) || !slices.Equal(res.FittingTypes(token), []string{"federation-user"}) {
		t.Errorf("GetFederationToken does not fit %v", res)
	}
	if res.Fits(describe) {
		t.Error("DescribeUser fits instance/<id>/user/..., a form valid only for GetFederationToken")
	}
	forms := c.DocumentedForms()
	if len(forms) != 2 || !strings.Contains(forms[0].Source, "Administrator Guide") || !strings.Contains(forms[1].Source, "AWS managed policy") {
		t.Errorf("documented forms = %+v", forms)
	}
	metrics, _ := c.Action("GetMetricDataV2")
	campaign := c.ResolveARN("arn:aws:connect-campaigns:*:*:campaign/*")
	if !campaign.Fits(metrics) || campaign.Fits(describe) {
		t.Errorf("a campaign ARN fits GetMetricDataV2 only: %+v", campaign)
	}
}

func TestBuildAndParseARNLatest(t *testing.T) {
	c := latest(t)
	tests := []struct {
		resourceType string
		parts        map[string]string
		arn          string
	}{
		{"wildcard-queue", map[string]string{"region": "us-east-1", "account": "123456789012", "instance_id": "abc"}, testPrefix + "instance/abc/queue/*"},
		{"phone-number", map[string]string{"region": "us-east-1", "account": "123456789012", "phone_number_id": "p1"}, testPrefix + "phone-number/p1"},
		{"ai-agent", map[string]string{"region": "us-east-1", "account": "123456789012", "assistant_id": "a1", "ai_agent_id": "b2", "version": "3"},
			"arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/b2:3"},
		{"aws-managed-view", map[string]string{"region": "us-east-1", "view_id": "v1"}, "arn:aws:connect:us-east-1:aws:view/v1"},
	}
	for _, tt := range tests {
		t.Run(tt.resourceType, func(t *testing.T) {
			rt, _ := c.ResourceType(tt.resourceType)
			got, err := c.BuildARN(rt, tt.parts)
			if err != nil || got != tt.arn {
				t.Fatalf("BuildARN = %q, %v; want %q", got, err, tt.arn)
			}
			if tt.resourceType == "wildcard-queue" {
				return // parsed as a queue with id "*", below
			}
			parsed, parts, err := c.ParseARN(got)
			tt.parts["partition"] = "aws"
			if err != nil || parsed.Name != tt.resourceType || !maps.Equal(parts, tt.parts) {
				t.Errorf("ParseARN = %v, %v, %v; want %s %v", parsed, parts, err, tt.resourceType, tt.parts)
			}
		})
	}
	rt, parts, err := c.ParseARN(testPrefix + "instance/abc/queue/*")
	if err != nil || rt.Name != "queue" || parts["queue_id"] != "*" {
		t.Errorf("ParseARN(queue/*) = %v, %v, %v; want a queue with id *", rt, parts, err)
	}
	if _, _, err := c.ParseARN(testPrefix + "instance/abc/view/v1:3"); err == nil || !strings.Contains(err.Error(), "several resource types") {
		t.Errorf("ParseARN of an ambiguous view ARN: %v", err)
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{"InstanceId": "instance_id", "AIAgentId": "ai_agent_id", "Partition": "partition", "ViewQualifier": "view_qualifier", "TrafficDistributionGroupId": "traffic_distribution_group_id"} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLatestEveryTypeBuildsResolvesAndParses: for each of the 45 types, an
// ARN built from its parts denotes it, and parses back to it unless its
// shape is shared with another type (a view version and a qualified view
// are both view/<id>:<suffix>).
func TestLatestEveryTypeBuildsResolvesAndParses(t *testing.T) {
	c := latest(t)
	shared := map[string]bool{"customer-managed-view-version": true, "qualified-customer-managed-view": true}
	for _, rt := range c.ResourceTypes() {
		t.Run(rt.Name, func(t *testing.T) {
			parts := exampleParts(rt)
			arn, err := c.BuildARN(rt, parts)
			if err != nil {
				t.Fatal(err)
			}
			if !c.ResolveARN(arn).Denotes(rt.Name) {
				t.Fatalf("%s does not denote %s: %+v", arn, rt.Name, c.ResolveARN(arn))
			}
			parsed, got, err := c.ParseARN(arn)
			switch {
			case shared[rt.Name]:
				if err == nil || !strings.Contains(err.Error(), "several resource types") {
					t.Errorf("ParseARN(%s) = %v, %v; want the shared shape reported", arn, parsed, err)
				}
			case rt.Collective():
				if err != nil || parsed.Name == rt.Name {
					t.Errorf("ParseARN(%s) = %v, %v; want the type whose id is *", arn, parsed, err)
				}
			default:
				parts["partition"] = "aws"
				if err != nil || parsed.Name != rt.Name || !maps.Equal(got, parts) {
					t.Errorf("ParseARN(%s) = %v, %v, %v; want %s %v", arn, parsed, got, err, rt.Name, parts)
				}
			}
		})
	}
}

func TestPatternsIntersect(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"*", testPrefix + "instance/abc", true},
		{testPrefix + "instance/abc/*", testPrefix + "instance/abc/queue/q1", true},
		{testPrefix + "instance/abc/*", testPrefix + "instance/def/queue/q1", false},
		{"arn:aws:connect:*:*:instance/*/agent/*", testPrefix + "instance/abc/agent/u?", true},
		{testPrefix + "instance/abc/queue/*", testPrefix + "instance/abc/agent/*", false},
		{testPrefix + "instance/a*", testPrefix + "instance/*c/queue/q", true},
		{testPrefix + "instance/abc/user/${aws:userid}", testPrefix + "instance/abc/user/u1", true},
	}
	for _, tt := range tests {
		if got := PatternsIntersect(tt.a, tt.b); got != tt.want {
			t.Errorf("PatternsIntersect(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := PatternsIntersect(tt.b, tt.a); got != tt.want {
			t.Errorf("PatternsIntersect(%q, %q) = %v, want %v (reversed)", tt.b, tt.a, got, tt.want)
		}
	}
}
