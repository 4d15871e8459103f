// Command terraform-provider-connect is a Terraform provider that builds and
// checks least-privilege IAM policies for Amazon Connect at plan time.
package main

import (
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/connect-iam/terraform-provider-connect/internal/provider"
)

// version is set by the release build (goreleaser's ldflags).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider for a debugger such as delve, printing the TF_REATTACH_PROVIDERS value to use")
	flag.Parse()
	quietSDKLogs()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(provider.RegistryAddress, provider.NewServer(version), opts...); err != nil {
		log.Fatal(err.Error())
	}
}

// quietSDKLogs turns off the plugin SDK's own TRACE logs unless some TF_LOG
// variable asks for logs. The framework writes a log line for nearly every
// value of a configuration, and Terraform throws them away unless TF_LOG or
// TF_LOG_PROVIDER is set: in a plan of 100 connect_policy_document data
// sources, writing them took a third of the provider's time.
func quietSDKLogs() {
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_LOG") {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		_ = os.Setenv(name, "OFF")
	}
}
