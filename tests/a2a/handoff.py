"""An A2A client built on the official `a2a-sdk` (1.3), driven by
`crates/cli/tests/e2e/a2a.rs` against a real `baton serve`.

It discovers Baton's Agent Card, streams a message that asks for a person, and
prints one JSON line per step on stdout:

  {"step": "card", ...}            what the card said
  {"step": "input-required", ...}  the task waits for a person (the test then acts as the desk)
  {"step": "done", ...}            the stream ended; the task as GetTask reads it

Errors raised by the SDK end the script with a non-zero status and a traceback.
"""

import argparse
import asyncio
import json
import sys
import uuid

import httpx
from a2a.client import A2ACardResolver, ClientConfig, ClientFactory
from a2a.types import (
    CancelTaskRequest,
    GetTaskRequest,
    ListTasksRequest,
    Message,
    Part,
    Role,
    SendMessageRequest,
    TaskNotCancelableError,
    TaskNotFoundError,
    TaskState,
)


def say(**fields):
    print(json.dumps(fields), flush=True)


def texts(task):
    return [
        {
            "role": Role.Name(m.role),
            "text": " ".join(p.text for p in m.parts if p.text),
            "baton_role": m.metadata["baton"]["role"] if "baton" in m.metadata else None,
        }
        for m in task.history
    ]


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--secret", required=True)
    ap.add_argument("--other-secret", required=True, help="another AI agent's secret")
    args = ap.parse_args()

    async with httpx.AsyncClient(timeout=30) as anon:
        card = await A2ACardResolver(anon, args.url).get_agent_card()
    iface = card.supported_interfaces[0]
    schemes = {k: v.http_auth_security_scheme.scheme for k, v in card.security_schemes.items()}
    say(
        step="card",
        name=card.name,
        url=iface.url,
        binding=iface.protocol_binding,
        version=iface.protocol_version,
        streaming=card.capabilities.streaming,
        schemes=schemes,
    )

    auth = {"Authorization": f"Bearer {args.secret}"}
    async with httpx.AsyncClient(headers=auth, timeout=60) as http:
        client = ClientFactory(ClientConfig(streaming=True, httpx_client=http)).create(card)
        request = SendMessageRequest(
            message=Message(
                role=Role.ROLE_USER,
                message_id=str(uuid.uuid4()),
                parts=[Part(text="This is not working. I want to talk to a person, please.")],
            )
        )
        task_id = None
        states = []
        async for event in client.send_message(request):
            if event.HasField("task"):
                task_id = event.task.id
                state = event.task.status.state
            elif event.HasField("status_update"):
                state = event.status_update.status.state
            else:
                continue
            states.append(TaskState.Name(state))
            if state == TaskState.TASK_STATE_INPUT_REQUIRED and states.count(states[-1]) == 1:
                # The handoff must also be visible to the same agent on ListTasks.
                listed = await client.list_tasks(ListTasksRequest())
                say(
                    step="input-required",
                    task=task_id,
                    listed=[t.id for t in listed.tasks],
                )

        task = await client.get_task(GetTaskRequest(id=task_id))
        try:
            await client.cancel_task(CancelTaskRequest(id=task_id))
            cancel = "canceled"
        except TaskNotCancelableError as e:
            cancel = f"not-cancelable: {e}"
        say(
            step="done",
            task=task_id,
            context=task.context_id,
            states=states,
            state=TaskState.Name(task.status.state),
            status_message=" ".join(p.text for p in task.status.message.parts),
            history=texts(task),
            cancel=cancel,
        )

    # Another agent's secret: the task does not exist for it.
    other = {"Authorization": f"Bearer {args.other_secret}"}
    async with httpx.AsyncClient(headers=other, timeout=30) as http:
        client = ClientFactory(ClientConfig(streaming=False, httpx_client=http)).create(card)
        try:
            await client.get_task(GetTaskRequest(id=task_id))
            say(step="other-agent", outcome="READ ANOTHER AGENT'S TASK")
        except TaskNotFoundError as e:
            say(step="other-agent", outcome="not-found", message=str(e))


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
