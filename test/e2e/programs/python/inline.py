"""A Python program of the native provider, run by the real Pulumi CLI through the Automation API.

The Python language host (pulumi-language-python) cannot be built here, so the program is served to
`pulumi up --client` by the Python SDK's own language server, as Automation API inline programs are.
The CLI, the engine, the state and the plugin are the real ones. Prints one JSON line per step:
{"step", "summary"}. Settings come from the environment (see test/e2e/languages.e2e.ts).
"""
import json
import os

import pulumi
from pulumi import automation as auto

import pulumi_connect_outbound_chat as connect


def program():
    for index in range(int(os.environ["E2E_COUNT"])):
        connect.OutboundChatContact(
            f"contact-{index}",
            instance_id=os.environ["E2E_INSTANCE_ID"],
            contact_flow_id=os.environ["E2E_CONTACT_FLOW_ID"],
            source_endpoint=connect.SourceEndpointArgs(address=os.environ["E2E_SOURCE_ARN"]),
            destination_endpoint=connect.DestinationEndpointArgs(address=f"+1206555{1000 + index:04d}"),
            channel="SMS",
            initial_system_message=connect.ChatMessageArgs(
                content_type="text/plain", content="Welcome aboard, from Python!"
            ),
            attributes={"resource": f"contact-{index}"},
        )


def main():
    stack = auto.create_or_select_stack(
        stack_name="dev",
        project_name="python-contacts",
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=os.environ["E2E_WORK_DIR"],
            project_settings=auto.ProjectSettings(
                name="python-contacts",
                runtime="python",
                backend=auto.ProjectBackend(url=os.environ["PULUMI_BACKEND_URL"]),
            ),
        ),
    )
    stack.set_config("connect-outbound-chat:region", auto.ConfigValue(os.environ["E2E_REGION"]))
    for step in os.environ["E2E_STEPS"].split(","):
        if step == "up":
            result = stack.up()
        elif step == "destroy":
            result = stack.destroy()
        else:
            raise ValueError(step)
        print(json.dumps({"step": step, "summary": result.summary.resource_changes}), flush=True)


if __name__ == "__main__":
    main()
