package connectoutboundchat_test

import (
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	connect "github.com/pulumi-connect-outbound-chat/pulumi-connect-outbound-chat/sdk/go/connectoutboundchat"
)

// mocks answers each registration as the provider would: the inputs back, and a ContactId.
type mocks struct {
	mu         sync.Mutex
	registered []pulumi.MockResourceArgs
}

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	m.registered = append(m.registered, args)
	m.mu.Unlock()
	outputs := args.Inputs.Copy()
	outputs["contactId"] = resource.NewStringProperty("contact-1")
	outputs["clientTokenSource"] = resource.NewStringProperty("derived")
	return "contact-1", outputs, nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func TestOutboundChatContactRegistersItsTypeInputsAndSecrets(t *testing.T) {
	m := &mocks{}
	var contactID, destination string
	var destinationSecret bool
	var wait sync.WaitGroup
	wait.Add(1)
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		contact, err := connect.NewOutboundChatContact(ctx, "welcome", &connect.OutboundChatContactArgs{
			InstanceId:    pulumi.String("11111111-2222-3333-4444-555555555555"),
			ContactFlowId: pulumi.String("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
			SourceEndpoint: &connect.SourceEndpointArgs{
				Address: pulumi.String("arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555"),
			},
			DestinationEndpoint: &connect.DestinationEndpointArgs{Address: pulumi.String("+12065550150")},
			Channel:             pulumi.String("SMS"),
			Attributes:          pulumi.StringMap{"tier": pulumi.String("gold")},
		})
		if err != nil {
			return err
		}
		destinationSecret = pulumi.IsSecret(contact.DestinationEndpoint)
		pulumi.All(contact.ContactId, contact.DestinationEndpoint.Address()).ApplyT(func(values []interface{}) int {
			contactID = values[0].(string)
			if address := values[1].(*string); address != nil {
				destination = *address
			}
			wait.Done()
			return 0
		})
		return nil
	}, pulumi.WithMocks("project", "stack", m))
	if err != nil {
		t.Fatalf("the program failed: %v", err)
	}
	wait.Wait()
	if len(m.registered) != 1 {
		t.Fatalf("registered %d resources, want 1", len(m.registered))
	}
	registered := m.registered[0]
	if registered.TypeToken != "connect-outbound-chat:index:OutboundChatContact" {
		t.Errorf("type token %q", registered.TypeToken)
	}
	if got := registered.Inputs["channel"].StringValue(); got != "SMS" {
		t.Errorf("channel input %q, want SMS", got)
	}
	if !registered.Inputs["destinationEndpoint"].IsSecret() {
		t.Errorf("destinationEndpoint input is not secret: %v", registered.Inputs["destinationEndpoint"])
	}
	if contactID != "contact-1" {
		t.Errorf("contactId output %q, want contact-1", contactID)
	}
	if destination != "+12065550150" {
		t.Errorf("destinationEndpoint output %q", destination)
	}
	if !destinationSecret {
		t.Errorf("the destinationEndpoint output is not secret")
	}
}
