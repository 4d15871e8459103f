# The Read and List actions that can act on a queue.
data "connect_actions" "queue_readers" {
  access_levels  = ["Read", "List"]
  resource_types = ["queue"]
}

# Actions that can only be granted on "*" (no resource-level permission).
data "connect_actions" "wildcard_only" {
  resource_types = ["*"]
}

# Write actions on users whose resource tags can be tested in a condition.
# In HCL a literal "${" is written "$${".
data "connect_actions" "tag_guarded_user_writes" {
  access_levels  = ["write"]
  resource_types = ["user"]
  condition_keys = ["aws:ResourceTag/$${TagKey}"]
}

# Everything the catalog knows of the actions whose names match a pattern.
data "connect_actions" "contact_recording" {
  names = ["connect:*ContactRecording"]
}

output "queue_readers" {
  value = data.connect_actions.queue_readers.actions
}

output "contact_recording_descriptions" {
  value = { for a in data.connect_actions.contact_recording.details : a.name => a.description }
}

# The rest of the Amazon Connect family: by the services filter, or by the
# prefix of a name pattern.
data "connect_actions" "customer_profile_reads" {
  services      = ["profile"]
  access_levels = ["Read"]
  names         = ["Get*Profile*"]
}

data "connect_actions" "case_searches" {
  names = ["cases:Search*"]
}
