// Package deployer works out the policies of the role that runs Terraform
// on Amazon Connect with the hashicorp/aws provider: from the model of the
// API calls the provider makes for each aws_connect_* resource and data
// source in each phase (data/aws-connect-calls.json, written by `make
// deployer-model`), the read-only policy `terraform plan` needs and the
// policy `terraform apply` needs, each built and checked by the planner
// and checker of connect_policy_document. It knows nothing of Terraform's
// plugin libraries.
package deployer

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// ModelFormat names the layout of the model file; the parser refuses any
// other.
const ModelFormat = "connect-iam-deployer-calls/v1"

// ModelFile is the layout of data/aws-connect-calls.json.
type ModelFile struct {
	Format      string `json:"format"`
	GeneratedBy string `json:"generated_by"`
	// AWSProviderVersion is the hashicorp/aws version the calls describe.
	AWSProviderVersion string      `json:"aws_provider_version"`
	Sources            []Source    `json:"sources"`
	Resources          []TypeCalls `json:"resources"`
	DataSources        []TypeCalls `json:"data_sources"`
}

// Source is an input of the model.
type Source struct {
	Role       string `json:"role"`
	Repository string `json:"repository"`
	Commit     string `json:"commit,omitempty"`
	// Files are the files taken, by path, with their sha256.
	Files   map[string]string `json:"files,omitempty"`
	License string            `json:"license"`
	Notice  string            `json:"notice,omitempty"`
}

// TypeCalls are the calls the AWS provider makes for one resource or data
// source type, by phase. A data source has only Read.
type TypeCalls struct {
	Type string `json:"type"`
	// Read refreshes the resource (terraform plan); Create, Update and
	// Delete are terraform apply's; Tagging is what a resource with tags
	// calls on create and update.
	Read    []Call `json:"read,omitempty"`
	Create  []Call `json:"create,omitempty"`
	Update  []Call `json:"update,omitempty"`
	Delete  []Call `json:"delete,omitempty"`
	Tagging []Call `json:"tagging,omitempty"`
}

// Call is an IAM action the provider needs, because it makes the API call
// of that name.
type Call struct {
	Action string `json:"action"`
	// OnlyWhen says when the provider makes the call, if not always: "the
	// name changes".
	OnlyWhen string `json:"only_when,omitempty"`
	// Source says where the call was found when it is not the pinned
	// model's: a file and function of the AWS provider.
	Source string `json:"source,omitempty"`
}

// Phase names a phase of TypeCalls.
type Phase string

// The phases, in the order of a resource's life.
const (
	PhaseRead    Phase = "read"
	PhaseCreate  Phase = "create"
	PhaseUpdate  Phase = "update"
	PhaseDelete  Phase = "delete"
	PhaseTagging Phase = "tagging"
)

// Phases lists the phases in order.
var Phases = []Phase{PhaseRead, PhaseCreate, PhaseUpdate, PhaseDelete, PhaseTagging}

// Calls returns the calls of a phase.
func (t *TypeCalls) Calls(p Phase) []Call {
	switch p {
	case PhaseRead:
		return t.Read
	case PhaseCreate:
		return t.Create
	case PhaseUpdate:
		return t.Update
	case PhaseDelete:
		return t.Delete
	case PhaseTagging:
		return t.Tagging
	}
	return nil
}

// SetCalls replaces the calls of a phase.
func (t *TypeCalls) SetCalls(p Phase, calls []Call) {
	switch p {
	case PhaseRead:
		t.Read = calls
	case PhaseCreate:
		t.Create = calls
	case PhaseUpdate:
		t.Update = calls
	case PhaseDelete:
		t.Delete = calls
	case PhaseTagging:
		t.Tagging = calls
	}
}

// Encode writes the model as indented JSON with a final newline; the same
// model always gives the same bytes.
func (f *ModelFile) Encode() ([]byte, error) { return jsonfile.EncodeIndented(f) }

// Model is the parsed model.
type Model struct {
	AWSProviderVersion string
	Sources            []Source
	resources          map[string]*TypeCalls
	dataSources        map[string]*TypeCalls
}

// Resource returns a resource type's calls.
func (m *Model) Resource(name string) (*TypeCalls, bool) {
	t, ok := m.resources[name]
	return t, ok
}

// DataSource returns a data source type's calls.
func (m *Model) DataSource(name string) (*TypeCalls, bool) {
	t, ok := m.dataSources[name]
	return t, ok
}

// ResourceTypes lists the resource types, sorted.
func (m *Model) ResourceTypes() []string { return sortedKeys(m.resources) }

// DataSourceTypes lists the data source types, sorted.
func (m *Model) DataSourceTypes() []string { return sortedKeys(m.dataSources) }

func sortedKeys(m map[string]*TypeCalls) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ParseModel reads a model file strictly: unknown fields, a type twice, an
// action that is not service:Name, a data source with other phases than
// read, or types out of order are errors.
func ParseModel(data []byte) (*Model, error) {
	var f ModelFile
	if err := jsonfile.DecodeStrict(data, &f, "deployer model"); err != nil {
		return nil, err
	}
	if f.Format != ModelFormat {
		return nil, fmt.Errorf("deployer model: format is %q; this provider reads %q", f.Format, ModelFormat)
	}
	if f.AWSProviderVersion == "" || len(f.Sources) == 0 {
		return nil, errors.New("deployer model: the header names no AWS provider version or no sources")
	}
	m := &Model{AWSProviderVersion: f.AWSProviderVersion, Sources: f.Sources, resources: map[string]*TypeCalls{}, dataSources: map[string]*TypeCalls{}}
	for _, list := range []struct {
		types []TypeCalls
		into  map[string]*TypeCalls
		data  bool
	}{{f.Resources, m.resources, false}, {f.DataSources, m.dataSources, true}} {
		for i := range list.types {
			t := &list.types[i]
			switch {
			case !strings.HasPrefix(t.Type, "aws_connect_"):
				return nil, fmt.Errorf("deployer model: %q is not an aws_connect_ type", t.Type)
			case list.into[t.Type] != nil:
				return nil, fmt.Errorf("deployer model: %s is listed twice", t.Type)
			case i > 0 && list.types[i-1].Type > t.Type:
				return nil, fmt.Errorf("deployer model: %s is not in order", t.Type)
			case list.data && len(t.Create)+len(t.Update)+len(t.Delete)+len(t.Tagging) > 0:
				return nil, fmt.Errorf("deployer model: data source %s has calls other than read", t.Type)
			}
			for _, p := range Phases {
				for _, call := range t.Calls(p) {
					if service, name, ok := strings.Cut(call.Action, ":"); !ok || service == "" || name == "" || strings.ContainsAny(call.Action, " *?") {
						return nil, fmt.Errorf("deployer model: %s %s: %q is not an action", t.Type, p, call.Action)
					}
				}
			}
			list.into[t.Type] = t
		}
	}
	return m, nil
}

//go:embed data/aws-connect-calls.json
var modelFile []byte

var loadModel = sync.OnceValues(func() (*Model, error) { return ParseModel(modelFile) })

// Load returns the embedded model, parsed once.
func Load() (*Model, error) { return loadModel() }
