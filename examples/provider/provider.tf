terraform {
  required_providers {
    connect = {
      source = "connect-iam/connect"
    }
  }
}

# The provider takes no configuration: everything it knows is compiled in.
provider "connect" {}
