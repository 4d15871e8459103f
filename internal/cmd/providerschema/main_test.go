package main

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

// The output reads as Terraform's own schema JSON, with every data source
// and function.
func TestSchemaJSON(t *testing.T) {
	out, err := schemaJSON(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var schemas tfjson.ProviderSchemas
	if err := json.Unmarshal(out, &schemas); err != nil {
		t.Fatalf("not Terraform's schema format: %v", err)
	}
	if err := schemas.Validate(); err != nil {
		t.Fatal(err)
	}
	schema := schemas.Schemas["connect"]
	if schema == nil {
		t.Fatal("no schema under the provider's short name")
	}
	var dataSources, functions []string
	for name := range schema.DataSourceSchemas {
		dataSources = append(dataSources, name)
	}
	for name := range schema.Functions {
		functions = append(functions, name)
	}
	slices.Sort(dataSources)
	slices.Sort(functions)
	if want := []string{"connect_actions", "connect_condition_keys", "connect_deployer_policy", "connect_policy_analysis", "connect_policy_document", "connect_resource_types"}; !slices.Equal(dataSources, want) {
		t.Errorf("data sources = %v, want %v", dataSources, want)
	}
	if want := []string{"arn", "expand_actions", "minimize_actions", "parse_arn"}; !slices.Equal(functions, want) {
		t.Errorf("functions = %v, want %v", functions, want)
	}
	grant := schema.DataSourceSchemas["connect_policy_document"].Block.NestedBlocks["grant"]
	if grant == nil || grant.NestingMode != tfjson.SchemaNestingModeList || grant.Block.Attributes["resources"] == nil || !grant.Block.Attributes["resources"].Required {
		t.Errorf("grant block = %+v", grant)
	}
	if fn := schema.Functions["parse_arn"]; fn == nil || len(fn.Parameters) != 1 || !fn.ReturnType.IsObjectType() {
		t.Errorf("parse_arn = %+v", fn)
	}
}
