// A Go program of the native provider, run by the real Pulumi CLI through the Automation API.
//
// The Go language host (pulumi-language-go) cannot be built here, so the program is served to
// `pulumi up --client` by the Go SDK's own language server, as Automation API inline programs are.
// The CLI, the engine, the state and the plugin are the real ones. Prints one JSON line per step:
// {"step", "summary"}. Settings come from the environment (see test/e2e/languages.e2e.ts).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	connect "github.com/pulumi-connect-outbound-chat/pulumi-connect-outbound-chat/sdk/go/connectoutboundchat"
)

func program(ctx *pulumi.Context) error {
	count, err := strconv.Atoi(os.Getenv("E2E_COUNT"))
	if err != nil {
		return err
	}
	for index := 0; index < count; index++ {
		name := fmt.Sprintf("contact-%d", index)
		_, err := connect.NewOutboundChatContact(ctx, name, &connect.OutboundChatContactArgs{
			InstanceId:     pulumi.String(os.Getenv("E2E_INSTANCE_ID")),
			ContactFlowId:  pulumi.String(os.Getenv("E2E_CONTACT_FLOW_ID")),
			SourceEndpoint: &connect.SourceEndpointArgs{Address: pulumi.String(os.Getenv("E2E_SOURCE_ARN"))},
			DestinationEndpoint: &connect.DestinationEndpointArgs{
				Address: pulumi.String(fmt.Sprintf("+1206555%04d", 2000+index)),
			},
			Channel: pulumi.String("SMS"),
			InitialSystemMessage: &connect.ChatMessageArgs{
				ContentType: pulumi.String("text/plain"),
				Content:     pulumi.String("Welcome aboard, from Go!"),
			},
			Attributes: pulumi.StringMap{"resource": pulumi.String(name)},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func main() {
	ctx := context.Background()
	project := workspace.Project{
		Name:    "go-contacts",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Backend: &workspace.ProjectBackend{URL: os.Getenv("PULUMI_BACKEND_URL")},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "go-contacts", program,
		auto.WorkDir(os.Getenv("E2E_WORK_DIR")), auto.Project(project))
	if err != nil {
		fail(err)
	}
	if err := stack.SetConfig(ctx, "connect-outbound-chat:region", auto.ConfigValue{Value: os.Getenv("E2E_REGION")}); err != nil {
		fail(err)
	}
	for _, step := range strings.Split(os.Getenv("E2E_STEPS"), ",") {
		var summary *map[string]int
		switch step {
		case "up":
			result, err := stack.Up(ctx)
			if err != nil {
				fail(err)
			}
			summary = result.Summary.ResourceChanges
		case "destroy":
			result, err := stack.Destroy(ctx)
			if err != nil {
				fail(err)
			}
			summary = result.Summary.ResourceChanges
		default:
			fail(fmt.Errorf("unknown step %q", step))
		}
		line, _ := json.Marshal(map[string]interface{}{"step": step, "summary": summary})
		fmt.Println(string(line))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
