// Command deployerimport regenerates the deployer model,
// internal/deployer/data/aws-connect-calls.json: which API calls the
// hashicorp/aws provider makes for each aws_connect_* resource in each
// phase. It is a maintainer's tool, run by `make deployer-model`.
//
// The calls of the resources come from IAM Policy Autopilot's model of the
// AWS provider (awslabs/iam-policy-autopilot, Apache-2.0), pinned by commit:
// the tool reads its two files from a git directory (-git-dir) or from
// GitHub, checks their sha256 against the pins, keeps the Connect part of
// each in internal/deployer/data/iam-policy-autopilot/, and writes the
// model from that copy and from the reviewed file data/reviewed.json
// (data sources, calls made only on some paths, read from the AWS
// provider's source). With -offline it regenerates from the copy alone,
// byte for byte.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "deployerimport:", err)
		os.Exit(1)
	}
}

// The files of IAM Policy Autopilot the model is made from, by their path
// in its repository.
const (
	sourceRepo    = "awslabs/iam-policy-autopilot"
	sourceDir     = "iam-policy-autopilot-policy-generation/resources/config/terraform/"
	crudMapFile   = sourceDir + "terraform-crud-map.json"
	callModelFile = sourceDir + "terraform-model.json"
)

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("deployerimport", flag.ContinueOnError)
	commit := flags.String("commit", "", "the commit of "+sourceRepo+" to take the model from (required)")
	crudSum := flags.String("crud-map-sha256", "", "the sha256 of "+crudMapFile+" at that commit (required)")
	modelSum := flags.String("model-sha256", "", "the sha256 of "+callModelFile+" at that commit (required)")
	gitDir := flags.String("git-dir", "", "a git directory of "+sourceRepo+" to read the files from, instead of GitHub")
	dataDir := flags.String("data", "internal/deployer/data", "the deployer model's data folder")
	offline := flags.Bool("offline", false, "regenerate from the copy in the data folder, without the sources")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *commit == "" || *crudSum == "" || *modelSum == "" {
		return errors.New("-commit, -crud-map-sha256 and -model-sha256 are required")
	}
	copyDir := filepath.Join(*dataDir, "iam-policy-autopilot", *commit)
	if !*offline {
		read := func(path string) ([]byte, error) { return fetchFile(*commit, path) }
		if *gitDir != "" {
			read = func(path string) ([]byte, error) {
				return exec.Command("git", "--git-dir", *gitDir, "show", *commit+":"+path).Output() //nolint:gosec // a maintainer's tool, arguments from flags
			}
		}
		crudMap, err := readPinned(read, crudMapFile, *crudSum)
		if err != nil {
			return err
		}
		callModel, err := readPinned(read, callModelFile, *modelSum)
		if err != nil {
			return err
		}
		if err := saveCopy(copyDir, *commit, crudMap, callModel, *crudSum, *modelSum); err != nil {
			return err
		}
		// The licence and notice go with the copy, as Apache-2.0 asks.
		for _, name := range []string{"LICENSE", "NOTICE"} {
			data, err := read(name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := os.WriteFile(filepath.Join(copyDir, name), data, 0o644); err != nil {
				return err
			}
		}
	}
	src, err := loadCopy(copyDir)
	if err != nil {
		return err
	}
	if src.Commit != *commit || src.Files[crudMapFile] != *crudSum || src.Files[callModelFile] != *modelSum {
		return fmt.Errorf("the copy in %s is not of the pinned commit and files; run make deployer-model with the sources", copyDir)
	}
	reviewed, err := os.ReadFile(filepath.Join(*dataDir, "reviewed.json"))
	if err != nil {
		return err
	}
	model, err := convert(src, reviewed)
	if err != nil {
		return err
	}
	encoded, err := model.Encode()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "The deployer model describes hashicorp/aws %s: %d resources and %d data sources, from %s@%.12s and the reviewed file.\n",
		model.AWSProviderVersion, len(model.Resources), len(model.DataSources), sourceRepo, *commit)
	return os.WriteFile(filepath.Join(*dataDir, "aws-connect-calls.json"), encoded, 0o644)
}

// readPinned reads a file of the source and checks it against its pin.
func readPinned(read func(string) ([]byte, error), path, want string) ([]byte, error) {
	data, err := read(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != want {
		return nil, fmt.Errorf("%s has sha256 %s, not the pinned %s", path, got, want)
	}
	return data, nil
}

var httpClient = &http.Client{Timeout: 2 * time.Minute}

func fetchFile(commit, path string) ([]byte, error) {
	url := "https://raw.githubusercontent.com/" + sourceRepo + "/" + commit + "/" + path
	resp, err := httpClient.Get(url) //nolint:noctx // a maintainer's tool
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}
