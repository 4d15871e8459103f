locals {
  parsed = provider::connect::parse_arn("arn:aws:connect:us-east-1:123456789012:instance/abc/agent/u1")
}

output "type" {
  value = local.parsed.resource_type # "user"
}

# Every user of the same instance, from the parts of one user's ARN.
output "all_users_of_the_instance" {
  value = provider::connect::arn("user", merge(local.parsed.parts, { user_id = "*" }))
}
