locals {
  instance = "arn:aws:connect:eu-west-2:123456789012:instance/2f2b6c8e-3d3a-4c1e-9f0a-6d5a1b7c9e10"
}

# An agent-desktop Lambda that places outbound calls and hangs them up.
# StartOutboundVoiceContact supports no resource-level permission, so it is
# granted on "*", narrowed to the instance by a condition.
data "connect_policy_document" "outbound_dialer" {
  grant {
    actions   = ["StartOutboundVoiceContact"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-2"]
    }
  }
  grant {
    actions   = ["StopContact"]
    resources = ["${local.instance}/contact/*"]
  }
  # The contact flow the calls run through.
  grant {
    actions   = ["DescribeContactFlow"]
    resources = ["${local.instance}/contact-flow/*"]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-2:123456789012:log-group:/aws/lambda/outbound-dialer:*"]
  }
}

# A CI role that manages the routing profiles and queues of one instance, and
# only those tagged for the team.
data "connect_policy_document" "routing_ci" {
  grant {
    access_levels = ["Read", "List"]
    resources = [
      local.instance,
      "${local.instance}/queue/*",
      "${local.instance}/routing-profile/*",
    ]
  }
  grant {
    actions   = ["CreateRoutingProfile"]
    resources = ["${local.instance}/routing-profile/*", "${local.instance}/queue/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/team"
      values   = ["contact-centre"]
    }
  }
  grant {
    actions   = ["connect:UpdateRoutingProfile*", "connect:*RoutingProfileQueues"]
    resources = ["${local.instance}/routing-profile/*", "${local.instance}/queue/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["contact-centre"]
    }
  }
}

# A read-only auditor of every instance in the account, minimised into
# wildcards (which will also match actions AWS adds later). Read includes
# connect:GetFederationToken, which signs in to the instance, and the reads
# of customer data: must_not_allow fails the plan if the grants ever allow
# them, so they are taken out with a Deny.
data "connect_policy_document" "auditor" {
  minimize = true
  grant {
    access_levels = ["Read", "List"]
    resources     = ["arn:aws:connect:*:123456789012:instance/*", "*"]
  }
  grant {
    effect    = "Deny"
    actions   = ["GetFederationToken", "AdminGetEmergencyAccessToken", "GetAttachedFile", "GetContactAttributes", "SearchContacts", "ListRealtimeContactAnalysisSegmentsV2"]
    resources = ["*"]
  }
  must_not_allow {
    risks = ["credentials-exposure", "data-exfiltration"]
  }
  must_not_allow {
    actions = ["connect:Update*", "connect:Delete*"]
  }
}

# A guard-rail: nobody may delete the instance or delete users outside the
# admins' team, whatever else they are allowed.
data "connect_policy_document" "guard_rail" {
  grant {
    effect    = "Deny"
    actions   = ["DeleteInstance"]
    resources = [local.instance]
  }
  grant {
    effect    = "Deny"
    actions   = ["DeleteUser"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["admins"]
    }
  }
}

output "outbound_dialer_policy" {
  value = data.connect_policy_document.outbound_dialer.json
}

output "routing_ci_actions" {
  value = data.connect_policy_document.routing_ci.allowed_actions
}
