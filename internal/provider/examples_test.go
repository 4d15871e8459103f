package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// exampleWarnings are the warnings the documents of the examples ask for,
// by address: the risk of placing outbound calls, which the dialer and the
// agent desktop are for.
var exampleWarnings = map[string][]string{
	"data.connect_policy_document.outbound_dialer": {"risk-cost-and-fraud"},
	"data.connect_policy_document.agent_desktop":   {"risk-cost-and-fraud"},
}

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
	// The quickstart, the guardrails and the deployer's policies are
	// examples of their own folder; the deployer's attach.tf needs the AWS
	// provider and credentials.
	files = append(files, filepath.Join(root, "quickstart", "main.tf"), filepath.Join(root, "guardrails", "main.tf"), filepath.Join(root, "deployer", "policy.tf"))
	for _, file := range append(files, filepath.Join(root, "provider", "provider.tf")) {
		rel, _ := filepath.Rel(root, file)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// Files beside an example are read from the example's folder.
			config := strings.ReplaceAll(string(data), "${path.module}", filepath.Dir(file))
			if !strings.Contains(filepath.ToSlash(rel), "/") || strings.Count(filepath.ToSlash(rel), "/") == 1 && !strings.HasPrefix(filepath.ToSlash(rel), "provider/") {
				// An example of its own folder names the provider's source.
				config = requiredProviders.ReplaceAllString(config, "")
			}
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
			testStateChecks(t, config, analysesClean{expected: exampleWarnings})
		})
	}
}

// analysesClean checks that every connect_policy_document of the state
// analyses clean under connect_policy_analysis's rules: no error, and no
// warning but those its example asks for (by address, the codes expected).
type analysesClean struct {
	expected map[string][]string
}

var _ statecheck.StateCheck = analysesClean{}

func (a analysesClean) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = errors.New("no state")
		return
	}
	c, err := catalog.Default()
	if err != nil {
		resp.Error = err
		return
	}
	m, err := risk.New(c)
	if err != nil {
		resp.Error = err
		return
	}
	var problems []string
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Type != "connect_policy_document" {
			continue
		}
		text, _ := r.AttributeValues["json"].(string)
		doc, err := policy.Parse([]byte(text))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", r.Address, err))
			continue
		}
		findings := append(checker.New(c).Document(doc, policy.Size(text), ""), guard.Risks(m, access.Of(c, doc))...)
		for _, f := range guard.OneFindingPerFix(findings) {
			if f.Severity == checker.SeveritySuggestion || f.Severity == checker.SeverityWarning && slices.Contains(a.expected[r.Address], f.Code) {
				continue
			}
			problems = append(problems, fmt.Sprintf("%s: %s %s: %s", r.Address, f.Severity, f.Code, f.Message))
		}
	}
	if len(problems) > 0 {
		resp.Error = errors.New(strings.Join(problems, "\n"))
	}
}
