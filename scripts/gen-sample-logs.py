#!/usr/bin/env python3
"""Writes the page's sample logs: assets/sample/claude-code-sample.jsonl.

Two and a half weeks (2026-10-05 to 2026-10-20) of a developer in Berlin on Claude Max 5x,
mostly Opus 4.5, sometimes two sessions at once: three 5-hour limit hits (the 2026 text, once
logged by two parallel sessions 70 s apart, and twice the structured `quotaLimits` form) and a
weekly one. The page's importer shows the hits and the API dollars each window held, which is
what a calibration of the plan's limits needs.

The file is kept small (about 70 KB, 7 KB gzipped), so each line stands for a large request (a
big context written to the cache, a long answer) and only the fields the importer reads, plus a
few others, are written.
Every request has one of three shapes, so that the windows' dollars can be checked by hand
(src/usage/tests/sample.rs): this script prints, for each hit, how many requests of each shape
its window holds.

Deterministic (a fixed seed, no clock). Usage: gen-sample-logs.py [OUT_FILE]
"""
import datetime as dt, json, os, random, sys

OPUS, SONNET = "claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929"
# shape: (model, input, cache write (5 min), cache read, output)
SHAPES = {
    "H": (OPUS, 4, 180000, 15000, 28000),  # a new large context and a long answer
    "M": (OPUS, 6, 60000, 120000, 8000),
    "S": (SONNET, 8, 40000, 150000, 6000),
}
PRICE = {OPUS: (5.0, 25.0, 6.25, 0.50), SONNET: (3.0, 15.0, 3.75, 0.30)}  # USD per million


def cost(shape):
    model, i, w, r, o = SHAPES[shape]
    pi, po, pw, pr = PRICE[model]
    return (i * pi + o * po + w * pw + r * pr) / 1e6


SESSIONS = {
    "shop": ("/home/sam/shop", "9b2f6c1e-4d3a-4f8e-9a71-2c5d8e0f1a3b"),
    "api": ("/home/sam/api", "d41e7a90-8c2b-4e5f-b6a3-7f19c0e2d845"),
    "shop2": ("/home/sam/shop", "5c8a3e27-1b9d-4c60-a2f4-8e6b0d3c9f17"),
}

# (UTC day and hour of the block's first request, minutes it lasts, [(session, shape, count)],
#  hit or None). The sessions' requests are interleaved.
D = lambda day, h, m=0: dt.datetime(2026, 10, day, h, m, tzinfo=dt.timezone.utc)
BLOCKS = [
    (D(5, 7, 12), 170, [("shop", "M", 6), ("shop", "S", 3)], None),
    (D(6, 7, 5), 200, [("shop", "M", 8), ("shop", "S", 2)], None),
    (D(6, 12, 20), 180, [("shop", "H", 4), ("shop", "M", 3)], None),
    (D(7, 8, 2), 240, [("shop", "H", 6), ("shop", "M", 4)], None),
    # Thursday: two sessions at once, cut off; both log it, 70 s apart
    (D(8, 7, 3), 250, [("shop", "H", 8), ("api", "H", 3), ("api", "M", 4), ("shop", "S", 2)],
     ("text2026", "shop", "api")),
    (D(9, 9, 15), 120, [("shop", "M", 5)], None),
    (D(10, 10, 40), 90, [("shop", "S", 4)], None),
    # the heavy week
    (D(12, 7, 1), 250, [("shop", "H", 10), ("shop", "M", 3)], None),
    (D(12, 13, 10), 230, [("shop", "H", 7), ("api", "S", 2)], None),
    (D(13, 7, 4), 240, [("shop", "H", 9), ("api", "H", 3), ("shop", "M", 4), ("api", "S", 1)],
     ("quota5h", "shop", None)),
    (D(13, 13, 2), 200, [("shop", "H", 6)], None),
    (D(14, 7, 10), 260, [("shop", "H", 10), ("shop", "M", 3)], None),
    (D(14, 13, 15), 220, [("shop2", "H", 8), ("shop2", "M", 2)], None),
    (D(15, 7, 0), 245, [("shop", "H", 9), ("shop2", "H", 3), ("shop", "M", 3), ("shop2", "S", 2)],
     ("quota5h", "shop2", None)),
    (D(15, 13, 30), 210, [("shop", "H", 7)], None),
    (D(16, 7, 5), 190, [("shop", "H", 9), ("shop", "M", 2)], ("weekly", "shop", None)),
    # after the weekly reset
    (D(19, 8, 0), 150, [("shop", "M", 4), ("shop", "S", 2)], None),
    (D(20, 8, 30), 180, [("shop", "M", 6)], None),
]

rnd = random.Random(20261005)
lines = []  # (time, json)
n = [0]


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def rid():
    return "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789") for _ in range(22))


def base(t, session, **kw):
    cwd, sid = SESSIONS[session]
    d = {"type": kw.pop("type", "assistant"), "cwd": cwd, "sessionId": sid, "version": "2.1.70",
         "timestamp": ts(t)}
    d.update(kw)
    return d


def request(t, session, shape):
    model, i, w, r, o = SHAPES[shape]
    key = rid()
    return base(t, session, requestId="req_011C" + key, message={
        "id": "msg_01" + key, "role": "assistant", "model": model,
        "usage": {"input_tokens": i, "cache_creation_input_tokens": w, "cache_read_input_tokens": r,
                  "output_tokens": o}})


def hit(t, session, form, block_start):
    """The line Claude Code writes when the plan refuses."""
    berlin = dt.timezone(dt.timedelta(hours=2))  # CEST
    if form == "weekly":
        reset = D(19, 7)  # the week started on Monday 12 at 07:00 UTC
        text = "You've hit your weekly limit \u00b7 resets Oct 19, 9am (Europe/Berlin)"
        quota = {"status": "rejected", "resetsAt": int(reset.timestamp()), "rateLimitType": "seven_day"}
    else:
        reset = block_start.replace(minute=0) + dt.timedelta(hours=5)
        local = reset.astimezone(berlin)
        clock = local.strftime("%-I%p").lower() if local.minute == 0 else local.strftime("%-I:%M%p").lower()
        text = "You've hit your session limit \u00b7 resets %s (Europe/Berlin)" % clock
        quota = None if form == "text2026" else {
            "status": "rejected", "resetsAt": int(reset.timestamp()), "rateLimitType": "five_hour"}
    d = base(t, session, isApiErrorMessage=True, error="rate_limit", apiErrorStatus=429, message={
        "id": "msg_err_" + rid()[:10], "role": "assistant", "model": "<synthetic>",
        "content": [{"type": "text", "text": text}]})
    if quota:
        d["quotaLimits"] = quota
    return d


report = []
for start, minutes, parts, hitspec in BLOCKS:
    seq = [(s, shape) for s, shape, k in parts for _ in range(k)]
    rnd.shuffle(seq)
    first_of = set()
    for k, (s, shape) in enumerate(seq):
        t = start + dt.timedelta(minutes=minutes * k / max(1, len(seq) - 1),
                                 milliseconds=rnd.randrange(0, 20000))
        if s not in first_of:
            first_of.add(s)
            lines.append((t - dt.timedelta(seconds=20), base(t - dt.timedelta(seconds=20), s, type="user",
                          message={"role": "user", "content": "Carry on with the %s work" % s})))
        lines.append((t, request(t, s, shape)))
    if hitspec:
        form, s1, s2 = hitspec
        t = start + dt.timedelta(minutes=minutes, seconds=90)
        lines.append((t, hit(t, s1, form, start)))
        if s2:
            t2 = t + dt.timedelta(seconds=70)
            lines.append((t2, hit(t2, s2, form, start)))
        report.append((form, t, start))

lines.sort(key=lambda x: x[0])
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "assets", "sample",
                                                        "claude-code-sample.jsonl")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    for _, d in lines:
        f.write(json.dumps(d, separators=(",", ":"), ensure_ascii=False) + "\n")

# what each hit's window holds (block up to the hit; 7 days before it for the weekly one)
entries = [(t, d) for t, d in lines if d.get("message", {}).get("usage")]
for form, t, start in report:
    lo = t - dt.timedelta(days=7) if form == "weekly" else start.replace(minute=0)
    counts = {}
    for et, d in entries:
        if lo < et <= t or (form != "weekly" and lo <= et <= t):
            u = d["message"]["usage"]
            shape = next(k for k, v in SHAPES.items() if v[2] == u["cache_creation_input_tokens"])
            counts[shape] = counts.get(shape, 0) + 1
    usd = sum(cost(k) * v for k, v in counts.items())
    print("%-8s %s  %s  $%.5f" % (form, ts(t), " ".join("%s %d" % kv for kv in sorted(counts.items())), usd))
print("shapes: " + ", ".join("%s $%.6f" % (k, cost(k)) for k in SHAPES))
print("%d lines, %d bytes" % (len(lines), os.path.getsize(out)))
