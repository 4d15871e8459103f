# A first look at the provider: which Connect actions read queues, and what
# their ARNs look like. `make demo` runs this against a local build.
terraform {
  required_providers {
    connect = {
      source = "connect-iam/connect"
    }
  }
}

data "connect_actions" "queue_readers" {
  access_levels  = ["Read", "List"]
  resource_types = ["queue"]
}

data "connect_resource_types" "queue" {
  names = ["queue"]
}

output "queue_read_actions" {
  description = "The Read and List actions that can act on a queue."
  value       = data.connect_actions.queue_readers.actions
}

output "queue_arn_format" {
  description = "The format of a queue's ARN."
  value       = data.connect_resource_types.queue.resource_types[0].arn_format
}
