# `terraform test` (Terraform 1.6 and later) of the guardrails: what a
# change may add and what fails its plan. `make test` runs it against a
# local build of the provider.

run "the_approved_policy_changes_nothing" {
  command = plan

  assert {
    condition     = length(output.added_actions) + length(output.removed_actions) + length(output.broadened_actions) == 0
    error_message = "The approved policy should review as unchanged."
  }
  assert {
    condition     = length(output.risks) == 1 && contains(keys(output.risks), "cost-and-fraud")
    error_message = "The agent desktop's only risk should be the accepted outbound calls."
  }

  # The check reports the accepted risk on every plan, as a warning.
  expect_failures = [check.agent_desktop_risks]
}

run "a_narrow_read_is_accepted" {
  command = plan

  variables {
    extra_grants = [{
      actions   = ["connect:DescribeContact"]
      resources = ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/contact/*"]
    }]
  }

  assert {
    condition     = length(output.added_actions) == 1 && contains(output.added_actions, "connect:DescribeContact")
    error_message = "The review should list the added action."
  }

  expect_failures = [check.agent_desktop_risks]
}

run "reading_contact_attributes_adds_a_risk" {
  command = plan

  variables {
    extra_grants = [{
      actions   = ["connect:GetContactAttributes"]
      resources = ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/contact/*"]
    }]
  }

  expect_failures = [data.connect_policy_analysis.agent_desktop]
}

run "deleting_users_everywhere_fails_the_plan" {
  command = plan

  variables {
    extra_grants = [{
      actions   = ["connect:DeleteUser"]
      resources = ["*"]
    }]
  }

  expect_failures = [data.connect_policy_analysis.agent_desktop]
}
