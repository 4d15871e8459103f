# The condition keys the catalog names for Connect actions.
data "connect_condition_keys" "connect" {}

# A few keys, global or not, with their types.
data "connect_condition_keys" "some" {
  names = ["aws:ResourceTag/team", "aws:SourceIp", "aws:TagKeys"]
}

# The keys of Connect and of Amazon Connect Cases together.
data "connect_condition_keys" "with_cases" {
  services = ["connect", "cases"]
}

output "key_types" {
  value = { for k in data.connect_condition_keys.some.condition_keys : k.name => k.type }
}

output "actions_that_can_test_resource_tags" {
  value = one([for k in data.connect_condition_keys.connect.condition_keys : k.actions if k.name == "aws:ResourceTag/$${TagKey}"])
}
