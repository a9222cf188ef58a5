"""The generated Python SDK under the Pulumi Python SDK's own mocks (pulumi.runtime.set_mocks)."""
import pulumi
import pytest


class Mocks(pulumi.runtime.Mocks):
    """Answers each registration as the provider would: the inputs back, and a ContactId."""

    def __init__(self):
        self.registered = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.registered.append(args)
        outputs = dict(args.inputs, contactId="contact-1", clientTokenSource="derived")
        return "contact-1", outputs

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


MOCKS = Mocks()
pulumi.runtime.set_mocks(MOCKS, preview=False)

import pulumi_connect_outbound_chat as connect  # noqa: E402 (after the mocks, as Pulumi's docs do)


def welcome():
    return connect.OutboundChatContact(
        "welcome",
        instance_id="11111111-2222-3333-4444-555555555555",
        contact_flow_id="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        source_endpoint=connect.SourceEndpointArgs(
            address="arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555"
        ),
        destination_endpoint=connect.DestinationEndpointArgs(address="+12065550151"),
        channel="SMS",
        initial_system_message=connect.ChatMessageArgs(content_type="text/plain", content="Hello"),
        attributes={"tier": "gold"},
    )


@pulumi.runtime.test
def test_registers_the_native_type_with_camel_cased_inputs():
    contact = welcome()

    def check(contact_id):
        registered = [r for r in MOCKS.registered if r.name == "welcome"]
        assert len(registered) == 1
        assert registered[0].typ == "connect-outbound-chat:index:OutboundChatContact"
        inputs = registered[0].inputs
        assert inputs["instanceId"] == "11111111-2222-3333-4444-555555555555"
        assert inputs["channel"] == "SMS"
        assert inputs["sourceEndpoint"] == {
            "address": "arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555"
        }
        assert inputs["attributes"] == {"tier": "gold"}
        assert contact_id == "contact-1"

    return contact.contact_id.apply(check)


@pulumi.runtime.test
def test_keeps_the_number_and_the_message_secret():
    contact = welcome()

    def check(args):
        destination_secret, message_secret, address = args
        assert destination_secret is True
        assert message_secret is True
        assert address == "+12065550151"

    return pulumi.Output.all(
        pulumi.Output.is_secret(contact.destination_endpoint),
        pulumi.Output.is_secret(contact.initial_system_message),
        contact.destination_endpoint.apply(lambda endpoint: endpoint.address),
    ).apply(check)


def test_requires_the_arguments_without_which_no_contact_is_sent():
    with pytest.raises(TypeError, match="instance_id"):
        connect.OutboundChatContact(
            "missing",
            contact_flow_id="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            source_endpoint=connect.SourceEndpointArgs(address="arn"),
            destination_endpoint=connect.DestinationEndpointArgs(address="+12065550151"),
        )
