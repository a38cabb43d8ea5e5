"""An A2A agent built on the official a2a-sdk (1.3) server, in the shape of the SDK's
samples: Baton hands conversations to it as an A2A client.

It reads the handoff package Baton sends as a data part, answers with what it read
(so a test sees the package arrived), waits for the customer's next message
(input-required), answers that and completes the task. A package whose history
mentions "[refuse]" is rejected.

    python3 a2a_agent.py --port 0     # prints "listening on http://127.0.0.1:PORT"
    python3 a2a_agent.py --streaming  # its card offers streaming; prints "method NAME"
                                      # for every JSON-RPC request it gets
"""

import argparse
import asyncio
import json
import socket

import uvicorn
from starlette.applications import Starlette

from a2a.helpers.proto_helpers import (
    get_data_parts,
    get_text_parts,
    new_task_from_user_message,
    new_text_part,
)
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_agent_card_routes, create_jsonrpc_routes
from a2a.server.tasks import InMemoryTaskStore, TaskUpdater
from a2a.types import AgentCapabilities, AgentCard, AgentInterface, AgentSkill


class TechSupport(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue) -> None:
        message = context.message
        task = context.current_task
        if task is None:
            task = new_task_from_user_message(message)
            await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        if context.current_task is not None:
            # The customer wrote again: answer and finish.
            said = " ".join(get_text_parts(message.parts))
            await updater.add_artifact([new_text_part(f"resolution: {said}")])
            await updater.complete(
                updater.new_agent_message([new_text_part(f"Thanks, '{said}' fixed it. Closing.")])
            )
            return
        packages = [d.get("baton_handoff") for d in get_data_parts(message.parts) if isinstance(d, dict)]
        package = next((p for p in packages if p), None)
        if package is None:
            await updater.reject(updater.new_agent_message([new_text_part("no handoff package")]))
            return
        history = package.get("history") or []
        texts = [h.get("text", "") for h in history]
        if any("[refuse]" in t for t in texts):
            await updater.reject(updater.new_agent_message([new_text_part("Not something I can help with.")]))
            return
        first = next((h.get("text", "") for h in history if h.get("role") == "customer"), "")
        summary = " ".join(get_text_parts(message.parts))
        await updater.start_work()
        await updater.requires_input(
            updater.new_agent_message(
                [new_text_part(f"Tech support bot: I read {len(history)} turns ({first}); summary: {summary}")]
            )
        )

    async def cancel(self, context: RequestContext, event_queue) -> None:
        task = context.current_task
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        await updater.cancel()


class PrintMethods:
    """ASGI middleware: prints the JSON-RPC method of every POST, so a test sees
    which calls a client made (SendStreamingMessage rather than SendMessage)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        chunks = []

        async def peek():
            msg = await receive()
            if msg["type"] == "http.request":
                chunks.append(msg.get("body", b""))
                if not msg.get("more_body"):
                    try:
                        print("method " + json.loads(b"".join(chunks)).get("method", ""), flush=True)
                    except Exception:
                        pass
            return msg

        return await self.app(scope, peek, send)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--streaming", action="store_true")
    args = parser.parse_args()
    sock = socket.socket()
    sock.bind(("127.0.0.1", args.port))
    port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    card = AgentCard(
        name="tech-support-bot",
        description="Takes over network problems from other agents.",
        version="1.0.0",
        supported_interfaces=[AgentInterface(url=f"{url}/a2a", protocol_binding="JSONRPC", protocol_version="1.0")],
        capabilities=AgentCapabilities(streaming=args.streaming),
        default_input_modes=["text", "application/json"],
        default_output_modes=["text"],
        skills=[AgentSkill(id="network", name="Network support", description="Routers and lines", tags=["network"])],
    )
    handler = DefaultRequestHandler(
        agent_executor=TechSupport(), task_store=InMemoryTaskStore(), agent_card=card
    )
    app = Starlette(routes=create_agent_card_routes(card) + create_jsonrpc_routes(handler, "/a2a"))
    if args.streaming:
        app = PrintMethods(app)
    print(f"listening on {url}", flush=True)
    config = uvicorn.Config(app, log_level="warning")
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


if __name__ == "__main__":
    main()
