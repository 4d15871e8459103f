# The ARN of every queue of one instance.
output "queues" {
  value = provider::connect::arn("queue", {
    region      = "us-east-1"
    account     = "123456789012"
    instance_id = "11111111-2222-3333-4444-555555555555"
    queue_id    = "*"
  })
}
