package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// ServicesFormat names the layout of the list of AWS services; the parser
// refuses any other.
const ServicesFormat = "connect-iam-services/v1"

// ServicesFile is the layout of data/aws-services.json: every AWS service
// prefix that IAM knows, with the service's name, from the same pinned
// version of the reference as the catalog. `make catalog` writes it. The
// catalog models Connect's actions; this list only tells an action of a
// real service, which the checks leave alone, from a prefix that is no
// service at all, which is a mistake.
type ServicesFile struct {
	Format      string           `json:"format"`
	GeneratedBy string           `json:"generated_by"`
	Sources     []SnapshotSource `json:"sources"`
	Services    []Service        `json:"services"`
}

// Service is an AWS service as IAM names it.
type Service struct {
	// Prefix is the service prefix of its actions, such as "connect".
	Prefix string `json:"prefix"`
	Name   string `json:"name"`
	// Until is, for a service the current reference no longer lists, the
	// data date of the last pinned version that did: a retired service,
	// which older policies (AWS managed ones among them) still name.
	Until string `json:"until,omitempty"`
	// Modelled says whether the catalog models the service whole, and as
	// what: ModelledFamily or ModelledCompanion (the GNUmakefile's
	// CATALOG_FAMILY_SERVICES and CATALOG_COMPANION_SERVICES); "" for a
	// service known by its prefix alone.
	Modelled string `json:"modelled,omitempty"`
}

// The depths at which the catalog models a service (Service.Modelled).
const (
	// ModelledFamily is a service of the Amazon Connect family: Connect,
	// Cases, Customer Profiles, Q in Connect and the rest.
	ModelledFamily = "family"
	// ModelledCompanion is a service that the family's dependent actions
	// and policies name, such as ds, iam, lambda or s3.
	ModelledCompanion = "companion"
)

// Encode writes the list as indented JSON with a final newline.
func (f *ServicesFile) Encode() ([]byte, error) { return jsonfile.EncodeIndented(f) }

var (
	servicePrefixPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	datePattern          = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
)

// ParseServices reads a list of AWS services strictly: sorted, unique,
// well-formed prefixes with names, and connect among them.
func ParseServices(data []byte) (*Services, error) {
	var f ServicesFile
	if err := jsonfile.DecodeStrict(data, &f, "services"); err != nil {
		return nil, err
	}
	if f.Format != ServicesFormat {
		return nil, fmt.Errorf("services: format is %q; this provider reads %q", f.Format, ServicesFormat)
	}
	s := &Services{byPrefix: map[string]Service{}}
	for i, svc := range f.Services {
		switch {
		case !servicePrefixPattern.MatchString(svc.Prefix):
			return nil, fmt.Errorf("services: service %d: prefix %q is not a service prefix", i, svc.Prefix)
		case strings.TrimSpace(svc.Name) == "":
			return nil, fmt.Errorf("services: service %s has no name", svc.Prefix)
		case svc.Until != "" && !datePattern.MatchString(svc.Until):
			return nil, fmt.Errorf("services: service %s: until %q is not a date", svc.Prefix, svc.Until)
		case svc.Modelled != "" && svc.Modelled != ModelledFamily && svc.Modelled != ModelledCompanion:
			return nil, fmt.Errorf("services: service %s: modelled %q is neither %q nor %q", svc.Prefix, svc.Modelled, ModelledFamily, ModelledCompanion)
		case i > 0 && f.Services[i-1].Prefix >= svc.Prefix:
			return nil, fmt.Errorf("services: %s is not after %s: the list must be sorted and unique", svc.Prefix, f.Services[i-1].Prefix)
		}
		s.byPrefix[svc.Prefix] = svc
		s.prefixes = append(s.prefixes, svc.Prefix)
	}
	if s.byPrefix[ServicePrefix].Modelled != ModelledFamily {
		return nil, fmt.Errorf("services: the list has no %s modelled as %q", ServicePrefix, ModelledFamily)
	}
	for prefix, svc := range retiredServices {
		if _, ok := s.byPrefix[prefix]; !ok {
			s.byPrefix[prefix] = svc
		}
	}
	s.Sources = f.Sources
	return s, nil
}

// retiredServices are services that AWS retired before the pinned versions
// of the reference, whose prefixes AWS managed policies still name (in
// zoph-io/MAMIP of 2026-03-07, ReadOnlyAccess v178, AWSSupportServiceRolePolicy
// v56 and ResourceGroupsTaggingAPITagUntagSupportedResources v4): an action
// of theirs is no mistake of the policy's.
var retiredServices = map[string]Service{
	"elastic-inference": {Prefix: "elastic-inference", Name: "Amazon Elastic Inference (retired)", Until: "2024-04"},
	"iot1click":         {Prefix: "iot1click", Name: "AWS IoT 1-Click (retired)", Until: "2024-12"},
}

// Services are the AWS services IAM knows.
type Services struct {
	Sources  []SnapshotSource
	byPrefix map[string]Service
	prefixes []string // sorted, those of the file
}

// Lookup finds a service by its prefix, in any case, as IAM compares them.
func (s *Services) Lookup(prefix string) (Service, bool) {
	svc, ok := s.byPrefix[strings.ToLower(prefix)]
	return svc, ok
}

// Prefixes lists every service prefix, sorted.
func (s *Services) Prefixes() []string { return s.prefixes }

// serviceAliases are names that policies write for a service whose IAM
// prefix is another: the service's API or SDK name, or its former name.
// Each was found in public policies (see the real-policy corpus of
// internal/analysis); the right prefix is the one the Service Authorization
// Reference gives the service.
var serviceAliases = map[string]string{
	"connectcases":      "cases",            // Amazon Connect Cases: API and SDK name connectcases
	"qconnect":          "wisdom",           // Amazon Q in Connect: API and SDK name qconnect
	"appintegrations":   "app-integrations", // Amazon AppIntegrations: API and SDK name appintegrations
	"customer-profiles": "profile",          // Amazon Connect Customer Profiles: SDK name customer-profiles
	"customerprofiles":  "profile",
	"connectcampaigns":  "connect-campaigns", // Amazon Connect Outbound Campaigns: API name connectcampaigns
	"connect-campaign":  "connect-campaigns",
	"voice-id":          "voiceid",
	"amazonconnect":     "connect",
}

// Suggest returns the prefix probably meant by one that is no service: the
// service's own prefix for its API name (connectcases is cases), or the
// nearest prefix within an edit or two (app-integartions is
// app-integrations); "" when none is near.
func (s *Services) Suggest(prefix string) string {
	lower := strings.ToLower(prefix)
	if to, ok := serviceAliases[lower]; ok {
		if _, known := s.byPrefix[to]; known {
			return to
		}
	}
	suggestion, _ := nearest.Closest(lower, s.prefixes, max(1, min(2, len(lower)/4)))
	return suggestion
}

// LoadServices returns the embedded list of AWS services, parsed once.
func LoadServices() (*Services, error) { return loadServices() }

var loadServices = sync.OnceValues(func() (*Services, error) { return ParseServices(ServicesList) })

// SortServices sorts services by prefix, for the importer.
func SortServices(services []Service) {
	slices.SortFunc(services, func(a, b Service) int { return strings.Compare(a.Prefix, b.Prefix) })
}
