package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const dataDir = "../../deployer/data"

// pins reads the pins make deployer-model passes.
func pins(t *testing.T) []string {
	t.Helper()
	makefile, err := os.ReadFile("../../../GNUmakefile")
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for flag, variable := range map[string]string{"-commit": "AUTOPILOT_COMMIT", "-crud-map-sha256": "AUTOPILOT_CRUD_MAP_SHA256", "-model-sha256": "AUTOPILOT_MODEL_SHA256"} {
		m := regexp.MustCompile(`(?m)^` + variable + `\s*:=\s*(\S+)$`).FindSubmatch(makefile)
		if m == nil {
			t.Fatalf("GNUmakefile sets no %s", variable)
		}
		args = append(args, flag, string(m[1]))
	}
	return args
}

// copyData copies the data folder, so that a test may write to it.
func copyData(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(dataDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dataDir, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestOfflineRegenerationIsByteIdentical(t *testing.T) {
	dir := copyData(t)
	var stdout bytes.Buffer
	if err := run(append(pins(t), "-offline", "-data", dir), &stdout); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "aws-connect-calls.json"))
	want, _ := os.ReadFile(filepath.Join(dataDir, "aws-connect-calls.json"))
	if len(want) == 0 || !bytes.Equal(got, want) {
		t.Error("regenerating from the committed copy does not give the committed model; run make deployer-model")
	}
	if !strings.Contains(stdout.String(), "describes hashicorp/aws v6.60.0: 17 resources") {
		t.Errorf("summary = %q", stdout.String())
	}
}

// The reviewed file is checked against the model: a mark on a call the
// model lacks, an addition it already has, another provider version, and a
// copy of another commit are errors.
func TestReviewedFileIsChecked(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"a mark on a missing call", `"only_when": [`, `"only_when": [{"type": "aws_connect_queue", "phase": "update", "action": "connect:Nothing", "only_when": "x", "source": "y"},`, "has no call connect:Nothing to mark"},
		{"another provider version", `"aws_provider_version": "v6.60.0"`, `"aws_provider_version": "v6.59.0"`, "review it again"},
		{"an unknown type", `"only_when": [`, `"only_when": [{"type": "aws_connect_queues", "phase": "update", "action": "connect:UpdateQueueName", "only_when": "x", "source": "y"},`, "is not a resource of the model"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyData(t)
			path := filepath.Join(dir, "reviewed.json")
			data, _ := os.ReadFile(path)
			if !bytes.Contains(data, []byte(tt.old)) {
				t.Fatalf("reviewed.json has no %s", tt.old)
			}
			if err := os.WriteFile(path, bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			err := run(append(pins(t), "-offline", "-data", dir), &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
	dir := copyData(t)
	args := pins(t)
	args[1] = "0000000000000000000000000000000000000000" // -commit
	if err := run(append(args, "-offline", "-data", dir), &bytes.Buffer{}); err == nil {
		t.Error("a copy of another commit was accepted")
	}
}
