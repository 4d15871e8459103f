# A first look at the provider: which Connect actions read queues, and a
# least-privilege policy for a supervisor dashboard built from grants.
# `make demo` runs this against a local build.
terraform {
  required_providers {
    connect = {
      source = "connect-iam/connect"
    }
  }
}

locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

data "connect_actions" "queue_readers" {
  access_levels  = ["Read", "List"]
  resource_types = ["queue"]
}

# Each action is granted only on the resources whose type it can act on:
# the metrics actions on the queues, the List actions on the instance.
data "connect_policy_document" "supervisor_dashboard" {
  grant {
    access_levels = ["List"]
    actions       = ["connect:Get*MetricData"]
    resources     = [local.instance, "${local.instance}/queue/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

output "queue_read_actions" {
  description = "The Read and List actions that can act on a queue."
  value       = data.connect_actions.queue_readers.actions
}

output "policy_size" {
  description = "The policy's size as IAM counts it (the managed-policy quota is 6,144)."
  value       = data.connect_policy_document.supervisor_dashboard.size
}

output "policy_json" {
  description = "The policy, ready for aws_iam_policy or aws_iam_role_policy."
  value       = data.connect_policy_document.supervisor_dashboard.json
}

# Guard a hand-written policy: the plan fails on any error finding, and the
# warnings (DeleteUser on every user) and suggestions are there to read.
data "connect_policy_analysis" "hand_written" {
  fail_on = "error"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Supervisors"
      Effect   = "Allow"
      Action   = ["connect:DescribeUser", "connect:ListUsers", "connect:DeleteUser"]
      Resource = "*"
    }]
  })
}

output "hand_written_findings" {
  description = "What the analysis found in the hand-written policy."
  value       = [for f in data.connect_policy_analysis.hand_written.findings : "${f.severity} ${f.code}: ${f.message}"]
}
