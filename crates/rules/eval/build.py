#!/usr/bin/env python3
"""Builds the replay sets (JSON Lines) from their plain-text sources.

A source file holds conversations, each introduced by `=== id channel expect`, where
`expect` is `none`, a reason, or `reason@turn`. Each following line is one turn:

    c: text                 customer
    a: text                 AI, confidence 0.9
    a0.35: text             AI with that confidence
    a!error: text           AI turn carrying an event (error, critical_action, completion)
    t!error: text           tool turn carrying an event
    a#fallback: text        AI turn with an intent (also c#intent for the customer)

Usage: python3 build.py conversations.txt ordinary.txt   (writes .jsonl beside each)
"""
import json
import re
import sys

ROLES = {"c": "customer", "a": "ai", "t": "tool", "h": "human", "s": "system"}
TURN = re.compile(r"^([catsh])(\d*\.?\d+)?(?:!(\w+))?(?:#(\w+))?: (.*)$")


def build(path):
    convs = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("=== "):
            cid, channel, expect = line[4:].split()
            if expect == "none":
                e = {"handoff": False}
            else:
                reason, _, turn = expect.partition("@")
                e = {"handoff": True, "reason": reason}
                if turn:
                    e["turn"] = int(turn)
            convs.append({"id": cid, "channel": channel, "turns": [], "expect": e})
            continue
        m = TURN.match(line)
        if not m or not convs:
            sys.exit(f"{path}:{n}: not a turn: {line}")
        role, conf, event, intent, text = m.groups()
        t = {"role": ROLES[role], "text": text}
        if role == "a":
            t["confidence"] = float(conf) if conf else 0.9
        if event:
            t["event"] = event
        if intent:
            t["intent"] = intent
        convs[-1]["turns"].append(t)
    out = path.rsplit(".", 1)[0] + ".jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for c in convs:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{out}: {len(convs)} conversations")


for p in sys.argv[1:]:
    build(p)
