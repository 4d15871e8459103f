# The policies of the role that runs Terraform on this contact centre: the
# aws_connect_* types that connect.tf manages (and reads), in the instance
# it works in, with the Lambda function and Lex bot its flows call. See the
# guide "Least privilege for the Terraform role".

variable "instance_arn" {
  description = "The ARN of the Connect instance; null while the instance is still to be created by this configuration."
  type        = string
  default     = "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

variable "allow_destroy" {
  description = "Whether the role may delete resources: terraform destroy, and resources that must be replaced."
  type        = bool
  default     = false
}

data "connect_deployer_policy" "terraform" {
  resource_types = [
    "aws_connect_hours_of_operation",
    "aws_connect_queue",
    "aws_connect_routing_profile",
    "aws_connect_security_profile",
    "aws_connect_user",
    "aws_connect_contact_flow",
    "aws_connect_lambda_function_association",
    "aws_connect_bot_association",
  ]
  data_source_types = ["aws_connect_prompt", "aws_connect_instance"]
  instance_arns     = var.instance_arn == null ? [] : [var.instance_arn]
  region            = var.instance_arn == null ? "eu-west-2" : null
  account_id        = var.instance_arn == null ? "123456789012" : null
  related_resource_arns = [
    "arn:aws:lambda:eu-west-2:123456789012:function:order-lookup",
    "arn:aws:lex:eu-west-2:123456789012:bot-alias/ABCDEFGHIJ/TSTALIASID",
  ]
  allow_destroy = var.allow_destroy
}

# The plan policy must read, never write.
data "connect_policy_analysis" "plan" {
  policy      = data.connect_deployer_policy.terraform.plan_json
  policy_kind = "role-inline"
  fail_on     = "error"
  must_not_allow {
    actions = ["connect:Create*", "connect:Update*", "connect:Delete*", "connect:Associate*", "connect:Disassociate*", "connect:TagResource", "connect:UntagResource"]
  }
}

# The apply policy may not delete the instance unless destroy is asked for,
# nor expose credentials or weaken the audit trail.
data "connect_policy_analysis" "apply" {
  policy      = data.connect_deployer_policy.terraform.apply_json
  policy_kind = "role-inline"
  fail_on     = "error"
  dynamic "must_not_allow" {
    for_each = var.allow_destroy ? [] : [1]
    content {
      actions = ["connect:DeleteInstance", "connect:Delete*"]
    }
  }
  must_not_allow {
    risks = ["credentials-exposure", "audit-evasion"]
  }
}

output "apply_policy_size" {
  value = data.connect_policy_analysis.apply.size
}

output "apply_warnings" {
  value = [for f in data.connect_policy_analysis.apply.findings : "${f.code}: ${f.message}" if f.severity == "warning"]
}
