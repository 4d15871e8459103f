# Attaching the policies needs the hashicorp/aws provider and credentials;
# the provider's tests apply policy.tf alone.

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    connect = {
      source = "connect-iam/connect"
    }
  }
}

variable "ci_role_name" {
  description = "The role your CI assumes to run terraform plan and apply on the contact centre."
  type        = string
  default     = "contact-centre-terraform"
}

# Plan jobs and apply jobs run as two roles: the plan role reads only.
resource "aws_iam_role_policy" "terraform_plan" {
  name   = "connect-terraform-plan"
  role   = "${var.ci_role_name}-plan"
  policy = data.connect_deployer_policy.terraform.plan_json
}

resource "aws_iam_role_policy" "terraform_apply" {
  name   = "connect-terraform-apply"
  role   = var.ci_role_name
  policy = data.connect_deployer_policy.terraform.apply_json
}
