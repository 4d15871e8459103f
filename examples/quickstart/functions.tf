# Provider functions need Terraform 1.8 or later; `make demo` leaves this
# file out on older versions.

locals {
  # Every queue of the instance, built from its parts.
  queues = provider::connect::arn("queue", merge(provider::connect::parse_arn(local.instance).parts, { queue_id = "*" }))
}

output "queue_arn_from_function" {
  description = "A queue ARN built by provider::connect::arn from the instance ARN's parts."
  value       = local.queues
}

output "describe_actions" {
  description = "What connect:Describe* expands to."
  value       = provider::connect::expand_actions("connect:Describe*")
}
