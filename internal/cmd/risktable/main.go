// Command risktable writes the risk model's table (internal/risk) into the
// files given, between their markers, so that the documentation shows what
// the provider checks. `make docs` runs it before tfplugindocs.
package main

import (
	"fmt"
	"os"

	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

func main() {
	for _, file := range os.Args[1:] {
		if err := rewrite(file); err != nil {
			fmt.Fprintf(os.Stderr, "risktable: %s: %v\n", file, err)
			os.Exit(1)
		}
	}
}

func rewrite(file string) error {
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	updated, err := risk.ReplaceMarkdown(string(text))
	if err != nil {
		return err
	}
	return os.WriteFile(file, []byte(updated), 0o644) //nolint:gosec // a documentation source, world-readable like the rest of the repository
}
