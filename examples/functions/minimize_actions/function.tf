# ["connect:StartC*", "connect:Sto*"]: shorter, but a wildcard also matches
# actions AWS adds later.
output "minimized" {
  value = provider::connect::minimize_actions([
    "connect:StartContactRecording",
    "connect:StartChatContact",
    "connect:StopContact",
    "connect:StopContactRecording",
  ])
}
