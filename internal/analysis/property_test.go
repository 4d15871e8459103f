package analysis

import (
	"math/rand/v2"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/planner/plannertest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// A policy that connect_policy_document builds from grants without an
// error or a warning has no error or warning finding when analysed, on
// every snapshot, but for the risks it allows: what the grants ask for is
// not a mistake, and a risk is for the reviewer to see.
func TestPolicyDocumentFromAnyGrantsAnalysesClean(t *testing.T) {
	for _, name := range catalog.SnapshotNames {
		t.Run(name, func(t *testing.T) {
			c := catalogtest.Load(t, name)
			m, err := risk.For(c)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(7, 8))
			built := 0
			for run := range 500 {
				grants := plannertest.RandomGrants(c, r)
				result, problems := compose.Compose(c, compose.Input{Grants: grants, DependentActions: true, Minimize: run%2 == 1})
				if len(problems) > 0 || result == nil {
					continue
				}
				if result.Size > policy.QuotaGroupInline {
					// Too big for some quota: a size finding, by design, that
					// the data source leaves to size_limit.
					continue
				}
				built++
				analysed, _ := Analyze(c, m, Input{Policy: result.JSON, Ignore: guard.Codes})
				for _, f := range analysed.Findings {
					if f.Severity != checker.SeveritySuggestion {
						t.Fatalf("run %d: %s finding %s: %s\n%s", run, f.Severity, f.Code, f.Message, result.JSON)
					}
				}
			}
			t.Logf("%d of 500 random documents built without diagnostics and analysed", built)
			// Random grants often select writes on "*", which the build
			// warns of; a third left is plenty of documents to analyse.
			if built < 150 {
				t.Fatalf("only %d of 500 random documents were built without diagnostics", built)
			}
		})
	}
}
