package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

var requiredProviders = regexp.MustCompile(`(?s)terraform \{.*?\n\}\n`)

// TestExamples applies every example of the documentation, so that an
// example cannot go stale when the catalog changes: the data sources' on
// any Terraform, the functions' from Terraform 1.8.
func TestExamples(t *testing.T) {
	root, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "*", "*", "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	for _, file := range append(files, filepath.Join(root, "provider", "provider.tf")) {
		rel, _ := filepath.Rel(root, file)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// Files beside an example are read from the example's folder.
			config := strings.ReplaceAll(string(data), "${path.module}", filepath.Dir(file))
			if strings.HasPrefix(filepath.ToSlash(rel), "provider/") {
				// The test serves the provider itself, under another address
				// than required_providers names, and needs a data source to
				// configure it.
				config = requiredProviders.ReplaceAllString(config, "") + "\ndata \"connect_actions\" \"any\" {}\n"
			}
			step := resource.TestStep{Config: config}
			if strings.HasPrefix(filepath.ToSlash(rel), "functions/") {
				t.Parallel()
				resource.UnitTest(t, functionTestCase(step))
				return
			}
			testStateChecks(t, config)
		})
	}
}
