# Sourced by scripts that run Terraform on a local build of the provider:
# use_local_build DIR builds it into DIR/bin and points Terraform at it
# through a CLI configuration with dev_overrides in DIR, so that no
# `terraform init` and no registry are needed.
use_local_build() {
  local work=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  go build -C "$root" -o "$work/bin/terraform-provider-connect" .
  cat >"$work/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "registry.terraform.io/connect-iam/connect" = "$work/bin"
  }
  direct {}
}
CONFIG
  export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
}

# terraform_at_least TERRAFORM VERSION reports whether that Terraform is of
# VERSION or later.
terraform_at_least() {
  local version
  version=$("$1" version -json | sed -n 's/.*"terraform_version": *"\([0-9.]*\)".*/\1/p')
  [[ "$(printf '%s\n' "$2" "$version" | sort -V | head -n 1)" == "$2" ]]
}
