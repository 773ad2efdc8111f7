#!/usr/bin/env python3
"""Generate a synthetic Claude Code log tree (projects/<project>/<session>.jsonl).

The layout and line shapes follow what Claude Code writes under ~/.claude/projects:
assistant lines carry message.id, message.model, message.usage and requestId;
user, summary and tool lines carry no usage. The tree also holds what a real one
holds: streamed copies of one message (same message.id and requestId, output
growing), subagent files under <session>/subagents/ with isSidechain=true,
<synthetic> model lines, API error lines, blank and broken lines.

Used for tests/data/usage/tree (scripts/gen-usage-testdata.sh) and the import benchmark
(scripts/bench-import.mjs).

Usage: gen-claude-logs.py OUT_DIR [--seed N] [--days N] [--projects N] [--sessions N] [--turns N]
Writes OUT_DIR/projects/... and OUT_DIR/expected.json (totals computed here from the
list price table below, with the same de-duplication rule as ccusage 20: one entry per
(message.id, requestId), keeping the copy with the most tokens).
"""
import argparse, datetime as dt, json, os, random


def dumps(obj):
    """Compact, as Claude Code writes its logs."""
    return json.dumps(obj, separators=(",", ":"))

PRICES = {  # USD per million tokens: input, output, cache write (5 min), cache read
    "claude-sonnet-4-5-20250929": (3.00, 15.00, 3.75, 0.30),
    "claude-opus-4-5-20251101": (5.00, 25.00, 6.25, 0.50),
    "claude-haiku-4-5-20251001": (1.00, 5.00, 1.25, 0.10),
}
MODELS = list(PRICES)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--projects", type=int, default=3)
    ap.add_argument("--sessions", type=int, default=6)
    ap.add_argument("--turns", type=int, default=40)
    ap.add_argument("--start", default="2026-10-05T08:00:00")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    start = dt.datetime.fromisoformat(a.start).replace(tzinfo=dt.timezone.utc)
    entries = {}  # (msg_id, req_id) -> (tokens tuple, model, timestamp)
    counts = {"lines": 0, "broken": 0, "assistant_lines": 0}
    n = 0

    def ts(t):
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"

    def assistant(t, sid, model, usage, mid, rid, side):
        return {"parentUuid": None, "isSidechain": side, "userType": "external",
                "cwd": "/home/dev/proj", "sessionId": sid, "version": "2.0.31",
                "message": {"id": mid, "type": "message", "role": "assistant", "model": model,
                            "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn",
                            "usage": usage},
                "requestId": rid, "type": "assistant", "uuid": f"u{rnd.getrandbits(64):016x}",
                "timestamp": ts(t)}

    def record(mid, rid, model, usage, t):
        tok = (usage["input_tokens"], usage["output_tokens"],
               usage["cache_creation_input_tokens"], usage["cache_read_input_tokens"])
        old = entries.get((mid, rid))
        if old is None or sum(tok) > sum(old[0]):
            entries[(mid, rid)] = (tok, model, t)

    for p in range(a.projects):
        pdir = os.path.join(a.out, "projects", f"-home-dev-project-{p}")
        os.makedirs(pdir, exist_ok=True)
        for s in range(a.sessions):
            sid = f"{rnd.getrandbits(128):032x}"
            sid = f"{sid[:8]}-{sid[8:12]}-{sid[12:16]}-{sid[16:20]}-{sid[20:]}"
            t = start + dt.timedelta(days=rnd.randrange(a.days), minutes=rnd.randrange(600))
            lines, side_lines = [], []
            weights = [0.6, 0.3, 0.1] if p % 2 == 0 else [0.2, 0.7, 0.1]
            for _ in range(a.turns):
                t += dt.timedelta(seconds=rnd.randrange(5, 400), milliseconds=rnd.randrange(1000))
                lines.append(dumps({"type": "user", "sessionId": sid, "timestamp": ts(t),
                                         "message": {"role": "user", "content": "next"}}))
                model = rnd.choices(MODELS, weights)[0]
                n += 1
                mid, rid = f"msg_{n:020d}", f"req_{n:020d}"
                usage = {"input_tokens": rnd.randrange(1, 400),
                         "cache_creation_input_tokens": rnd.randrange(0, 20000),
                         "cache_read_input_tokens": rnd.randrange(1000, 180000),
                         "output_tokens": rnd.randrange(1, 4000), "service_tier": "standard"}
                side = rnd.random() < 0.1
                target = side_lines if side else lines
                if rnd.random() < 0.25:  # streamed: an earlier, smaller copy of the same message
                    early = dict(usage, output_tokens=max(1, usage["output_tokens"] // 3))
                    target.append(dumps(assistant(t, sid, model, early, mid, rid, side)))
                    record(mid, rid, model, early, t)
                target.append(dumps(assistant(t, sid, model, usage, mid, rid, side)))
                record(mid, rid, model, usage, t)
                if rnd.random() < 0.05:
                    lines.append(dumps(assistant(t, sid, "<synthetic>", {
                        "input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
                        "cache_read_input_tokens": 0}, f"msg_s{n}", f"req_s{n}", False)))
                if rnd.random() < 0.03:
                    lines.append('{"type":"assistant","message":{"usage":{"input_tok')
                    counts["broken"] += 1
                if rnd.random() < 0.03:
                    lines.append("")
            lines.append(dumps({"type": "summary", "summary": "work", "leafUuid": "x"}))
            with open(os.path.join(pdir, f"{sid}.jsonl"), "w") as f:
                f.write("\n".join(lines) + "\n")
            if side_lines:
                sdir = os.path.join(pdir, sid, "subagents")
                os.makedirs(sdir, exist_ok=True)
                with open(os.path.join(sdir, f"agent-{rnd.getrandbits(32):08x}.jsonl"), "w") as f:
                    f.write("\n".join(side_lines) + "\n")

    tot = [0, 0, 0, 0]
    cost = 0.0
    by_model = {}
    for tok, model, _ in entries.values():
        pin, pout, pcw, pcr = PRICES[model]
        c = (tok[0] * pin + tok[1] * pout + tok[2] * pcw + tok[3] * pcr) / 1e6
        cost += c
        m = by_model.setdefault(model, [0, 0, 0, 0, 0.0])
        for i in range(4):
            tot[i] += tok[i]
            m[i] += tok[i]
        m[4] += c
    expected = {"entries": len(entries), "inputTokens": tot[0], "outputTokens": tot[1],
                "cacheCreationTokens": tot[2], "cacheReadTokens": tot[3],
                "totalTokens": sum(tot), "totalCost": round(cost, 6),
                "brokenLines": counts["broken"],
                "models": {k: {"inputTokens": v[0], "outputTokens": v[1], "cacheCreationTokens": v[2],
                               "cacheReadTokens": v[3], "cost": round(v[4], 6)} for k, v in sorted(by_model.items())}}
    with open(os.path.join(a.out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print(json.dumps({k: expected[k] for k in ("entries", "totalTokens", "totalCost")}))


if __name__ == "__main__":
    main()
