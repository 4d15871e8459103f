package deployer

import (
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/analysis"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

const instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"

// The 17 resources of the hashicorp/aws provider's Connect package, and
// each action the model names is one the catalog has.
func TestModelCoversTheAWSProvidersConnectResources(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	want := []string{"aws_connect_bot_association", "aws_connect_contact_flow", "aws_connect_contact_flow_module", "aws_connect_hours_of_operation",
		"aws_connect_instance", "aws_connect_instance_storage_config", "aws_connect_lambda_function_association", "aws_connect_phone_number",
		"aws_connect_phone_number_contact_flow_association", "aws_connect_queue", "aws_connect_quick_connect", "aws_connect_routing_profile",
		"aws_connect_security_profile", "aws_connect_user", "aws_connect_user_hierarchy_group", "aws_connect_user_hierarchy_structure", "aws_connect_vocabulary"}
	if got := m.ResourceTypes(); !slices.Equal(got, want) {
		t.Fatalf("resources = %v, want %v", got, want)
	}
	if m.AWSProviderVersion != "v6.60.0" {
		t.Errorf("AWS provider version = %s", m.AWSProviderVersion)
	}
	for _, list := range [][]string{m.ResourceTypes(), m.DataSourceTypes()} {
		for _, name := range list {
			tc, ok := m.Resource(name)
			if !ok {
				tc, _ = m.DataSource(name)
			}
			for _, p := range Phases {
				for _, call := range tc.Calls(p) {
					if _, ok := c.Action(call.Action); !ok {
						t.Errorf("%s %s calls %s, which the catalog does not have", name, p, call.Action)
					}
				}
			}
		}
	}
}

func load(t *testing.T) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// expectedRisks are the risk warnings of the apply policy of each resource
// alone, which the guide explains: phone numbers are the account's, which
// no instance ARN limits, and a security profile acts on the account's
// applications.
var expectedRisks = map[string][]string{
	"aws_connect_phone_number":                          {"risk-cost-and-fraud", "risk-destruction", "risk-flow-hijack", "risk-privilege-escalation"},
	"aws_connect_phone_number_contact_flow_association": {"risk-flow-hijack"},
	"aws_connect_queue":                                 {"risk-cost-and-fraud"},
	"aws_connect_security_profile":                      {"risk-privilege-escalation"},
}

// For every resource: the plan policy allows every read and no Write,
// Tagging or Permissions management action; the apply policy allows every
// call of every phase and every permission Connect checks on the caller's
// behalf for them; no Connect action that supports resource-level
// permission is on "*"; and the analysis of both finds no error, and no
// warning but the risks the guide explains.
func TestPoliciesOfEachResource(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	model, err := risk.For(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range m.ResourceTypes() {
		t.Run(name, func(t *testing.T) {
			res, problems := Build(c, m, Input{Resources: []string{name}, Instances: []string{instance}, Destroy: true})
			if len(problems) > 0 {
				t.Fatalf("problems: %+v", problems)
			}
			tc, _ := m.Resource(name)
			planAccess := access.Of(c, res.Plan.Document)
			for _, a := range planAccess.Actions() {
				if a.HasAccessLevel(catalog.AccessWrite) || a.HasAccessLevel(catalog.AccessTagging) || a.HasAccessLevel(catalog.AccessPermissionsManagement) {
					t.Errorf("the plan policy allows %s (%s)", a.FullName(), a.AccessLevel)
				}
			}
			allows(t, c, planAccess, "plan", tc.Read)
			applyAccess := access.Of(c, res.Apply.Document)
			for _, p := range Phases {
				allows(t, c, applyAccess, "apply", tc.Calls(p))
			}
			for _, doc := range []*access.Access{planAccess, applyAccess} {
				for _, a := range doc.Actions() {
					if a.FullName() == "connect:"+a.Name && !a.WildcardOnly() {
						for _, g := range doc.Grants(a) {
							if slices.Contains(g.Resources, "*") {
								t.Errorf("%s is on \"*\" (statement %s)", a.FullName(), g.Sid)
							}
						}
					}
				}
			}
			for phase, policyJSON := range map[string]string{"plan": res.Plan.JSON, "apply": res.Apply.JSON} {
				result, _ := analysis.Analyze(c, model, analysis.Input{Policy: policyJSON})
				var risks []string
				for _, f := range result.Findings {
					switch {
					case f.Severity == checker.SeverityWarning && phase == "apply" && strings.HasPrefix(f.Code, "risk-"):
						risks = append(risks, f.Code)
					case f.Severity == checker.SeverityError || f.Severity == checker.SeverityWarning:
						t.Errorf("%s policy: %s %s %s: %s", phase, f.Severity, f.Code, f.Action, f.Message)
					}
				}
				want := expectedRisks[name]
				if phase == "plan" {
					want = nil
				}
				if risks = policy.SortedUnique(risks); !slices.Equal(risks, want) {
					t.Errorf("%s policy: risk warnings %v, want %v", phase, risks, expectedRisks[name])
				}
			}
		})
	}
}

// allows checks that the access allows each call and, for each, the
// dependent actions the catalog lists.
func allows(t *testing.T, c *catalog.Catalog, acc *access.Access, policyName string, calls []Call) {
	t.Helper()
	for _, call := range calls {
		a, ok := c.Action(call.Action)
		if !ok {
			t.Fatalf("no action %s", call.Action)
		}
		if !acc.Allows(a) {
			t.Errorf("the %s policy does not allow %s", policyName, call.Action)
		}
		for _, dep := range a.DependentActions {
			d := actionOf(c, dep)
			if d == nil || !acc.Allows(d) {
				t.Errorf("the %s policy does not allow %s, which %s needs", policyName, dep, call.Action)
			}
		}
	}
}

func actionOf(c *catalog.Catalog, name string) *catalog.Action {
	service, _, _ := catalog.SplitAction(name)
	owner := c
	if service != catalog.ServicePrefix {
		owner = catalog.Modelled(service)
	}
	if owner == nil {
		return nil
	}
	a, _ := owner.Action(name)
	return a
}

func TestPoliciesScopeAndOptions(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	lambda := "arn:aws:lambda:us-east-1:123456789012:function:flow-helper"
	tests := []struct {
		name  string
		in    Input
		check func(t *testing.T, res *Result)
	}{
		{"without destroy, no delete", Input{Resources: []string{"aws_connect_instance", "aws_connect_queue"}, Instances: []string{instance}},
			func(t *testing.T, res *Result) {
				for _, deleted := range []string{"connect:DeleteInstance", "connect:DeleteQueue"} {
					if slices.Contains(res.Apply.Summary.Allowed, deleted) {
						t.Errorf("apply allows %s", deleted)
					}
				}
			}},
		{"with destroy, delete", Input{Resources: []string{"aws_connect_queue"}, Instances: []string{instance}, Destroy: true},
			func(t *testing.T, res *Result) {
				if !slices.Contains(res.Apply.Summary.Allowed, "connect:DeleteQueue") {
					t.Errorf("apply does not allow connect:DeleteQueue: %v", res.Apply.Summary.Allowed)
				}
			}},
		{"no instance yet: every instance of the account and region", Input{Resources: []string{"aws_connect_queue"}, Region: "eu-west-2", Account: "123456789012"},
			func(t *testing.T, res *Result) {
				if !strings.Contains(res.Apply.JSON, `"arn:aws:connect:eu-west-2:123456789012:instance/*/queue/*"`) {
					t.Errorf("apply:\n%s", res.Apply.JSON)
				}
			}},
		{"no instance, no account", Input{Resources: []string{"aws_connect_queue"}},
			func(t *testing.T, res *Result) {
				if !strings.Contains(res.Plan.JSON, `"arn:aws:connect:*:*:instance/*/queue/*"`) {
					t.Errorf("plan:\n%s", res.Plan.JSON)
				}
			}},
		{"on-behalf permissions on the resources given", Input{Resources: []string{"aws_connect_lambda_function_association"}, Instances: []string{instance}, Related: []string{lambda}, Destroy: true},
			func(t *testing.T, res *Result) {
				if !strings.Contains(res.Apply.JSON, `"Resource": "`+lambda+`"`) || strings.Contains(res.Apply.JSON, "function:*") {
					t.Errorf("apply:\n%s", res.Apply.JSON)
				}
			}},
		{"the calls of each type and phase", Input{Resources: []string{"aws_connect_queue"}, Instances: []string{instance}},
			func(t *testing.T, res *Result) {
				var phases []Phase
				for _, tp := range res.Calls {
					phases = append(phases, tp.Phase)
				}
				if !slices.Equal(phases, []Phase{PhaseRead, PhaseCreate, PhaseUpdate, PhaseTagging}) {
					t.Errorf("phases = %v", phases)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, problems := Build(c, m, tt.in)
			if len(problems) > 0 {
				t.Fatalf("problems: %+v", problems)
			}
			tt.check(t, res)
		})
	}
}

func TestPoliciesProblems(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	tests := []struct {
		name string
		in   Input
		want Problem
	}{
		{"a misspelt type", Input{Resources: []string{"aws_connect_queu"}},
			Problem{Field: FieldResources, Index: 0, Message: `"aws_connect_queu" is not an aws_connect_ resource type of the hashicorp/aws provider the model describes (did you mean aws_connect_queue?)`}},
		{"a data source named as a resource", Input{Resources: []string{"aws_connect_queue", "aws_connect_prompt"}},
			Problem{Field: FieldResources, Index: 1, Message: `"aws_connect_prompt" is not an aws_connect_ resource type`}},
		{"an ARN that is not an instance's", Input{Resources: []string{"aws_connect_queue"}, Instances: []string{instance + "/queue/q1"}},
			Problem{Field: FieldInstances, Index: 0, Message: "is not the ARN of a Connect instance"}},
		{"no type at all", Input{Instances: []string{instance}},
			Problem{Field: FieldResources, Index: -1, Message: "Name at least one aws_connect_ resource or data source type"}},
		{"a related pattern", Input{Resources: []string{"aws_connect_queue"}, Related: []string{"arn:aws:lambda:us-east-1:123456789012:function:*"}},
			Problem{Field: FieldRelated, Index: 0, Message: "is not the ARN of one resource"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Build(c, m, tt.in)
			if len(problems) != 1 || problems[0].Field != tt.want.Field || problems[0].Index != tt.want.Index || !strings.Contains(problems[0].Message, tt.want.Message) {
				t.Errorf("problems = %+v, want %+v", problems, tt.want)
			}
		})
	}
}

// Every data source: its reads are in both policies, and the plan policy
// holds no Write, Tagging or Permissions management action.
func TestPoliciesOfEachDataSource(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	if len(m.DataSourceTypes()) != 16 {
		t.Errorf("data sources = %v", m.DataSourceTypes())
	}
	for _, name := range m.DataSourceTypes() {
		res, problems := Build(c, m, Input{DataSources: []string{name}, Instances: []string{instance}})
		if len(problems) > 0 {
			t.Fatalf("%s: problems: %+v", name, problems)
		}
		tc, _ := m.DataSource(name)
		planAccess := access.Of(c, res.Plan.Document)
		for _, a := range planAccess.Actions() {
			if a.HasAccessLevel(catalog.AccessWrite) || a.HasAccessLevel(catalog.AccessTagging) || a.HasAccessLevel(catalog.AccessPermissionsManagement) {
				t.Errorf("%s: the plan policy allows %s (%s)", name, a.FullName(), a.AccessLevel)
			}
		}
		allows(t, c, planAccess, "plan", tc.Read)
		allows(t, c, access.Of(c, res.Apply.Document), "apply", tc.Read)
	}
}

// The tagging calls reach only the managed types' resources, even beside
// the merged statement of the other calls, whose union reaches every type.
func TestTaggingReachesOnlyTheManagedTypes(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	res, problems := Build(c, m, Input{Resources: []string{"aws_connect_queue", "aws_connect_user", "aws_connect_phone_number"}, Instances: []string{instance}})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	acc := access.Of(c, res.Apply.Document)
	tag, _ := c.Action("connect:TagResource")
	var reached []string
	for _, g := range acc.Grants(tag) {
		for _, r := range g.Resources {
			for _, typ := range c.ResolveARN(r).Types {
				if tag.ActsOn(typ) {
					reached = append(reached, typ)
				}
			}
		}
	}
	// phone-number/* also denotes the collective wildcard-phone-number.
	if got := policy.SortedUnique(reached); !slices.Equal(got, []string{"phone-number", "queue", "user", "wildcard-phone-number"}) {
		t.Errorf("connect:TagResource reaches %v\n%s", got, res.Apply.JSON)
	}
}

// The Amazon Connect Administrator Guide lists the permissions each task of
// the console needs ("Required permissions for using custom IAM policies",
// doc_source/security-iam-amazon-connect-permissions.md of
// awsdocs/amazon-connect-admin-guide, 21c6475). Every permission it lists
// for creating and deleting an instance and for editing its storage is in
// the apply policy of the Terraform type that does the same, but those
// the console needs for what it does besides (its instance list, the
// buckets and keys it lists and creates for the instance's storage, which
// in Terraform is aws_connect_instance_storage_config, service quotas,
// Customer Profiles' page), which no API call of the AWS provider needs;
// and kms:RetireGrant, which the reference lists as no dependent action (the
// guide says to add it if an apply that removes an encrypted storage
// configuration is denied it).
func TestPoliciesAgainstTheAdministratorGuide(t *testing.T) {
	c := catalogtest.Latest(t)
	m := load(t)
	const storageByConsole = "connect:AssociateInstanceStorageConfig kms:CreateGrant kms:DescribeKey kms:ListAliases kms:RetireGrant s3:CreateBucket s3:GetBucketLocation s3:ListAllMyBuckets"
	tests := []struct {
		task, resource string
		guide, console string
	}{
		{"Create instance", "aws_connect_instance",
			"connect:CreateInstance connect:DescribeInstance connect:ListInstances connect:AssociateInstanceStorageConfig connect:UpdateInstanceAttribute " +
				"ds:CheckAlias ds:CreateAlias ds:AuthorizeApplication ds:UnauthorizeApplication ds:CreateIdentityPoolDirectory ds:CreateDirectory ds:DescribeDirectories " +
				"iam:CreateServiceLinkedRole kms:CreateGrant kms:DescribeKey kms:ListAliases kms:RetireGrant logs:CreateLogGroup s3:CreateBucket s3:GetBucketLocation s3:ListAllMyBuckets " +
				"servicequotas:GetServiceQuota profile:ListAccountIntegrations profile:GetDomain profile:ListDomains profile:GetProfileObjectType profile:ListProfileObjectTypeTemplates",
			"connect:ListInstances servicequotas:GetServiceQuota profile:ListAccountIntegrations profile:GetDomain profile:ListDomains profile:GetProfileObjectType profile:ListProfileObjectTypeTemplates " + storageByConsole},
		{"Delete instance", "aws_connect_instance",
			"connect:DescribeInstance connect:DeleteInstance connect:ListInstances ds:DescribeDirectories ds:DeleteDirectory ds:UnauthorizeApplication",
			"connect:ListInstances"},
		{"Edit call recording", "aws_connect_instance_storage_config",
			"connect:AssociateInstanceStorageConfig connect:UpdateInstanceStorageConfig connect:DisassociateInstanceStorageConfig " +
				"s3:ListAllMyBuckets s3:GetBucketLocation s3:GetBucketAcl s3:CreateBucket kms:CreateGrant kms:DescribeKey kms:ListAliases kms:RetireGrant",
			"s3:ListAllMyBuckets s3:CreateBucket kms:ListAliases kms:RetireGrant"},
		{"Edit contact record", "aws_connect_instance_storage_config",
			"connect:AssociateInstanceStorageConfig connect:UpdateInstanceStorageConfig connect:DisassociateInstanceStorageConfig " +
				"firehose:ListDeliveryStreams firehose:DescribeDeliveryStream kinesis:ListStreams kinesis:DescribeStream",
			"firehose:ListDeliveryStreams kinesis:ListStreams"},
	}
	for _, tt := range tests {
		t.Run(tt.task, func(t *testing.T) {
			res, problems := Build(c, m, Input{Resources: []string{tt.resource}, Destroy: true, Region: "us-east-1", Account: "123456789012"})
			if len(problems) > 0 {
				t.Fatalf("problems: %+v", problems)
			}
			console := strings.Fields(tt.console)
			for _, action := range strings.Fields(tt.guide) {
				allowed := slices.Contains(res.Apply.Summary.Allowed, action)
				switch {
				case !allowed && !slices.Contains(console, action):
					t.Errorf("the guide lists %s for %q; the apply policy of %s does not allow it", action, tt.task, tt.resource)
				case allowed && slices.Contains(console, action):
					t.Errorf("%s is listed as the console's for %q, but the apply policy of %s allows it: take it off the list", action, tt.task, tt.resource)
				}
			}
		})
	}
}
