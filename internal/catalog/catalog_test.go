package catalog

import (
	"slices"
	"testing"
)

// mustCatalog returns the 2020 snapshot, which the tests of this file (and
// those that compare with Policy Sentry) describe; latest_test.go describes
// the default one.
func mustCatalog(t testing.TB) *Catalog {
	t.Helper()
	return mustSnapshot(t, PolicySentry2020)
}

func mustSnapshot(t testing.TB, name string) *Catalog {
	t.Helper()
	c, err := Load(name)
	if err != nil {
		t.Fatalf("embedded snapshot %s does not parse: %v", name, err)
	}
	return c
}

func actionNames(actions []*Action) []string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = a.Name
	}
	return names
}

func TestCatalogHas53Actions(t *testing.T) {
	if got := len(mustCatalog(t).Actions()); got != 53 {
		t.Errorf("actions = %d, want 53", got)
	}
}

func TestCatalogCountsActionsPerAccessLevel(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		level AccessLevel
		want  int
	}{
		{AccessRead, 12},
		{AccessWrite, 29},
		{AccessList, 10},
		{AccessTagging, 2},
		{AccessPermissionsManagement, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.level), func(t *testing.T) {
			got := c.Query(Query{AccessLevels: []AccessLevel{tt.level}})
			if len(got) != tt.want {
				t.Errorf("%s actions = %d, want %d: %v", tt.level, len(got), tt.want, actionNames(got))
			}
		})
	}
}

func TestCatalogWildcardOnlyActions(t *testing.T) {
	got := actionNames(mustCatalog(t).Query(Query{ResourceTypes: []string{WildcardOnlyType}}))
	want := []string{"CreateInstance", "ListInstances"}
	if !slices.Equal(got, want) {
		t.Errorf("wildcard-only = %v, want %v", got, want)
	}
}

func TestCatalogActionsWithDependentActions(t *testing.T) {
	var got []string
	for _, a := range mustCatalog(t).Actions() {
		if len(a.DependentActions) > 0 {
			got = append(got, a.Name)
		}
	}
	want := []string{"CreateInstance", "DescribeInstance", "GetFederationTokens", "ModifyInstance"}
	if !slices.Equal(got, want) {
		t.Errorf("actions with dependent actions = %v, want %v", got, want)
	}
}

func TestCatalogDependentActionsOfGetFederationTokens(t *testing.T) {
	a, _ := mustCatalog(t).Action("GetFederationTokens")
	want := []string{"connect:DescribeInstance", "connect:ListInstances", "ds:DescribeDirectories"}
	if !slices.Equal(a.DependentActions, want) {
		t.Errorf("dependent actions = %v, want %v", a.DependentActions, want)
	}
}

func TestCatalogActionsOnQueue(t *testing.T) {
	got := actionNames(mustCatalog(t).ActionsOn("queue"))
	want := []string{"AssociateRoutingProfileQueues", "CreateRoutingProfile", "GetCurrentMetricData", "GetMetricData", "UpdateRoutingProfileDefaultOutboundQueue"}
	if !slices.Equal(got, want) {
		t.Errorf("actions on queue = %v, want %v", got, want)
	}
}

func TestCatalogNoActionUsesHoursOfOperationOrPhoneNumber(t *testing.T) {
	c := mustCatalog(t)
	for _, rt := range []string{"hours-of-operation", "phone-number"} {
		if got := c.ActionsOn(rt); len(got) != 0 {
			t.Errorf("actions on %s = %v, want none", rt, actionNames(got))
		}
	}
}

func TestCatalogActionsNamingResourceTag(t *testing.T) {
	c := mustCatalog(t)
	var got int
	for _, a := range c.Actions() {
		if slices.Contains(a.AllConditionKeys(), "aws:ResourceTag/${TagKey}") {
			got++
		}
	}
	if got != 21 {
		t.Errorf("actions naming aws:ResourceTag/${TagKey} = %d, want 21", got)
	}
}

func TestCatalogHasTenResourceTypesWithARNFormats(t *testing.T) {
	c := mustCatalog(t)
	want := map[string]string{
		"instance":           "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}",
		"contact":            "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/contact/${ContactId}",
		"user":               "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}",
		"routing-profile":    "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/routing-profile/${RoutingProfileId}",
		"security-profile":   "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/security-profile/${SecurityProfileId}",
		"hierarchy-group":    "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent-group/${HierarchyGroupId}",
		"queue":              "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}",
		"contact-flow":       "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/contact-flow/${ContactFlowId}",
		"hours-of-operation": "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/operating-hours/${HoursOfOperationId}",
		"phone-number":       "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/phone-numbers/${PhoneNumberId}",
	}
	if got := len(c.ResourceTypes()); got != len(want) {
		t.Fatalf("resource types = %d, want %d", got, len(want))
	}
	for name, format := range want {
		rt, ok := c.ResourceType(name)
		if !ok {
			t.Errorf("resource type %s missing", name)
			continue
		}
		if rt.ARNFormat != format {
			t.Errorf("%s ARN format = %s, want %s", name, rt.ARNFormat, format)
		}
	}
}

func TestCatalogTaggableResourceTypes(t *testing.T) {
	c := mustCatalog(t)
	var got []string
	for _, rt := range c.ResourceTypes() {
		if slices.Contains(rt.ConditionKeys, "aws:ResourceTag/${TagKey}") {
			got = append(got, rt.Name)
		}
	}
	want := []string{"user", "routing-profile", "contact-flow"}
	if !slices.Equal(got, want) {
		t.Errorf("taggable types = %v, want %v", got, want)
	}
}

func TestCatalogActionDetails(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name          string
		level         AccessLevel
		resourceTypes []string
		actionKeys    []string
		wildcardOnly  bool
	}{
		{"AssociateRoutingProfileQueues", AccessWrite, []string{"queue", "routing-profile"}, []string{"aws:ResourceTag/${TagKey}"}, false},
		{"CreateInstance", AccessWrite, nil, nil, true},
		{"CreateUser", AccessWrite, []string{"routing-profile", "security-profile", "user", "hierarchy-group"}, []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}, false},
		{"DescribeInstance", AccessRead, []string{"instance"}, nil, false},
		{"ListInstances", AccessList, nil, nil, true},
		{"TagResource", AccessTagging, []string{"contact-flow", "routing-profile", "user"}, []string{"aws:TagKeys", "aws:RequestTag/${TagKey}", "aws:ResourceTag/${TagKey}"}, false},
		{"StartOutboundVoiceContact", AccessWrite, []string{"contact"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := c.Action(tt.name)
			if !ok {
				t.Fatalf("action %s missing", tt.name)
			}
			if a.AccessLevel != tt.level {
				t.Errorf("access level = %s, want %s", a.AccessLevel, tt.level)
			}
			if got := a.ResourceTypeNames(); !slices.Equal(got, tt.resourceTypes) {
				t.Errorf("resource types = %v, want %v", got, tt.resourceTypes)
			}
			if !slices.Equal(a.ConditionKeys, tt.actionKeys) {
				t.Errorf("action condition keys = %v, want %v", a.ConditionKeys, tt.actionKeys)
			}
			if a.WildcardOnly() != tt.wildcardOnly {
				t.Errorf("wildcard-only = %v, want %v", a.WildcardOnly(), tt.wildcardOnly)
			}
			if a.FullName() != "connect:"+tt.name {
				t.Errorf("full name = %s", a.FullName())
			}
		})
	}
}

func TestCatalogRequiredFlags(t *testing.T) {
	c := mustCatalog(t)
	a, _ := c.Action("CreateUser")
	for _, use := range a.ResourceTypes {
		want := use.ResourceType != "hierarchy-group"
		if use.Required != want {
			t.Errorf("CreateUser %s required = %v, want %v", use.ResourceType, use.Required, want)
		}
	}
}

func TestCatalogActionLookup(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"DescribeUser", "DescribeUser", true},
		{"connect:DescribeUser", "DescribeUser", true},
		{"CONNECT:describeuser", "DescribeUser", true},
		{"DescribeUsers", "", false},
		{"s3:DescribeUser", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := c.Action(tt.name)
			if ok != tt.ok || ok && a.Name != tt.want {
				t.Errorf("Action(%q) = %v, %v; want %s, %v", tt.name, a, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCatalogConditionKeySupport(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		action, key string
		want        bool
	}{
		// The page lists the tag keys per action; resource tags of a profile
		// being created cannot be tested.
		{"CreateRoutingProfile", "aws:ResourceTag/team", false},
		{"CreateRoutingProfile", "aws:RequestTag/team", true},
		{"CreateRoutingProfile", "aws:TagKeys", true},
		{"DeleteUser", "aws:ResourceTag/team", true},
		{"DeleteUser", "aws:RequestTag/team", false},
		{"DescribeInstance", "aws:ResourceTag/team", false},
		// Every other global key applies to every action.
		{"DescribeInstance", "aws:SourceIp", true},
		{"ListInstances", "aws:PrincipalOrgID", true},
		{"ListInstances", "AWS:SOURCEIP", true},
	}
	for _, tt := range tests {
		t.Run(tt.action+"/"+tt.key, func(t *testing.T) {
			a, _ := c.Action(tt.action)
			key, ok := c.ConditionKey(tt.key)
			if !ok {
				t.Fatalf("key %s not found", tt.key)
			}
			if got := a.SupportsConditionKey(key); got != tt.want {
				t.Errorf("supports = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCatalogConditionKeyLookup(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name     string
		wantName string
		wantType KeyType
	}{
		{"aws:ResourceTag/${TagKey}", "aws:ResourceTag/${TagKey}", KeyString},
		{"aws:resourcetag/CostCenter", "aws:ResourceTag/${TagKey}", KeyString},
		{"aws:TagKeys", "aws:TagKeys", KeyArrayOfString},
		{"aws:SourceIp", "aws:SourceIp", KeyIPAddress},
		{"aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", KeyBool},
		{"aws:EpochTime", "aws:EpochTime", KeyDateOrNumeric},
		{"aws:PrincipalArn", "aws:PrincipalArn", KeyARN},
		{"aws:CurrentTime", "aws:CurrentTime", KeyDate},
		{"aws:ResourceTag/", "", ""},
		{"connect:InstanceId", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, ok := c.ConditionKey(tt.name)
			if tt.wantName == "" {
				if ok {
					t.Errorf("found %s, want none", key.Name)
				}
				return
			}
			if !ok || key.Name != tt.wantName || key.Type != tt.wantType {
				t.Errorf("ConditionKey(%q) = %v, %v; want %s (%s)", tt.name, key, ok, tt.wantName, tt.wantType)
			}
		})
	}
}

func TestCatalogActionsAreSortedAndUnique(t *testing.T) {
	names := actionNames(mustCatalog(t).Actions())
	if !slices.IsSorted(names) {
		t.Error("actions are not sorted")
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Error("actions are not unique")
	}
}

func TestDefaultReturnsTheSameCatalog(t *testing.T) {
	a, _ := Load(PolicySentry2020)
	b, _ := Load(PolicySentry2020)
	if a != b {
		t.Error("Default parsed the page twice")
	}
}

func TestCatalogNamedConditionKeys(t *testing.T) {
	var got []string
	for _, key := range mustCatalog(t).ConditionKeys() {
		if key.Named() {
			got = append(got, key.Name)
		}
	}
	want := []string{"aws:RequestTag/${TagKey}", "aws:ResourceTag/${TagKey}", "aws:TagKeys"}
	if !slices.Equal(got, want) {
		t.Errorf("named keys = %v, want %v", got, want)
	}
}

func TestCatalogKnowsEveryGlobalConditionKey(t *testing.T) {
	counts := map[KeyType]int{}
	for _, key := range mustCatalog(t).ConditionKeys() {
		counts[key.Type]++
	}
	want := map[KeyType]int{KeyString: 23, KeyArrayOfString: 6, KeyARN: 2, KeyBool: 4, KeyNumeric: 1, KeyDate: 2, KeyDateOrNumeric: 1, KeyIPAddress: 3}
	for keyType, n := range want {
		if counts[keyType] != n {
			t.Errorf("%s keys = %d, want %d", keyType, counts[keyType], n)
		}
	}
}
