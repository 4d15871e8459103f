package provider

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/connect-iam/terraform-provider-connect/internal/directpath"
)

// serverCases are configurations of the data sources the server answers on
// its direct path; direct says whether it reads them there (a read with
// diagnostics goes to the framework, which reports them).
func serverCases() []struct {
	name     string
	ds       datasource.DataSource
	typeName string
	model    any
	direct   bool
} {
	strs := func(values ...string) []types.String {
		out := make([]types.String, len(values))
		for i, v := range values {
			out[i] = types.StringValue(v)
		}
		return out
	}
	instance := "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
	resourcePolicy := benchModel(1)
	resourcePolicy.Statements = append(resourcePolicy.Statements, statementModel{
		Sid: types.StringValue("Cross"), Effect: types.StringValue("Allow"), NotActions: strs("s3:*"), NotResources: strs("arn:aws:s3:::b/*"),
		Principals:    []principalModel{{Type: types.StringValue("AWS"), Identifiers: strs("arn:aws:iam::123456789012:root")}},
		NotPrincipals: []principalModel{{Type: types.StringValue("Service"), Identifiers: strs("connect.amazonaws.com")}},
		Conditions:    []conditionModel{{Test: types.StringValue("Bool"), Variable: types.StringValue("aws:SecureTransport"), Values: strs("true")}},
	})
	guarded := benchModel(2)
	guarded.MustNotAllow = []mustNotAllowModel{{Risks: strs("credentials-exposure"), Actions: strs("connect:DeleteInstance"), Resources: strs(instance + "/*")}}
	guarded.SourcePolicyDocuments = strs(`{"Version": "2012-10-17", "Statement": [{"Sid": "S3", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`)
	guarded.Minimize = types.BoolValue(true)
	typo := benchModel(3)
	typo.Grants[0].Actions = strs("connect:DescribeQueu")
	forbidden := benchModel(4)
	forbidden.MustNotAllow = []mustNotAllowModel{{Actions: strs("connect:UpdateUserSecurityProfiles")}}
	policy := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Describe*", "connect:UpdateUserRoutingProfile"], "Resource": "` + instance + `/*"}]}`
	return []struct {
		name     string
		ds       datasource.DataSource
		typeName string
		model    any
		direct   bool
	}{
		{"a document", NewPolicyDocumentDataSource(), "connect_policy_document", benchModel(0), true},
		{"a document with principals and NotAction", NewPolicyDocumentDataSource(), "connect_policy_document", resourcePolicy, false},
		{"a document with guardrails, sources and minimize", NewPolicyDocumentDataSource(), "connect_policy_document", guarded, true},
		{"a document with a typo", NewPolicyDocumentDataSource(), "connect_policy_document", typo, false},
		{"a document that allows what it must not", NewPolicyDocumentDataSource(), "connect_policy_document", forbidden, false},
		{"an analysis", NewPolicyAnalysisDataSource(), "connect_policy_analysis", &policyAnalysisModel{
			Policy: types.StringValue(policy), Baseline: types.StringValue(policy), FailOnNewRisk: types.BoolValue(true),
			PolicyKind: types.StringValue("role-inline"), Ignore: strs("resource-wildcard"),
			MustNotAllow: []mustNotAllowModel{{Risks: strs("destruction")}},
		}, true},
		{"an analysis that fails", NewPolicyAnalysisDataSource(), "connect_policy_analysis", &policyAnalysisModel{
			Policy: types.StringValue(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}]}`), FailOn: types.StringValue("warning"),
		}, false},
		// Invalid: validation goes to the framework. Terraform does not read
		// what fails validation; if it did, both paths would read alike.
		{"an analysis without its policy", NewPolicyAnalysisDataSource(), "connect_policy_analysis", &policyAnalysisModel{}, true},
		{"an analysis with a computed value configured", NewPolicyAnalysisDataSource(), "connect_policy_analysis", &policyAnalysisModel{
			Policy: types.StringValue(policy), Size: types.Int64Value(3),
		}, true},
		{"an analysis with an invalid value", NewPolicyAnalysisDataSource(), "connect_policy_analysis", &policyAnalysisModel{
			Policy: types.StringValue(policy), FailOn: types.StringValue("warnings"),
		}, false},
	}
}

// The server answers exactly as the framework alone would: the same
// diagnostics from validation and reading, and the same state, byte for
// byte. For valid configurations it answers on the direct path.
func TestServerAnswersLikeTheFramework(t *testing.T) {
	framework, served := configuredServer(t, protocolServers[0].new), configuredServer(t, protocolServers[1].new)
	direct, ok := served.(*directpath.Server)
	if !ok {
		t.Fatalf("NewServer returned %T", served)
	}
	for _, tt := range serverCases() {
		t.Run(tt.name, func(t *testing.T) {
			validDirect, readsDirect := compareServers(t, framework, direct, tt.typeName, configValue(t, tt.ds, tt.model))
			if readsDirect != tt.direct {
				t.Errorf("direct validation %v, direct read %v; want direct read %v", validDirect, readsDirect, tt.direct)
			}
		})
	}
}

// compareServers sends a configuration to the framework's server and to
// the served one, and fails the test where they answer differently: their
// diagnostics from validation and reading, and the state, compared as
// values (MessagePack writes a map's keys in any order). It reports
// whether the served one validated and read on its direct path.
func compareServers(t *testing.T, framework tfprotov6.ProviderServer, served *directpath.Server, typeName string, config *tfprotov6.DynamicValue) (validDirect, readsDirect bool) {
	t.Helper()
	ctx := context.Background()
	validate := &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: config}
	wantValidation, err := framework.ValidateDataResourceConfig(ctx, validate)
	if err != nil {
		t.Fatal(err)
	}
	gotValidation, err := served.ValidateDataResourceConfig(ctx, validate)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantValidation.Diagnostics, gotValidation.Diagnostics); diff != "" {
		t.Errorf("validation diagnostics differ (-framework +served):\n%s", diff)
	}
	read := &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config}
	wantRead, err := framework.ReadDataSource(ctx, read)
	if err != nil {
		t.Fatal(err)
	}
	gotRead, err := served.ReadDataSource(ctx, read)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantRead.Diagnostics, gotRead.Diagnostics); diff != "" {
		t.Errorf("read diagnostics differ (-framework +served):\n%s", diff)
	}
	typ := dataSourceType(t, typeName)
	if want, got := stateOf(t, typ, wantRead.State), stateOf(t, typ, gotRead.State); !want.Equal(got) {
		t.Errorf("states differ:\nframework: %s\nserved:    %s", want, got)
	}
	validDirect, _ = served.ValidatesDirectly(ctx, typeName, config)
	_, readsDirect = served.ReadsDirectly(ctx, typeName, config)
	if validDirect && len(wantValidation.Diagnostics) > 0 {
		t.Errorf("the direct validation passed a configuration the framework reports: %v", wantValidation.Diagnostics)
	}
	if validDirect != (len(wantValidation.Diagnostics) == 0) {
		t.Errorf("direct validation %v, framework diagnostics %v", validDirect, wantValidation.Diagnostics)
	}
	return validDirect, readsDirect
}

// A configuration with values not yet known goes to the framework.
func TestServerLeavesUnknownValuesToTheFramework(t *testing.T) {
	ctx := context.Background()
	served := configuredServer(t, protocolServers[1].new).(*directpath.Server) //nolint:forcetypeassert // NewServer returns *directpath.Server
	typ := dataSourceType(t, "connect_policy_document")
	config := configValue(t, NewPolicyDocumentDataSource(), benchModel(0))
	raw, err := config.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	var attributes map[string]tftypes.Value
	if err := raw.As(&attributes); err != nil {
		t.Fatal(err)
	}
	attributes["policy_id"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	unknown, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attributes))
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := served.ValidatesDirectly(ctx, "connect_policy_document", &unknown); ok {
		t.Error("a configuration with an unknown value was validated on the direct path")
	}
	resp, err := served.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "connect_policy_document", Config: &unknown})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Errorf("validation of a configuration with an unknown value: %v %v", err, resp.Diagnostics)
	}
}

// Both policy data sources are served on the direct path: every feature of
// their schemas is one it reproduces. A schema change it does not (a
// deprecation message, a sensitive or write-only attribute, a new kind of
// block) fails this test; then extend the direct path, or leave the data
// source to the framework by taking it out of directDataSources.
func TestServerServesThePolicyDataSourcesDirectly(t *testing.T) {
	served := NewServer("test")().(*directpath.Server) //nolint:forcetypeassert // NewServer returns *directpath.Server
	for _, typeName := range []string{"connect_policy_document", "connect_policy_analysis"} {
		if !served.Serves(typeName) {
			t.Errorf("%s is left to the framework: %v", typeName, served.Unsupported[typeName])
		}
	}
}

func dataSourceType(t *testing.T, typeName string) tftypes.Type {
	t.Helper()
	for _, factory := range directDataSources {
		d := factory()
		var metadata datasource.MetadataResponse
		d.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "connect"}, &metadata)
		if metadata.TypeName == typeName {
			var resp datasource.SchemaResponse
			d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
			return resp.Schema.Type().TerraformType(context.Background())
		}
	}
	t.Fatalf("no data source %s", typeName)
	return nil
}

func stateOf(t *testing.T, typ tftypes.Type, state *tfprotov6.DynamicValue) tftypes.Value {
	t.Helper()
	if state == nil {
		return tftypes.Value{}
	}
	v, err := state.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
