# The policies of the role that runs Terraform on a Connect instance whose
# queues, hours of operation and users it manages, and whose prompts it
# reads.
data "connect_deployer_policy" "ci" {
  resource_types    = ["aws_connect_queue", "aws_connect_hours_of_operation", "aws_connect_user"]
  data_source_types = ["aws_connect_prompt"]
  instance_arns     = ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"]
}

# Why each action is there, by type and phase.
output "calls" {
  value = { for c in data.connect_deployer_policy.ci.calls : "${c.type} ${c.phase}" => c.actions }
}

output "plan_policy" {
  value = data.connect_deployer_policy.ci.plan_json
}

output "apply_policy" {
  value = data.connect_deployer_policy.ci.apply_json
}
