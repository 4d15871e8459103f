data "connect_resource_types" "all" {}

# The ARN format and parts of a queue, and the actions that can act on one.
data "connect_resource_types" "queue" {
  names = ["queue"]
}

# The types of Customer Profiles, a service of the Connect family.
data "connect_resource_types" "profile" {
  services = ["profile"]
}

output "arn_formats" {
  value = { for rt in data.connect_resource_types.all.resource_types : rt.name => rt.arn_format }
}

output "queue_actions" {
  value = data.connect_resource_types.queue.resource_types[0].actions
}

output "profile_arn_formats" {
  value = { for rt in data.connect_resource_types.profile.resource_types : rt.name => rt.arn_format }
}
