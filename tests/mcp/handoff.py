"""An MCP client built on the official `mcp` Python SDK (2.3), driven by
`crates/cli/tests/e2e/mcp.rs` against a real `baton serve`.

It lists Baton's tools, records a customer turn, asks should_handoff, requests a
handoff and reads its status, printing one JSON object on stdout with what it saw.
With --expect-refusal it only tries to connect and prints how that failed.
"""

import argparse
import asyncio
import json

import httpx2
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client


def structured(result):
    if result.structured_content is not None:
        return result.structured_content
    return json.loads(result.content[0].text)


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="the MCP endpoint, e.g. http://127.0.0.1:8080/mcp")
    ap.add_argument("--secret", default="")
    ap.add_argument("--expect-refusal", action="store_true")
    ap.add_argument("--list-only", action="store_true", help="list the tools and try request_handoff")
    args = ap.parse_args()

    headers = {"Authorization": f"Bearer {args.secret}"} if args.secret else {}
    http = httpx2.AsyncClient(headers=headers, timeout=30)
    if args.expect_refusal:
        try:
            async with streamable_http_client(args.url, http_client=http) as (read, write, *_):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    await session.list_tools()
            print(json.dumps({"refused": False}), flush=True)
        except BaseException as e:  # the SDK raises an ExceptionGroup from its task group
            print(json.dumps({"refused": True, "error": repr(e)[:2000]}), flush=True)
        return

    if args.list_only:
        async with streamable_http_client(args.url, http_client=http) as (read, write, *_):
            async with ClientSession(read, write) as session:
                await session.initialize()
                names = sorted(t.name for t in (await session.list_tools()).tools)
                try:
                    r = await session.call_tool("request_handoff", {"conversation_id": "x"})
                    call = {"is_error": r.is_error, "text": r.content[0].text if r.content else ""}
                except Exception as e:  # an unknown tool is a protocol error
                    call = {"raised": repr(e)}
                print(json.dumps({"tools": names, "call": call}), flush=True)
        return

    async with streamable_http_client(args.url, http_client=http) as (read, write, *_):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            tools = (await session.list_tools()).tools
            listed = {t.name: {"description": t.description, "schema": t.input_schema} for t in tools}

            turn = structured(
                await session.call_tool(
                    "append_turn",
                    {"role": "customer", "text": "My invoice is wrong and nobody fixes it."},
                )
            )
            conv = turn["conversation_id"]
            advice = structured(
                await session.call_tool(
                    "should_handoff",
                    {"conversation_id": conv, "role": "customer", "text": "Get me a human being now!"},
                )
            )
            handoff = structured(
                await session.call_tool(
                    "request_handoff",
                    {
                        "conversation_id": conv,
                        "reason": "explicit_request",
                        "destination": "support",
                        "summary": "Customer disputes an invoice; asked for a person.",
                        "utterance": "A colleague from support will take over.",
                        "parameters": {"invoice": "INV-7"},
                    },
                )
            )
            status = structured(
                await session.call_tool("get_handoff_status", {"handoff_id": handoff["handoff_id"]})
            )
            again = await session.call_tool(
                "request_handoff", {"conversation_id": conv, "reason": "manual"}
            )
            print(
                json.dumps(
                    {
                        "server": init.server_info.name,
                        "instructions": init.instructions,
                        "tools": listed,
                        "turn": turn,
                        "advice": advice,
                        "handoff": handoff,
                        "status": status,
                        "again": {"is_error": again.is_error, "content": structured(again)},
                    }
                ),
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main())
