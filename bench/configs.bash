# Sourced by the bench scripts: the configurations they plan, and
# statistics. Each configuration generator prints a main.tf.

header='terraform {
  required_providers {
    connect = { source = "connect-iam/connect" }
  }
}
'

# policy_config N: N policy documents, each for its own instance, with grants
# by level and by name, conditions, a Deny guard-rail and a statement. Every
# action named exists, and fits its resources, in both embedded catalogs, so
# that older builds plan the same configuration.
policy_config() {
  echo "$header"
  for ((i = 0; i < $1; i++)); do
    cat <<HCL
data "connect_policy_document" "p$i" {
  grant {
    access_levels = ["Read", "List"]
    resources = [
      "arn:aws:connect:us-east-1:123456789012:instance/i-$i",
      "arn:aws:connect:us-east-1:123456789012:instance/i-$i/queue/*",
      "arn:aws:connect:us-east-1:123456789012:instance/i-$i/routing-profile/*",
    ]
  }
  grant {
    actions   = ["StartOutboundVoiceContact"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
  }
  grant {
    actions   = ["StopContact", "connect:*ContactRecording"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/contact/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
  grant {
    actions   = ["UpdateUserRoutingProfile", "UpdateUserSecurityProfiles"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/agent/*", "arn:aws:connect:us-east-1:123456789012:instance/i-$i/routing-profile/*", "arn:aws:connect:us-east-1:123456789012:instance/i-$i/security-profile/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["team-$i"]
    }
  }
  grant {
    effect    = "Deny"
    actions   = ["DeleteUser"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/agent/*"]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/connect/i-$i:*"]
  }
}
HCL
  done
  echo "output \"policies\" { value = [$(for ((i = 0; i < $1; i++)); do printf 'data.connect_policy_document.p%d.json, ' "$i"; done)] }"
}

# typical_config N: N smaller policy documents, as teams write them: a grant
# by access level, a grant by name under a condition, and a Deny statement.
# Terraform's own work on the literal policies is smaller, so the provider's
# share of the plan shows more than with policy_config.
typical_config() {
  echo "$header"
  for ((i = 0; i < $1; i++)); do
    cat <<HCL
data "connect_policy_document" "p$i" {
  grant {
    access_levels = ["Read"]
    resources = [
      "arn:aws:connect:us-east-1:123456789012:instance/i-$i",
      "arn:aws:connect:us-east-1:123456789012:instance/i-$i/queue/*",
    ]
  }
  grant {
    actions   = ["StartTaskContact", "UpdateContactAttributes"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/contact/*", "arn:aws:connect:us-east-1:123456789012:instance/i-$i/contact-flow/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["connect:DeleteInstance"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i"]
  }
}
HCL
  done
  echo "output \"policies\" { value = [$(for ((i = 0; i < $1; i++)); do printf 'data.connect_policy_document.p%d.json, ' "$i"; done)] }"
}

# cheapest_config N: N of the provider's cheapest data source.
cheapest_config() {
  echo "$header"
  for ((i = 0; i < $1; i++)); do
    echo "data \"connect_resource_types\" \"t$i\" { names = [\"queue\"] }"
  done
  echo "output \"types\" { value = [$(for ((i = 0; i < $1; i++)); do printf 'data.connect_resource_types.t%d.resource_types, ' "$i"; done)] }"
}

# literal_config N DIR: the N policies of DIR's applied policy configuration
# as literal JSON in locals; no provider at all.
literal_config() {
  local n=$1 policies=$2
  for ((i = 0; i < n; i++)); do
    printf 'locals {\n  p%d = <<-EOT\n' "$i"
    jq -r ".policies.value[$i]" "$policies" | sed 's/^/    /'
    printf '  EOT\n}\n'
  done
  echo "output \"policies\" { value = [$(for ((i = 0; i < n; i++)); do printf 'jsondecode(local.p%d), ' "$i"; done)] }"
}

# stats: median min max of numbers on stdin.
stats() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2); print m, v[1], v[NR] }'
}

# policy_config_attributes N: policy_config's documents written for a schema
# whose blocks are nested attributes (bench/rawstub with BENCH_SHAPE), for
# bench/schema-shapes only: no provider release accepts it.
policy_config_attributes() {
  echo "$header"
  for ((i = 0; i < $1; i++)); do
    cat <<HCL
data "connect_policy_document" "p$i" {
  grant = [
    {
      access_levels = ["Read", "List"]
      resources = [
        "arn:aws:connect:us-east-1:123456789012:instance/i-$i",
        "arn:aws:connect:us-east-1:123456789012:instance/i-$i/queue/*",
        "arn:aws:connect:us-east-1:123456789012:instance/i-$i/routing-profile/*",
      ]
    },
    {
      actions   = ["StartOutboundVoiceContact"]
      resources = ["*"]
      condition = [{ test = "StringEquals", variable = "aws:RequestedRegion", values = ["us-east-1"] }]
    },
    {
      actions   = ["StopContact", "connect:*ContactRecording"]
      resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/contact/*"]
      condition = [
        { test = "StringEquals", variable = "aws:RequestedRegion", values = ["us-east-1"] },
        { test = "Bool", variable = "aws:SecureTransport", values = ["true"] },
      ]
    },
    {
      actions   = ["UpdateUserRoutingProfile", "UpdateUserSecurityProfiles"]
      resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/agent/*", "arn:aws:connect:us-east-1:123456789012:instance/i-$i/routing-profile/*", "arn:aws:connect:us-east-1:123456789012:instance/i-$i/security-profile/*"]
      condition = [{ test = "StringEquals", variable = "aws:ResourceTag/team", values = ["team-$i"] }]
    },
    {
      effect    = "Deny"
      actions   = ["DeleteUser"]
      resources = ["arn:aws:connect:us-east-1:123456789012:instance/i-$i/agent/*"]
    },
  ]
  statement = [{
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/connect/i-$i:*"]
  }]
}
HCL
  done
  echo "output \"policies\" { value = [$(for ((i = 0; i < $1; i++)); do printf 'data.connect_policy_document.p%d.json, ' "$i"; done)] }"
}
