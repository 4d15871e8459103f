package planner

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

const instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

// mustCatalog returns the 2020 snapshot, whose actions the tables of this
// file name; latest_test.go covers the default snapshot.

func levels(l ...catalog.AccessLevel) []catalog.AccessLevel { return l }

// brief renders statements as "Sid Effect actions -> resources [conditions]"
// lines, for readable expectations.
func brief(statements []policy.Statement) []string {
	var out []string
	for _, s := range statements {
		line := s.Sid + " " + s.Effect + " " + strings.Join(s.Actions, ",") + " -> " + strings.Join(s.Resources, ",")
		for _, c := range s.Conditions {
			line += " [" + c.Operator + " " + c.Key + "=" + strings.Join(c.Values, ",") + "]"
		}
		out = append(out, line)
	}
	return out
}

func TestPlan(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	tests := []struct {
		name   string
		grants []Grant
		opts   Options
		want   []string
	}{
		{
			name:   "read on queues groups by type",
			grants: []Grant{{AccessLevels: levels(catalog.AccessRead), Resources: []string{instance + "/queue/*"}}},
			want:   []string{"ConnectReadQueue Allow connect:GetCurrentMetricData,connect:GetMetricData -> " + instance + "/queue/*"},
		},
		{
			// One statement per resource set: the action that acts on both
			// types has one statement with both resources.
			name: "each action only on the types it acts on",
			grants: []Grant{{Actions: []string{"AssociateRoutingProfileQueues", "DescribeRoutingProfile"},
				Resources: []string{instance + "/queue/q1", instance + "/routing-profile/r1"}}},
			want: []string{
				"ConnectReadRoutingProfile Allow connect:DescribeRoutingProfile -> " + instance + "/routing-profile/r1",
				"ConnectWriteMultipleTypes Allow connect:AssociateRoutingProfileQueues -> " + instance + "/queue/q1," + instance + "/routing-profile/r1",
			},
		},
		{
			name: "wildcard-only actions only on star",
			grants: []Grant{{AccessLevels: levels(catalog.AccessList), Actions: []string{"connect:ListUsers"},
				Resources: []string{"*"}}},
			want: []string{"ConnectListAllResources Allow connect:ListContactFlows,connect:ListHoursOfOperations,connect:ListInstances,connect:ListPhoneNumbers,connect:ListPrompts,connect:ListQueues,connect:ListRoutingProfiles,connect:ListSecurityProfiles,connect:ListUserHierarchyGroups,connect:ListUsers -> *"},
		},
		{
			name:   "level-selected actions that fit nothing are left out",
			grants: []Grant{{AccessLevels: levels(catalog.AccessList), Resources: []string{instance}}},
			want:   []string{"ConnectListInstance Allow connect:ListContactFlows,connect:ListHoursOfOperations,connect:ListPhoneNumbers,connect:ListPrompts,connect:ListQueues,connect:ListRoutingProfiles,connect:ListSecurityProfiles,connect:ListUserHierarchyGroups,connect:ListUsers -> " + instance},
		},
		{
			name: "actions granted on different resources get statements of their own",
			grants: []Grant{
				{Actions: []string{"GetMetricData"}, Resources: []string{instance + "/queue/a"}},
				{Actions: []string{"GetCurrentMetricData", "GetMetricData"}, Resources: []string{instance + "/queue/b"}},
			},
			want: []string{
				"ConnectReadQueue Allow connect:GetMetricData -> " + instance + "/queue/a," + instance + "/queue/b",
				"ConnectReadQueue2 Allow connect:GetCurrentMetricData -> " + instance + "/queue/b",
			},
		},
		{
			name: "conditions separate statements and deny comes after allow",
			grants: []Grant{
				{Actions: []string{"DeleteUser"}, Resources: []string{instance + "/agent/*"}, Effect: policy.Deny,
					Conditions: []policy.Condition{{Operator: "StringNotEquals", Key: "aws:ResourceTag/team", Values: []string{"b", "a"}}}},
				{Actions: []string{"DeleteUser"}, Resources: []string{instance + "/agent/*"}},
			},
			want: []string{
				"ConnectWriteUser Allow connect:DeleteUser -> " + instance + "/agent/*",
				"ConnectDenyWriteUser Deny connect:DeleteUser -> " + instance + "/agent/* [StringNotEquals aws:ResourceTag/team=a,b]",
			},
		},
		{
			name:   "an ARN of several types an action acts on",
			grants: []Grant{{Actions: []string{"TagResource"}, Resources: []string{instance + "/*"}}},
			want:   []string{"ConnectTaggingMultipleTypes Allow connect:TagResource -> " + instance + "/*"},
		},
		{
			name:   "minimised and merged across levels",
			grants: []Grant{{AccessLevels: levels(catalog.AccessRead, catalog.AccessList), Resources: []string{instance}}},
			opts:   Options{Minimize: true},
			want:   []string{"ConnectListReadInstance Allow connect:DescribeI*,connect:DescribeUserHierarchyS*,connect:GetFederationToken,connect:ListC*,connect:ListH*,connect:ListP*,connect:ListQ*,connect:ListRoutingProfiles,connect:ListS*,connect:ListU* -> " + instance},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, problems := Plan(c, tt.grants, tt.opts)
			if len(problems) > 0 {
				t.Fatalf("problems: %+v", problems)
			}
			if got := brief(result.Statements); !slices.Equal(got, tt.want) {
				t.Errorf("statements =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestPlanGranted(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	result, _ := Plan(c, []Grant{{AccessLevels: levels(catalog.AccessRead), Resources: []string{instance + "/queue/*"}}}, Options{})
	var names []string
	for _, a := range result.Granted[0] {
		names = append(names, a.Name)
	}
	if want := []string{"GetCurrentMetricData", "GetMetricData"}; !slices.Equal(names, want) {
		t.Errorf("granted = %v, want %v", names, want)
	}
}

func TestPlanProblems(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	tests := []struct {
		name  string
		grant Grant
		want  []Problem
	}{
		{"explicit action that fits none of the resources",
			Grant{Actions: []string{"GetMetricData", "DescribeUser"}, Resources: []string{instance + "/queue/q"}},
			[]Problem{{0, FieldActions, 1, "connect:DescribeUser acts on user, and none of this grant's resources (" + instance + "/queue/q) is of those types; add an ARN of one of them or grant it separately."}}},
		{"wildcard-only action without star",
			Grant{Actions: []string{"ListInstances", "DescribeInstance"}, Resources: []string{instance}},
			[]Problem{{0, FieldActions, 0, `connect:ListInstances supports no resource-level permission and can only be granted on "*"; add "*" to this grant's resources or grant it separately.`}}},
		{"unknown action",
			Grant{Actions: []string{"DescribeUsr"}, Resources: []string{"*"}},
			[]Problem{{0, FieldActions, 0, "connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?"}}},
		{"pattern that matches nothing",
			Grant{Actions: []string{"connect:Descibe*"}, Resources: []string{"*"}},
			[]Problem{{0, FieldActions, 0, "connect:Descibe* matches no Connect action; did you mean connect:Describe*?"}}},
		{"another service's action",
			Grant{Actions: []string{"rds:DescribeDBInstances"}, Resources: []string{"*"}},
			[]Problem{{0, FieldActions, 0, "rds:DescribeDBInstances is an action of rds, not of connect."}}},
		{"grant that grants nothing",
			Grant{AccessLevels: levels(catalog.AccessTagging), Resources: []string{instance + "/queue/*"}},
			[]Problem{{0, "", -1, "This grant grants nothing: none of the 2 selected actions can act on its resources (queue); add resources of the types they act on, or select other actions."}}},
		{"no selection",
			Grant{Resources: []string{"*"}},
			[]Problem{{0, "", -1, "The grant selects no action; give access_levels, actions or both."}}},
		{"no resources",
			Grant{Actions: []string{"ListUsers"}},
			[]Problem{{0, FieldResources, -1, `The grant has no resources; list Connect ARNs, or "*".`}}},
		{"malformed ARN",
			Grant{Actions: []string{"ListUsers"}, Resources: []string{"arn:aws:connect:us-east-1:12:instance/abc"}},
			[]Problem{{0, FieldResources, 0, `arn:aws:connect:us-east-1:12:instance/abc account "12" is not a 12-digit account ID.`}}},
		{"another service's ARN",
			Grant{Actions: []string{"ListUsers"}, Resources: []string{"arn:aws:rds:us-east-1:123456789012:db:x"}},
			[]Problem{{0, FieldResources, 0, `arn:aws:rds:us-east-1:123456789012:db:x is an ARN of rds, not of connect; a grant's resources must be ARNs of a service the catalog models (Amazon Connect, its family and its companions such as iam, lambda and s3), or "*".`}}},
		{"a companion's ARN for a Connect action",
			Grant{Actions: []string{"ListUsers"}, Resources: []string{"arn:aws:s3:::bucket"}},
			[]Problem{{0, FieldActions, 0, `connect:ListUsers acts on instance, and none of this grant's resources (arn:aws:s3:::bucket) is of those types; add an ARN of one of them or grant it separately.`}}},
		{"Connect ARN of no type",
			Grant{Actions: []string{"ListUsers"}, Resources: []string{instance + "/queues/q"}},
			[]Problem{{0, FieldResources, 0, instance + `/queues/q is a Connect ARN of no known type: "queues" is not a Connect resource word after instance/<id>/ (did you mean queue? known: contact, agent, routing-profile, security-profile, agent-group, queue, contact-flow, operating-hours, phone-numbers).`}}},
		{"bad effect",
			Grant{Actions: []string{"ListUsers"}, Resources: []string{instance}, Effect: "allow"},
			[]Problem{{0, FieldEffect, -1, `Effect "allow" is not valid; use "Allow" or "Deny".`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, problems := Plan(c, []Grant{tt.grant}, Options{})
			if !slices.Equal(problems, tt.want) {
				t.Errorf("problems =\n%+v\nwant\n%+v", problems, tt.want)
			}
			if len(result.Statements) != 0 {
				t.Errorf("a grant with problems produced statements: %v", brief(result.Statements))
			}
		})
	}
}

func TestMinimizeActions(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	byNames := func(names ...string) []*catalog.Action {
		var out []*catalog.Action
		for _, n := range names {
			a, ok := c.Action(n)
			if !ok {
				t.Fatalf("no action %s", n)
			}
			out = append(out, a)
		}
		return out
	}
	tests := []struct {
		name    string
		actions []*catalog.Action
		want    []string
	}{
		{"nothing", nil, nil},
		{"one action with a longer sibling keeps its name", byNames("GetFederationToken"), []string{"connect:GetFederationToken"}},
		{"a unique prefix is shorter", byNames("GetFederationTokens"), []string{"connect:GetFederationTokens"}},
		{"siblings share a prefix", byNames("GetFederationToken", "GetFederationTokens"), []string{"connect:GetF*"}},
		{"every Describe, but not DestroyInstance", c.Match("Describe*"), []string{"connect:Desc*"}},
		{"every action is not connect:*", c.Actions(), []string{"connect:A*", "connect:C*", "connect:D*", "connect:G*", "connect:L*", "connect:M*", "connect:R*", "connect:S*", "connect:T*", "connect:U*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MinimizeActions(c, tt.actions)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MinimizeActions = %v, want %v", got, tt.want)
			}
			if !slices.Equal(expand(c, got), names(tt.actions)) {
				t.Errorf("%v matches %v, not %v", got, expand(c, got), names(tt.actions))
			}
		})
	}
}

// expand returns the sorted full names of the catalog actions the patterns match.
func expand(c *catalog.Catalog, patterns []string) []string {
	var out []string
	for _, p := range patterns {
		out = append(out, catalog.FullNames(c.Match(p))...)
	}
	return policy.SortedUnique(out)
}

func names(actions []*catalog.Action) []string {
	return policy.SortedUnique(catalog.FullNames(actions))
}

// An action named explicitly on a type that only the older version of the
// reference lists is granted there, with a warning; selected by a pattern
// or an access level it is left out, as the current version has it.
func TestPlanAcceptsWhatTheVersionsDisagreeOn(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	contacts := "arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*"
	result, problems := Plan(c, []Grant{{Actions: []string{"connect:StartOutboundVoiceContact"}, Resources: []string{contacts}}}, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	if got := brief(result.Statements); !slices.Equal(got, []string{"ConnectWriteContact Allow connect:StartOutboundVoiceContact -> " + contacts}) {
		t.Errorf("statements = %v", got)
	}
	if len(result.Warnings) != 1 || result.Warnings[0].Field != FieldResources || result.Warnings[0].Index != 0 ||
		!strings.Contains(result.Warnings[0].Message, "2025-12-06") {
		t.Errorf("warnings = %+v", result.Warnings)
	}

	result, _ = Plan(c, []Grant{{Actions: []string{"connect:StartOutbound*"}, Resources: []string{contacts}}}, Options{})
	for _, s := range result.Statements {
		if slices.Contains(s.Actions, "connect:StartOutboundVoiceContact") {
			t.Errorf("a pattern granted StartOutboundVoiceContact on contacts: %v", brief(result.Statements))
		}
	}
	if len(result.Warnings) > 0 {
		t.Errorf("warnings for a pattern: %+v", result.Warnings)
	}
}

// A pattern that selects actions unable to meet the grant's condition
// leaves them out with a warning that names them, as it leaves out those
// unable to act on its resources; an action named explicitly stays (the
// check of the conditions reports it).
func TestPlanLeavesOutWhatCannotMeetTheConditions(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	byTag := []policy.Condition{{Operator: "StringEquals", Key: "aws:ResourceTag/Department", Values: []string{"Test"}}}
	result, problems := Plan(c, []Grant{{Actions: []string{"connect:DescribeUser", "connect:UpdateUser*"}, Resources: []string{"*"}, Conditions: byTag}}, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	if len(result.Warnings) != 1 || result.Warnings[0].Field != FieldConditions || result.Warnings[0].Index != 0 {
		t.Fatalf("warnings = %+v", result.Warnings)
	}
	for _, left := range []string{"connect:UpdateUserHierarchyGroupName", "connect:UpdateUserHierarchyStructure", "connect:UpdateUserProficiencies"} {
		if !strings.Contains(result.Warnings[0].Message, left) {
			t.Errorf("warning %q does not name %s", result.Warnings[0].Message, left)
		}
		for _, s := range result.Statements {
			if slices.Contains(s.Actions, left) {
				t.Errorf("%s granted under a condition it cannot meet", left)
			}
		}
	}
	if !slices.ContainsFunc(result.Statements, func(s policy.Statement) bool { return slices.Contains(s.Actions, "connect:UpdateUserPhoneConfig") }) {
		t.Errorf("UpdateUserPhoneConfig, which supports the key, is missing: %v", brief(result.Statements))
	}

	named, _ := Plan(c, []Grant{{Actions: []string{"connect:UpdateUserProficiencies"}, Resources: []string{"*"}, Conditions: byTag}}, Options{})
	if len(named.Warnings) > 0 || len(named.Statements) != 1 {
		t.Errorf("an action named explicitly was left out: %+v", named)
	}
	_, problems = Plan(c, []Grant{{Actions: []string{"connect:UpdateUserHierarchyS*"}, Resources: []string{"*"}, Conditions: byTag}}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "supports the keys of its conditions") {
		t.Errorf("problems = %+v", problems)
	}
}

// Minimising the actions of a service the catalog knows by name gives
// wildcards that match exactly the same of its actions, never another
// service's, never "service:*".
func TestMinimizeAnyActionsKeepsEachServicesActions(t *testing.T) {
	c := catalogtest.Latest(t)
	named, err := catalog.LoadNamedActions()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(16, 1))
	for _, service := range named.Services() {
		all := named.NamesOf(service)
		for range 20 {
			var names []string
			for _, n := range all {
				if r.IntN(3) == 0 {
					names = append(names, service+":"+n)
				}
			}
			if len(names) == 0 {
				continue
			}
			names = append(names, "connect:SearchQueues", "connect:SearchQuickConnects")
			minimized := MinimizeAnyActions(c, names)
			var expanded []string
			for _, m := range minimized {
				if m == service+":*" {
					t.Fatalf("%s minimised to %s", service, m)
				}
				got, problem := c.ExpandActions(m)
				if problem != "" {
					t.Fatalf("%s: %s", m, problem)
				}
				expanded = append(expanded, got...)
			}
			if want := policy.SortedUnique(names); !slices.Equal(policy.SortedUnique(expanded), want) {
				t.Fatalf("%v minimised to %v, which matches %v", want, minimized, policy.SortedUnique(expanded))
			}
		}
	}
}

// A grant may select actions of the rest of the family by their prefix, on
// their own service's ARNs: each action on what its own catalog says it
// acts on, in statements apart from Connect's.
func TestPlanFamilyGrants(t *testing.T) {
	c := catalogtest.Latest(t)
	domain := "arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-x"
	result, problems := Plan(c, []Grant{{
		Actions:   []string{"profile:SearchProfiles", "profile:GetDomain", "connect:DescribeQueue"},
		Resources: []string{domain, "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"},
	}}, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	want := []string{
		"ConnectReadQueue Allow connect:DescribeQueue -> arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*",
		"ConnectProfileReadDomains Allow profile:GetDomain,profile:SearchProfiles -> " + domain,
	}
	if got := brief(result.Statements); !slices.Equal(got, want) {
		t.Errorf("statements:\n%s\nwant:\n%s", join(got), join(want))
	}
	// Access levels select the actions of the services whose ARNs the
	// grant names: Connect's and, on a domain's ARN, Customer Profiles'.
	byLevel, problems := Plan(c, []Grant{{AccessLevels: []catalog.AccessLevel{catalog.AccessRead}, Resources: []string{domain}}}, Options{})
	if len(problems) > 0 || len(byLevel.Statements) != 1 || byLevel.Statements[0].Sid != "ConnectProfileReadDomains" ||
		!slices.Contains(byLevel.Statements[0].Actions, "profile:SearchProfiles") || !slices.Contains(byLevel.Statements[0].Actions, "profile:GetDomain") {
		t.Errorf("Read on a domain: problems %+v, statements %v", problems, brief(byLevel.Statements))
	}
	// A Connect key in the grant's condition leaves the family's actions
	// selected by level out, with a warning: it is never in their requests.
	byInstance, problems := Plan(c, []Grant{{AccessLevels: []catalog.AccessLevel{catalog.AccessRead},
		Resources:  []string{"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*", domain},
		Conditions: []policy.Condition{{Operator: "StringEquals", Key: "connect:InstanceId", Values: []string{"abc"}}}}}, Options{})
	if len(problems) > 0 || slices.ContainsFunc(byInstance.Statements, func(s policy.Statement) bool { return strings.HasPrefix(s.Sid, "ConnectProfile") }) ||
		len(byInstance.Warnings) != 1 || !strings.Contains(byInstance.Warnings[0].Message, "profile:BatchGetCalculatedAttributeForProfile") {
		t.Errorf("Read under connect:InstanceId: problems %+v, statements %v, warnings %+v", problems, brief(byInstance.Statements), byInstance.Warnings)
	}
	// Minimised against the profile catalog: a wildcard only where every
	// profile action it matches was granted.
	minimized, problems := Plan(c, []Grant{{Actions: []string{"profile:GetProfile*", "profile:GetDomain*"}, Resources: []string{domain}}}, Options{Minimize: true})
	if len(problems) > 0 {
		t.Fatalf("minimize problems: %+v", problems)
	}
	wantMin := []string{"ConnectProfileReadDomains Allow profile:GetD*,profile:GetProfileH*,profile:GetProfileI*,profile:GetProfileObjectType,profile:GetProfileR* -> " + domain}
	if got := brief(minimized.Statements); !slices.Equal(got, wantMin) {
		t.Errorf("minimised:\n%s\nwant:\n%s", join(got), join(wantMin))
	}
	_, problems = Plan(c, []Grant{{Actions: []string{"profile:SearchProfiles"}, Resources: []string{"arn:aws:connect:us-east-1:123456789012:instance/abc"}}}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "profile:SearchProfiles acts on domains") {
		t.Errorf("a profile action on a Connect ARN: problems = %+v", problems)
	}
	_, problems = Plan(c, []Grant{{Actions: []string{"cases:GetCase"}, Resources: []string{"arn:aws:cases:us-east-1:123456789012:domain/d/cases/c"}}}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "is an Amazon Connect Cases ARN of no known type") || !strings.Contains(problems[0].Message, "domain/${DomainId}/case/${CaseId}") {
		t.Errorf("a Cases ARN of no type: problems = %+v", problems)
	}
	_, problems = Plan(c, []Grant{{Actions: []string{"profile:SerchProfiles"}, Resources: []string{domain}}}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "did you mean profile:SearchProfiles?") {
		t.Errorf("a misspelt profile action: problems = %+v", problems)
	}
}

// The companion services are granted like the family: each action on what
// its own catalog says it acts on, with ARNs as IAM reads them (an IAM
// role's path, no region), each with its own service's keys.
func TestPlanCompanionGrants(t *testing.T) {
	c := catalogtest.Latest(t)
	role := "arn:aws:iam::123456789012:role/service-role/connect-*"
	key := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	result, problems := Plan(c, []Grant{
		{Actions: []string{"iam:PassRole"}, Resources: []string{role},
			Conditions: []policy.Condition{{Operator: "StringEquals", Key: "iam:PassedToService", Values: []string{"connect.amazonaws.com"}}}},
		{Actions: []string{"iam:GetRole"}, Resources: []string{role}},
		{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey"}, Resources: []string{key}},
	}, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	want := []string{
		"ConnectIamReadRole Allow iam:GetRole -> " + role,
		"ConnectIamWriteRole Allow iam:PassRole -> " + role + " [StringEquals iam:PassedToService=connect.amazonaws.com]",
		"ConnectKmsWriteKey Allow kms:Decrypt,kms:GenerateDataKey -> " + key,
	}
	if got := brief(result.Statements); !slices.Equal(got, want) {
		t.Errorf("statements:\n%s\nwant:\n%s", join(got), join(want))
	}
	for _, tt := range []struct {
		name  string
		grant Grant
		want  string
	}{
		{"an object action on a bucket", Grant{Actions: []string{"s3:GetObject"}, Resources: []string{"arn:aws:s3:::recordings"}}, "s3:GetObject acts on accesspointobject, object, and none of this grant's resources"},
		{"a misspelt companion action", Grant{Actions: []string{"lambda:InvokeFuncton"}, Resources: []string{"*"}}, "did you mean lambda:InvokeFunction?"},
		{"a regional ARN without its region", Grant{Actions: []string{"kms:Decrypt"}, Resources: []string{"arn:aws:kms::123456789012:key/k"}}, "has no region"},
	} {
		_, problems := Plan(c, []Grant{tt.grant}, Options{})
		if len(problems) != 1 || !strings.Contains(problems[0].Message, tt.want) {
			t.Errorf("%s: problems = %+v, want one containing %q", tt.name, problems, tt.want)
		}
	}
}
