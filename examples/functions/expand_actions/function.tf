output "contact_recording_actions" {
  value = provider::connect::expand_actions("connect:*ContactRecording")
}
