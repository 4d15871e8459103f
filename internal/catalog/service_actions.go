package catalog

import (
	_ "embed" // the action names
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// ServiceActionsFormat names the layout of the action names of the services
// the catalog knows by name; the parser refuses any other.
const ServiceActionsFormat = "connect-iam-service-actions/v1"

// ServiceActionsFile is the layout of data/service-actions.json: the names of
// the actions of the services that the catalog knows by name only, from the
// same pinned reference. These are the rest of the Amazon Connect family and
// the services that its dependent actions and real Connect policies name
// (the list in the GNUmakefile). Knowing the names tells a misspelt or
// non-existent action of theirs; their resource types and condition keys
// are not modelled, and not checked.
type ServiceActionsFile struct {
	Format      string           `json:"format"`
	GeneratedBy string           `json:"generated_by"`
	Source      SnapshotSource   `json:"source"`
	Services    []ServiceActions `json:"services"`
}

// ServiceActions are the action names of one service.
type ServiceActions struct {
	Prefix  string   `json:"prefix"`
	Actions []string `json:"actions"`
}

// Encode writes the file as indented JSON with a final newline.
func (f *ServiceActionsFile) Encode() ([]byte, error) { return jsonfile.EncodeIndented(f) }

// NamedActions are the action names of the services the catalog knows by
// name.
type NamedActions struct {
	Source SnapshotSource
	// byService maps a prefix to its action names, sorted, and lowerNames
	// to them lower-cased, for lookups in any case.
	byService  map[string][]string
	lowerNames map[string][]string
	prefixes   []string
}

// ParseServiceActions reads the file strictly: sorted, unique services and
// names, names of letters and digits.
func ParseServiceActions(data []byte) (*NamedActions, error) {
	var f ServiceActionsFile
	if err := jsonfile.DecodeStrict(data, &f, "service actions"); err != nil {
		return nil, err
	}
	if f.Format != ServiceActionsFormat {
		return nil, fmt.Errorf("service actions: format is %q; this provider reads %q", f.Format, ServiceActionsFormat)
	}
	n := &NamedActions{Source: f.Source, byService: map[string][]string{}, lowerNames: map[string][]string{}}
	for i, s := range f.Services {
		switch {
		case !servicePrefixPattern.MatchString(s.Prefix):
			return nil, fmt.Errorf("service actions: service %d: prefix %q is not a service prefix", i, s.Prefix)
		case s.Prefix == ServicePrefix:
			return nil, fmt.Errorf("service actions: %s is the catalog's own service", s.Prefix)
		case i > 0 && f.Services[i-1].Prefix >= s.Prefix:
			return nil, fmt.Errorf("service actions: %s is not after %s: the list must be sorted and unique", s.Prefix, f.Services[i-1].Prefix)
		case len(s.Actions) == 0:
			return nil, fmt.Errorf("service actions: %s lists no actions", s.Prefix)
		}
		for j, name := range s.Actions {
			if !actionNamePattern.MatchString(name) {
				return nil, fmt.Errorf("service actions: %s: %q is not an action name", s.Prefix, name)
			}
			if j > 0 && s.Actions[j-1] >= name {
				return nil, fmt.Errorf("service actions: %s: %s is not after %s", s.Prefix, name, s.Actions[j-1])
			}
			n.lowerNames[s.Prefix] = append(n.lowerNames[s.Prefix], strings.ToLower(name))
		}
		n.byService[s.Prefix] = s.Actions
		n.prefixes = append(n.prefixes, s.Prefix)
	}
	return n, nil
}

// Knows reports whether the catalog knows a service's action names.
func (n *NamedActions) Knows(service string) bool {
	_, ok := n.byService[strings.ToLower(service)]
	return ok
}

// Services lists the prefixes of the services known by name, sorted.
func (n *NamedActions) Services() []string { return n.prefixes }

// Count is how many action names the service has.
func (n *NamedActions) Count(service string) int { return len(n.byService[strings.ToLower(service)]) }

// Match returns the names of the service's actions that a name or pattern
// (without the prefix) matches, in any case as IAM compares them.
func (n *NamedActions) Match(service, pattern string) []string {
	service = strings.ToLower(service)
	names := n.byService[service]
	var out []string
	if !HasWildcard(pattern) {
		if i := slices.Index(n.lowerNames[service], strings.ToLower(pattern)); i >= 0 {
			out = append(out, names[i])
		}
		return out
	}
	for _, name := range names {
		if GlobMatch(pattern, name) {
			out = append(out, name)
		}
	}
	return out
}

// Suggest returns the service's action names probably meant by one it does
// not have: the nearest within an edit or two, or else those that are the
// name with one more word (UpdateCampaignDialerConfig for the
// Administrator Guide's UpdateDialerConfig).
func (n *NamedActions) Suggest(service, name string) []string {
	names := n.byService[strings.ToLower(service)]
	if suggestion, ok := closestName(name, names); ok {
		return []string{suggestion}
	}
	var out []string
	for _, candidate := range names {
		words := camelWords(candidate)
		for i := range words {
			if strings.EqualFold(strings.Join(slices.Concat(words[:i], words[i+1:]), ""), name) {
				out = append(out, candidate)
				break
			}
		}
	}
	return out
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// camelWords splits a name such as ListProfileObjects into its words.
func camelWords(name string) []string {
	var words []string
	start := 0
	for i := 1; i < len(name); i++ {
		if isUpper(name[i]) && !isUpper(name[i-1]) {
			words = append(words, name[start:i])
			start = i
		}
	}
	return append(words, name[start:])
}

// closestName finds the name nearest to a misspelt one, in any case, within
// an edit or two.
func closestName(name string, names []string) (string, bool) {
	lower := make([]string, len(names))
	for i, n := range names {
		lower[i] = strings.ToLower(n)
	}
	best, ok := nearest.Closest(strings.ToLower(name), lower, max(1, min(2, len(name)/4)))
	if !ok {
		return "", false
	}
	return names[slices.Index(lower, best)], true
}

// Owners lists the services known by name that have an action of exactly
// this name, in any case: where connect:CreateProfile may have been meant.
func (n *NamedActions) Owners(name string) []string {
	var out []string
	for _, p := range n.prefixes {
		if len(n.Match(p, name)) > 0 && !HasWildcard(name) {
			out = append(out, p)
		}
	}
	return out
}

// ServiceActionsList is the generated list of action names; see
// ServiceActionsFile.
//
//go:embed data/service-actions.json
var ServiceActionsList []byte

// LoadNamedActions returns the embedded action names, parsed once.
func LoadNamedActions() (*NamedActions, error) { return loadNamedActions() }

var loadNamedActions = sync.OnceValues(func() (*NamedActions, error) { return ParseServiceActions(ServiceActionsList) })
