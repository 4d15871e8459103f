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
