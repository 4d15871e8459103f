# Guardrails for the IAM policy of an agent-desktop application, checked at
# plan time: what the policy must never allow, and a review of each change
# against the policy approved and attached today. tests/ holds the
# `terraform test` file that `make test` runs.
terraform {
  required_version = ">= 1.6"
  required_providers {
    connect = {
      source = "connect-iam/connect"
    }
  }
}

variable "extra_grants" {
  description = "Grants a change adds to the agent desktop's policy, as a pull request would."
  type = list(object({
    actions   = list(string)
    resources = list(string)
  }))
  default = []
}

locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

# The policy this configuration would attach.
data "connect_policy_document" "agent_desktop" {
  grant {
    actions   = ["DescribeUser", "DescribeQueue", "DescribeRoutingProfile", "ListQueues"]
    resources = ["${local.instance}/agent/*", "${local.instance}/queue/*", "${local.instance}/routing-profile/*"]
  }
  grant {
    actions   = ["StartTaskContact", "UpdateContactAttributes"]
    resources = ["${local.instance}/contact/*", "${local.instance}/contact-flow/*"]
  }
  # Click-to-dial: a risk (cost-and-fraud) the team has accepted. The action
  # supports no resource-level permission.
  grant {
    actions   = ["StartOutboundVoiceContact"]
    resources = ["*"]
  }
  dynamic "grant" {
    for_each = var.extra_grants
    content {
      actions   = grant.value.actions
      resources = grant.value.resources
    }
  }

  # Hard rules: no plan may allow these, whoever reviews it.
  must_not_allow {
    risks = ["credentials-exposure", "privilege-escalation"]
  }
  must_not_allow {
    actions = ["connect:DeleteInstance"]
  }
}

# The review: the policy against the one approved and attached today, kept
# beside the configuration and updated when a change is approved. (With the
# AWS provider, `data.aws_iam_policy.current.policy` reads the attached
# version instead.) A change that adds a risk or a write on every resource
# fails the plan until the approved policy is updated with it.
data "connect_policy_analysis" "agent_desktop" {
  policy      = data.connect_policy_document.agent_desktop.json
  policy_kind = "customer-managed"
  baseline    = file("${path.module}/approved/agent-desktop.json")
  fail_on     = "error"

  lifecycle {
    postcondition {
      condition     = length(self.review.new_risks) + length(self.review.new_writes_everywhere) == 0
      error_message = "The change adds risk: ${join("; ", concat(self.review.new_risks, [for a in self.review.new_writes_everywhere : "${a} on every resource"]))}. Review it, then update approved/agent-desktop.json."
    }
  }
}

# A check reports without failing the plan: every warning, such as the
# accepted outbound-call risk, is shown to the reviewer of each plan.
check "agent_desktop_risks" {
  assert {
    condition     = data.connect_policy_analysis.agent_desktop.warning_count == 0
    error_message = join("\n", [for f in data.connect_policy_analysis.agent_desktop.findings : "${f.code}: ${f.message}" if f.severity == "warning"])
  }
}

output "added_actions" {
  description = "What the change allows that the approved policy does not."
  value       = data.connect_policy_analysis.agent_desktop.review.added_actions
}

output "removed_actions" {
  description = "What the approved policy allows that the change does not."
  value       = data.connect_policy_analysis.agent_desktop.review.removed_actions
}

output "broadened_actions" {
  description = "Actions the change allows on more resources or under fewer conditions."
  value       = data.connect_policy_analysis.agent_desktop.review.broadened_actions
}

output "risks" {
  description = "The risk categories of what the policy allows."
  value       = { for category, actions in data.connect_policy_analysis.agent_desktop.allowed_by_risk : category => actions if length(actions) > 0 }
}

output "policy_json" {
  description = "The policy, for aws_iam_policy."
  value       = data.connect_policy_document.agent_desktop.json
}
