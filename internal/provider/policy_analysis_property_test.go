package provider

import (
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/planner/plannertest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// A policy that connect_policy_document builds from grants without an
// error or a warning has no error or warning finding when analysed, on
// every snapshot.
func TestPolicyDocumentFromAnyGrantsAnalysesClean(t *testing.T) {
	for _, name := range catalog.SnapshotNames {
		t.Run(name, func(t *testing.T) {
			c, err := catalog.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			testDocumentsAnalyseClean(t, c)
		})
	}
}

func testDocumentsAnalyseClean(t *testing.T, c *catalog.Catalog) {
	r := rand.New(rand.NewPCG(7, 8))
	built := 0
	for run := range 500 {
		grants := plannertest.RandomGrants(c, r)
		model := &policyDocumentModel{Minimize: types.BoolValue(run%2 == 1)}
		for _, g := range grants {
			model.Grants = append(model.Grants, grantModelOf(g))
		}
		var diags diag.Diagnostics
		result, problems := compose.Compose(c, composeInput(model, &diags))
		if diags.HasError() || len(problems) > 0 || result == nil {
			continue
		}
		doc, minified := result.Document, result.Minified
		if policy.Size(minified) > policy.QuotaGroupInline {
			// Too big for some quota: a size finding, by design, that the
			// data source leaves to size_limit.
			continue
		}
		built++
		for _, f := range checker.New(c).Document(doc, policy.Size(minified), "") {
			if f.Severity != checker.SeveritySuggestion {
				t.Fatalf("run %d: %s finding %s: %s\n%s", run, f.Severity, f.Code, f.Message, doc.JSON())
			}
		}
	}
	t.Logf("%d of 500 random documents built without diagnostics and analysed", built)
	// Random grants often select writes on "*", which the build warns of;
	// a third left is plenty of documents to analyse.
	if built < 150 {
		t.Fatalf("only %d of 500 random documents were built without diagnostics", built)
	}
}

func grantModelOf(g planner.Grant) grantModel {
	strs := func(values []string) []types.String {
		out := make([]types.String, len(values))
		for i, v := range values {
			out[i] = types.StringValue(v)
		}
		return out
	}
	m := grantModel{Actions: strs(g.Actions), Resources: strs(g.Resources), Effect: types.StringNull()}
	if g.Effect != "" {
		m.Effect = types.StringValue(g.Effect)
	}
	for _, level := range g.AccessLevels {
		m.AccessLevels = append(m.AccessLevels, types.StringValue(string(level)))
	}
	for _, cond := range g.Conditions {
		m.Conditions = append(m.Conditions, conditionModel{
			Test: types.StringValue(cond.Operator), Variable: types.StringValue(cond.Key), Values: strs(cond.Values),
		})
	}
	return m
}
