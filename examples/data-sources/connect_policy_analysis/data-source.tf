# Audit a hand-written policy, attached inline to a role, and fail the plan on
# any error finding, such as being over the role-inline quota.
data "connect_policy_analysis" "agents" {
  fail_on     = "error"
  policy_kind = "role-inline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Agents"
      Effect   = "Allow"
      Action   = ["connect:DescribeUser", "connect:ListUsers"]
      Resource = ["arn:aws:connect:us-east-1:123456789012:instance/abc", "arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*"]
    }]
  })
}

# Audit a policy from another module or from aws_iam_policy_document,
# leaving out a finding the team has accepted.
data "connect_policy_analysis" "legacy" {
  policy = file("${path.module}/legacy-policy.json")
  ignore = ["resource-wildcard"]
}

output "legacy_findings" {
  value = [for f in data.connect_policy_analysis.legacy.findings : "${f.severity} ${f.code}: ${f.message}"]
}

output "legacy_write_actions" {
  value = data.connect_policy_analysis.legacy.allowed_by_access_level["Write"]
}

# Review a change before it is applied: the policy a pull request proposes
# against the one attached today, here the legacy policy narrowed to one
# instance and without its writes. The plan fails if the change adds a risk
# or a write on every resource, and nobody may ever be allowed to change
# security profiles or their assignment.
data "connect_policy_analysis" "change" {
  baseline         = file("${path.module}/legacy-policy.json")
  fail_on_new_risk = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Read"
      Effect   = "Allow"
      Action   = ["connect:Describe*", "connect:ListQueues"]
      Resource = ["arn:aws:connect:us-east-1:123456789012:instance/abc", "arn:aws:connect:us-east-1:123456789012:instance/abc/*"]
    }]
  })
  must_not_allow {
    risks = ["privilege-escalation"]
  }
}

output "change_added_actions" {
  value = data.connect_policy_analysis.change.review.added_actions
}

output "legacy_risks" {
  value = { for category, actions in data.connect_policy_analysis.legacy.allowed_by_risk : category => actions if length(actions) > 0 }
}
