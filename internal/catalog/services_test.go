package catalog

import (
	"slices"
	"strings"
	"testing"
)

// Every AWS service prefix of the reference, the Connect family among them.
func TestServicesList(t *testing.T) {
	s, err := LoadServices()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Prefixes()); n != 459 {
		t.Errorf("%d services, want 459: 456 of %s and 3 retired since %s", n, s.Sources[0].DataDate, s.Sources[1].DataDate)
	}
	for _, retired := range []string{"deepracer", "deepcomposer", "iot1click", "elastic-inference"} {
		if svc, ok := s.Lookup(retired); !ok || svc.Until == "" {
			t.Errorf("%s = %+v, %v; want a retired service", retired, svc, ok)
		}
	}
	for _, prefix := range []string{"connect", "cases", "profile", "wisdom", "voiceid", "connect-campaigns", "app-integrations", "health-agent", "ds", "iam", "lex", "lambda", "s3", "kms", "kinesis", "firehose", "logs", "events", "chime", "mobiletargeting", "sms-voice", "social-messaging"} {
		if _, ok := s.Lookup(prefix); !ok {
			t.Errorf("%s is not a service", prefix)
		}
	}
	if svc, ok := s.Lookup("DS"); !ok || svc.Name != "AWS Directory Service" {
		t.Errorf("DS = %+v, %v; IAM compares prefixes in any case", svc, ok)
	}
}

// A prefix that is no service: the service's own prefix for its API name,
// or the nearest within an edit or two; nothing for what is near nothing.
func TestSuggestService(t *testing.T) {
	s, err := LoadServices()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"connectcases":     "cases",
		"qconnect":         "wisdom",
		"appintegrations":  "app-integrations",
		"app-integartions": "app-integrations",
		"conect":           "connect",
		"Connectcases":     "cases",
		"zzzzzzzzzzzz":     "",
	}
	for prefix, want := range tests {
		if got := s.Suggest(prefix); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", prefix, got, want)
		}
	}
	for alias, to := range serviceAliases {
		if _, ok := s.Lookup(alias); ok {
			t.Errorf("alias %s is itself a service", alias)
		}
		if _, ok := s.Lookup(to); !ok {
			t.Errorf("alias %s names %s, which is no service", alias, to)
		}
	}
}

func TestParseServicesRejectsMutations(t *testing.T) {
	tests := map[string]struct{ data, message string }{
		"another format": {`{"format": "x", "generated_by": "", "sources": [], "services": []}`, `format is "x"`},
		"unsorted": {`{"format": "connect-iam-services/v1", "generated_by": "", "sources": [],
			"services": [{"prefix": "s3", "name": "S3"}, {"prefix": "connect", "name": "Amazon Connect"}]}`, "must be sorted and unique"},
		"a bad prefix": {`{"format": "connect-iam-services/v1", "generated_by": "", "sources": [],
			"services": [{"prefix": "Connect", "name": "Amazon Connect"}]}`, "is not a service prefix"},
		"no connect": {`{"format": "connect-iam-services/v1", "generated_by": "", "sources": [],
			"services": [{"prefix": "s3", "name": "S3"}]}`, "has no connect"},
		"an unknown field": {`{"format": "connect-iam-services/v1", "extra": 1}`, "unknown field"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseServices([]byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error = %v, want one containing %q", err, tt.message)
			}
		})
	}
}

// The services known by name, with as many actions as the reference has:
// the Amazon Connect family (with Connect's own 387, 795 actions) and the
// companion services of its dependent actions and real policies.
func TestNamedActions(t *testing.T) {
	n, err := LoadNamedActions()
	if err != nil {
		t.Fatal(err)
	}
	family := map[string]int{"cases": 43, "profile": 117, "wisdom": 95, "voiceid": 31, "connect-campaigns": 40, "app-integrations": 35, "health-agent": 47}
	total := 387
	for service, want := range family {
		if got := n.Count(service); got != want {
			t.Errorf("%s has %d actions, want %d", service, got, want)
		}
		total += n.Count(service)
	}
	if total != 795 {
		t.Errorf("the family has %d actions, want 795", total)
	}
	if got := n.Match("PROFILE", "searchprofiles"); len(got) != 1 || got[0] != "SearchProfiles" {
		t.Errorf("Match(PROFILE, searchprofiles) = %v; IAM compares in any case", got)
	}
	if got := n.Owners("CreateProfile"); !slices.Equal(got, []string{"profile"}) {
		t.Errorf("Owners(CreateProfile) = %v", got)
	}
	// Every dependent action of another service that a policy document may
	// write is an action that exists.
	c := latest(t)
	for _, a := range c.Actions() {
		for _, d := range a.DependentActions {
			service, name, _ := SplitAction(d)
			if service == ServicePrefix {
				continue
			}
			if !n.Knows(service) {
				t.Errorf("%s depends on %s, whose service the catalog does not know by name", a.FullName(), d)
			} else if len(n.Match(service, name)) != 1 {
				t.Errorf("%s depends on %s, which is not an action of %s", a.FullName(), d, service)
			}
		}
	}
}

func TestParseServiceActionsRejectsMutations(t *testing.T) {
	head := `{"format": "connect-iam-service-actions/v1", "generated_by": "", "source": {"role": "", "package": "", "version": "", "data_date": "", "integrity": "", "license": "", "origin": ""}, "services": `
	tests := map[string]struct{ services, message string }{
		"unsorted services": {`[{"prefix": "s3", "actions": ["GetObject"]}, {"prefix": "cases", "actions": ["GetCase"]}]`, "must be sorted and unique"},
		"unsorted names":    {`[{"prefix": "s3", "actions": ["PutObject", "GetObject"]}]`, "is not after"},
		"a bad name":        {`[{"prefix": "s3", "actions": ["get object"]}]`, "is not an action name"},
		"no actions":        {`[{"prefix": "s3", "actions": []}]`, "lists no actions"},
		"connect itself":    {`[{"prefix": "connect", "actions": ["DescribeUser"]}]`, "is the catalog's own service"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseServiceActions([]byte(head + tt.services + "}")); err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error = %v, want one containing %q", err, tt.message)
			}
		})
	}
}
