package provider

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/directpath"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/planner/plannertest"
)

// equivalenceCases is how many generated configurations
// TestServerAnswersLikeTheFrameworkOnGeneratedConfigurations compares.
const equivalenceCases = 1200

// The served server and the framework's answer alike on generated
// configurations of both policy data sources: random grants, statements
// and conditions, analyses of random policies with random options, and
// mutations that make them invalid (a misspelt action, a malformed ARN or
// operator, an invalid effect, Sid or option, a value where only the
// provider may set one, a required value missing).
func TestServerAnswersLikeTheFrameworkOnGeneratedConfigurations(t *testing.T) {
	framework, served := configuredServer(t, protocolServers[0].new), configuredServer(t, protocolServers[1].new)
	direct := served.(*directpath.Server) //nolint:forcetypeassert // NewServer returns *directpath.Server
	g := generator{r: rand.New(rand.NewPCG(15, 2)), t: t}
	reads, mutated := 0, 0
	for i := range equivalenceCases {
		ds, typeName, model, mutation := g.configuration(i)
		if mutation != "" {
			mutated++
		}
		ok := t.Run(fmt.Sprintf("%d %s %s", i, typeName, mutation), func(t *testing.T) {
			if _, readsDirect := compareServers(t, framework, direct, typeName, configValue(t, ds, model)); readsDirect {
				reads++
			}
		})
		if !ok {
			t.Fatalf("case %d differs: %#v", i, model)
		}
	}
	t.Logf("%d configurations, %d of them mutated; %d read on the direct path", equivalenceCases, mutated, reads)
	if reads < equivalenceCases/4 || mutated < equivalenceCases/4 {
		t.Fatalf("only %d direct reads and %d mutations of %d: the generator no longer covers both paths", reads, mutated, equivalenceCases)
	}
}

type generator struct {
	r *rand.Rand
	t *testing.T
}

var (
	generatedActions   = []string{"connect:DescribeQueue", "connect:Describe*", "connect:ListUsers", "connect:StartOutboundVoiceContact", "connect:DeleteUser", "connect:GetFederationToken", "logs:PutLogEvents", "s3:GetObject"}
	generatedResources = []string{"*", plannertest.Instance, plannertest.Instance + "/*", plannertest.Instance + "/queue/*", plannertest.Instance + "/agent/*", "arn:aws:s3:::bucket/*"}
	generatedKeys      = []struct{ operator, key, value string }{
		{"StringEquals", "aws:RequestedRegion", "us-east-1"},
		{"Bool", "aws:SecureTransport", "true"},
		{"StringEquals", "aws:ResourceTag/team", "blue"},
		{"StringEquals", "connect:InstanceId", "abc"},
		{"IpAddress", "aws:SourceIp", "203.0.113.0/24"},
		{"ForAnyValue:StringEquals", "aws:TagKeys", "team"},
	}
)

// configuration draws a configuration of one of the two data sources, and
// mutates one in three; mutation says how ("" for none).
func (g generator) configuration(i int) (datasource.DataSource, string, any, string) {
	if i%2 == 0 {
		m := g.document()
		return NewPolicyDocumentDataSource(), "connect_policy_document", m, g.mutateDocument(m)
	}
	m := g.analysis()
	return NewPolicyAnalysisDataSource(), "connect_policy_analysis", m, g.mutateAnalysis(m)
}

func (g generator) pick(values []string) string { return values[g.r.IntN(len(values))] }

// some draws one to three different values (statements hold sets).
func (g generator) some(values []string) []types.String {
	out := []types.String{}
	seen := map[string]bool{}
	for range 1 + g.r.IntN(3) {
		if v := g.pick(values); !seen[v] {
			seen[v] = true
			out = append(out, types.StringValue(v))
		}
	}
	return out
}

func (g generator) conditions() []conditionModel {
	var out []conditionModel
	for range g.r.IntN(3) {
		k := generatedKeys[g.r.IntN(len(generatedKeys))]
		out = append(out, conditionModel{Test: types.StringValue(k.operator), Variable: types.StringValue(k.key), Values: []types.String{types.StringValue(k.value)}})
	}
	return out
}

func (g generator) document() *policyDocumentModel {
	m := &policyDocumentModel{}
	for _, grant := range plannertest.RandomGrants(catalogtest.Latest(g.t), g.r) {
		m.Grants = append(m.Grants, grantModelOf(grant))
	}
	for i := range g.r.IntN(3) {
		m.Statements = append(m.Statements, statementModel{
			Sid: types.StringValue(fmt.Sprintf("Block%d", i)), Effect: types.StringNull(),
			Actions: g.some(generatedActions), Resources: g.some(generatedResources), Conditions: g.conditions(),
		})
	}
	if g.r.IntN(3) == 0 {
		m.Minimize = types.BoolValue(true)
	}
	if g.r.IntN(3) == 0 {
		m.IncludeDependentActions = types.BoolValue(false)
	}
	if g.r.IntN(4) == 0 {
		m.MustNotAllow = []mustNotAllowModel{{Actions: g.some(generatedActions[:6])}}
	}
	return m
}

// mutateDocument breaks a third of the documents, one way each.
func (g generator) mutateDocument(m *policyDocumentModel) string {
	if g.r.IntN(3) != 0 || len(m.Grants) == 0 {
		return ""
	}
	grant := &m.Grants[g.r.IntN(len(m.Grants))]
	switch g.r.IntN(7) {
	case 0:
		grant.Actions = append(grant.Actions, types.StringValue("connect:DescribeQueu"))
		return "misspelt action"
	case 1:
		grant.Resources = append(grant.Resources, types.StringValue("arn:aws:connect:us-east-1:12345:instance/abc"))
		return "malformed ARN"
	case 2:
		grant.Conditions = append(grant.Conditions, conditionModel{Test: types.StringValue("StringEqual"), Variable: types.StringValue("aws:SourceIp"), Values: []types.String{types.StringValue("x")}})
		return "malformed operator"
	case 3:
		grant.Effect = types.StringValue("Permit")
		return "invalid effect"
	case 4:
		m.Statements = append(m.Statements, statementModel{Sid: types.StringValue("Not-Alphanumeric"), Effect: types.StringNull(),
			Actions: g.some(generatedActions), Resources: g.some(generatedResources)})
		return "invalid Sid"
	case 5:
		m.JSON = types.StringValue("{}")
		return "a computed value configured"
	}
	grant.Resources = nil
	return "required value missing"
}

func (g generator) analysis() *policyAnalysisModel {
	var statements []map[string]any
	for range 1 + g.r.IntN(3) {
		s := map[string]any{"Effect": g.pick([]string{"Allow", "Allow", "Deny"}), "Action": stringsOf(g.some(generatedActions)), "Resource": stringsOf(g.some(generatedResources))}
		if conditions := g.conditions(); len(conditions) > 0 {
			block := map[string]map[string]string{}
			for _, c := range conditions {
				if block[c.Test.ValueString()] == nil {
					block[c.Test.ValueString()] = map[string]string{}
				}
				block[c.Test.ValueString()][c.Variable.ValueString()] = c.Values[0].ValueString()
			}
			s["Condition"] = block
		}
		statements = append(statements, s)
	}
	text, err := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": statements})
	if err != nil {
		g.t.Fatal(err)
	}
	m := &policyAnalysisModel{Policy: types.StringValue(string(text))}
	if g.r.IntN(2) == 0 {
		m.FailOn = types.StringValue(g.pick([]string{"error", "warning", "never"}))
	}
	if g.r.IntN(3) == 0 {
		m.Ignore = []types.String{types.StringValue(g.pick([]string{"resource-wildcard", "risk-destruction", "unsupported-condition-key"}))}
	}
	if g.r.IntN(3) == 0 {
		m.PolicyKind = types.StringValue(g.pick([]string{"customer-managed", "role-inline", "aws-managed", "resource-based"}))
	}
	if g.r.IntN(4) == 0 {
		m.Baseline = types.StringValue(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*"}]}`)
		m.FailOnNewRisk = types.BoolValue(g.r.IntN(2) == 0)
	}
	if g.r.IntN(4) == 0 {
		m.MustNotAllow = []mustNotAllowModel{{Risks: []types.String{types.StringValue(g.pick([]string{"destruction", "credentials-exposure"}))}}}
	}
	return m
}

// mutateAnalysis breaks a third of the analyses, one way each.
func (g generator) mutateAnalysis(m *policyAnalysisModel) string {
	if g.r.IntN(3) != 0 {
		return ""
	}
	switch g.r.IntN(5) {
	case 0:
		m.Policy = types.StringValue(strings.Replace(m.Policy.ValueString(), "connect:", "connect:X", 1))
		return "misspelt action"
	case 1:
		m.FailOn = types.StringValue("warnings")
		return "invalid fail_on"
	case 2:
		m.Ignore = append(m.Ignore, types.StringValue("no-such-code"))
		return "unknown ignored code"
	case 3:
		m.Size = types.Int64Value(1)
		return "a computed value configured"
	}
	m.Policy = types.StringValue(m.Policy.ValueString()[:len(m.Policy.ValueString())/2])
	return "policy cut in half"
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
