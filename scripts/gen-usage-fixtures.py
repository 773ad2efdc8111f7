#!/usr/bin/env python3
"""Writes the hand-made log trees of tests/data/usage/ that are not generated at random:

  progress/  Claude Code 2.1 transcripts: subagent calls repeated in the main transcript as
             "progress" lines (data.message holds the subagent's message and its usage), with
             and without the subagent's own file, and the checks ccusage 20 makes on them.
  limits-more/  the two hit formats limits/ lacks (Opus weekly text, structured seven_day)
  limits/    usage-limit hits in every format Claude Code has written, their decoys, and
             parallel sessions logging the same hit.

The shapes follow real 2.1.x transcripts; every id, text and number here is made up.
Deterministic: no clock, no randomness. Usage: gen-usage-fixtures.py OUT_DIR (tests/data/usage).
"""
import json, os, shutil, sys


def dumps(o):
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join((l if isinstance(l, str) else dumps(l)) + "\n" for l in lines))


SONNET = "claude-sonnet-4-5-20250929"
OPUS = "claude-opus-4-5-20251101"
HAIKU = "claude-haiku-4-5-20251001"


def usage(i, o, cw=0, cr=0, h1=None):
    u = {"input_tokens": i, "cache_creation_input_tokens": cw, "cache_read_input_tokens": cr}
    if h1 is not None:
        u["cache_creation"] = {"ephemeral_5m_input_tokens": cw - h1, "ephemeral_1h_input_tokens": h1}
    u.update({"output_tokens": o, "service_tier": "standard", "inference_geo": "not_available"})
    return u


class Session:
    def __init__(self, sid, cwd="/home/dev/agents", version="2.1.39"):
        self.sid, self.cwd, self.version, self.n = sid, cwd, version, 0

    def uid(self):
        self.n += 1
        return "%s-%04d" % (self.sid[:8], self.n)

    def base(self, ts, side=False, **kw):
        d = {"parentUuid": None, "isSidechain": side, "userType": "external", "cwd": self.cwd,
             "sessionId": self.sid, "version": self.version, "gitBranch": "main"}
        d.update(kw)
        d["uuid"] = self.uid()
        d["timestamp"] = ts
        return d

    def user(self, ts, text, side=False):
        return self.base(ts, side, type="user", message={"role": "user", "content": text})

    def assistant(self, ts, mid, rid, model, u, side=False, text="Done.", **kw):
        d = self.base(ts, side, message={
            "model": model, "id": mid, "type": "message", "role": "assistant",
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
            "stop_sequence": None, "usage": u}, requestId=rid, type="assistant")
        d.update(kw)
        return d

    def progress(self, ts, agent, inner_ts, mid, rid, model, u, inner_extra=None, **kw):
        inner = {"type": "assistant", "timestamp": inner_ts,
                 "message": {"model": model, "id": mid, "type": "message", "role": "assistant",
                             "content": [{"type": "tool_use", "id": "toolu_" + mid[-6:], "name": "Grep",
                                          "input": {"pattern": "fn main"}}],
                             "stop_reason": None, "stop_sequence": None, "usage": u},
                 "uuid": self.uid()}
        if rid is not None:
            inner["requestId"] = rid
        inner.update(inner_extra or {})
        d = self.base(ts, type="progress", data={
            "message": inner, "normalizedMessages": [], "type": "agent_progress",
            "prompt": "Find where the config is parsed", "agentId": agent},
            toolUseID="agent_msg_" + mid[-6:], parentToolUseID="toolu_parent_" + agent)
        d.update(kw)
        return d

    def progress_prompt(self, ts, agent, text):
        inner = {"type": "user", "message": {"role": "user", "content": [{"type": "text", "text": text}]},
                 "uuid": self.uid(), "timestamp": ts}
        return self.base(ts, type="progress", data={
            "message": inner, "normalizedMessages": [], "type": "agent_progress", "prompt": text,
            "agentId": agent}, toolUseID="agent_msg_p", parentToolUseID="toolu_parent_" + agent)


def progress_tree(out):
    """Each day of March 2026 holds one case, so that ccusage's daily report shows its fate."""
    root = os.path.join(out, "progress")
    shutil.rmtree(os.path.join(root, "projects"), ignore_errors=True)
    P = os.path.join(root, "projects", "-home-dev-agents")
    D = lambda day, hms: "2026-03-%02dT%s.000Z" % (day, hms)

    # 03-02: the subagent's file is present; its copies equal the progress copies: merged.
    s = Session("5a0c1d2e-0001-4000-8000-000000000001")
    a = Session(s.sid)
    main, sub = [s.user(D(2, "09:00:00"), "Where is the config parsed?"),
                 s.assistant(D(2, "09:00:04"), "msg_01A", "req_01A", OPUS, usage(3, 120, 4200, 18000, h1=4200))], []
    main.append(s.progress_prompt(D(2, "09:00:05"), "a1b2c3d", "Find where the config is parsed"))
    for k, (o, cw, cr) in enumerate([(1, 9100, 0), (1, 2300, 9100), (88, 410, 11400)]):
        mid, rid, t = "msg_01S%d" % k, "req_01S%d" % k, D(2, "09:00:%02d" % (10 + 5 * k))
        u = usage(6, o, cw, cr, h1=cw)
        sub.append(a.assistant(t, mid, rid, HAIKU, u, side=True, agentId="a1b2c3d"))
        main.append(s.progress(t, "a1b2c3d", t, mid, rid, HAIKU, u))
    main.append(s.assistant(D(2, "09:01:00"), "msg_01B", "req_01B", OPUS, usage(8, 640, 900, 22200, h1=900)))
    write(os.path.join(P, s.sid + ".jsonl"), main)
    write(os.path.join(P, s.sid, "subagents", "agent-a1b2c3d.jsonl"), sub)

    # 03-03: the subagent's file is missing: the progress lines count on their own, a message
    # repeated (two tool calls of one response) counts once.
    s = Session("5a0c1d2e-0002-4000-8000-000000000002")
    main = [s.user(D(3, "14:00:00"), "Review the parser"),
            s.progress_prompt(D(3, "14:00:01"), "e4f5a6b", "Review the parser")]
    for k, o in enumerate([1, 1, 57]):
        t = D(3, "14:00:%02d" % (10 + k))
        main.append(s.progress(t, "e4f5a6b", t, "msg_03S%d" % min(k, 1), "req_03S%d" % min(k, 1), SONNET,
                               usage(4, o, 1500 * (k + 1), 12000)))
    write(os.path.join(P, s.sid + ".jsonl"), main)

    # 03-04: the progress copy is an early streaming copy (1 output token); the subagent's file
    # holds the final one (250). ccusage keeps the progress copy (it prefers a line that is
    # not a sidechain); ccplan keeps the larger one. The one known difference (docs/usage.md).
    s = Session("5a0c1d2e-0003-4000-8000-000000000003")
    t = D(4, "10:00:00")
    write(os.path.join(P, s.sid + ".jsonl"), [
        s.user(t, "Summarise the logs"),
        s.progress(D(4, "10:00:02"), "c7d8e9f", D(4, "10:00:02"), "msg_04S", "req_04S", SONNET, usage(5, 1, 3000, 0))])
    write(os.path.join(P, s.sid, "subagents", "agent-c7d8e9f.jsonl"), [
        Session(s.sid).assistant(D(4, "10:00:02"), "msg_04S", "req_04S", SONNET, usage(5, 250, 3000, 0),
                                 side=True, agentId="c7d8e9f")])

    # 03-05 .. 03-12: what ccusage 20 accepts in a progress line (one case a day)
    s = Session("5a0c1d2e-0004-4000-8000-000000000004")
    q = []
    # the time of the copy is data.message.timestamp, not the line's
    q.append(s.progress(D(6, "23:59:00"), "f0", D(5, "12:00:00"), "msg_05", "req_05", SONNET, usage(5, 5)))
    # no data.message.requestId: merged by message id, session and instant
    q.append(s.progress(D(6, "10:00:00"), "f0", D(6, "10:00:00"), "msg_06", None, SONNET, usage(6, 1)))
    q.append(s.progress(D(6, "10:00:01"), "f0", D(6, "10:00:00"), "msg_06", None, SONNET, usage(6, 2)))
    q.append(s.progress(D(6, "10:00:02"), "f0", D(6, "11:00:00"), "msg_06", None, SONNET, usage(6, 3)))
    # the line's own version, isSidechain and requestId are not checked
    q.append(s.progress(D(7, "10:00:00"), "f0", D(7, "10:00:00"), "msg_07", "req_07", SONNET, usage(7, 7),
                        version="2.1", isSidechain="no", requestId=7))
    # data.message.isSidechain must be a boolean or null
    q.append(s.progress(D(8, "10:00:00"), "f0", D(8, "10:00:00"), "msg_08", "req_08", SONNET, usage(8, 8),
                        inner_extra={"isSidechain": "yes"}))
    # the line's cwd must not be null
    q.append(s.progress(D(9, "10:00:00"), "f0", D(9, "10:00:00"), "msg_09", "req_09", SONNET, usage(9, 9), cwd=None))
    # no data.message.timestamp: not counted (the line's timestamp is not used)
    q.append(s.progress(D(10, "10:00:00"), "f0", None, "msg_10", "req_10", SONNET, usage(10, 10)))
    # a line with a usage record of its own: that one counts, not its data.message
    both = s.assistant(D(11, "10:00:00"), "msg_11", "req_11", SONNET, usage(11, 11))
    both["data"] = {"message": {"timestamp": D(12, "10:00:00"), "requestId": "req_11b",
                                "message": {"id": "msg_11b", "model": SONNET, "usage": usage(1100, 1100)}}}
    q.append(both)
    # any line type: data.message.message.usage is read whatever the line's type
    q.append(s.progress(D(12, "10:00:00"), "f0", D(12, "10:00:00"), "msg_12", "req_12", OPUS, usage(12, 12),
                        type="hook_progress"))
    # 1-hour cache writes and a costUSD of the copy's own
    q.append(s.progress(D(13, "10:00:00"), "f0", D(13, "10:00:00"), "msg_13", "req_13", OPUS,
                        usage(13, 13, 20000, 0, h1=15000)))
    q.append(s.progress(D(14, "10:00:00"), "f0", D(14, "10:00:00"), "msg_14", "req_14", OPUS, usage(14, 14),
                        inner_extra={"costUSD": 0.5}))
    write(os.path.join(P, s.sid + ".jsonl"), q)


def epoch(ts):
    import datetime as dt
    return int(dt.datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp())


def hit_line(s, ts, text, usage_zero=True, quota=None, rate_limit=False, side=False, **kw):
    """The line Claude Code writes when the plan refuses a request."""
    msg = {"id": "msg_err_" + ts[-13:-5].replace(":", ""), "model": "<synthetic>", "role": "assistant",
           "stop_reason": "stop_sequence", "stop_sequence": "", "type": "message",
           "content": [{"type": "text", "text": text}]}
    if usage_zero:
        msg["usage"] = {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
                        "cache_read_input_tokens": 0, "server_tool_use": {"web_search_requests": 0}, "service_tier": None}
    d = s.base(ts, side, type="assistant", message=msg, isApiErrorMessage=True)
    if rate_limit:
        d["error"] = "rate_limit"
        d["apiErrorStatus"] = 429
    if quota is not None:
        d["quotaLimits"] = quota
    d.update(kw)
    return d


def limits_tree(out):
    """A week of use with limit hits in every format, parallel copies and decoys. Every usage
    entry is Sonnet 4.5 or Opus 4.5 output only (at most 200,000 tokens: above, Sonnet 4.5 costs
    more), so that its cost is easy to check by hand:
    100,000 output tokens cost $1.50 (Sonnet) or $2.50 (Opus). The expected events are in
    src/usage/tests/limits.rs."""
    root = os.path.join(out, "limits")
    shutil.rmtree(os.path.join(root, "projects"), ignore_errors=True)
    P1 = os.path.join(root, "projects", "-home-dev-shop")
    P2 = os.path.join(root, "projects", "-home-dev-api")
    n = [0]

    def entry(s, ts, model, k100, side=False):
        n[0] += 1
        return s.assistant(ts, "msg_%04d" % n[0], "req_%04d" % n[0], model, usage(0, 100000 * k100), side=side)

    S, O = SONNET, OPUS
    a = Session("1c0ffee0-000a-4000-8000-00000000000a", cwd="/home/dev/shop", version="1.0.88")
    b = Session("1c0ffee0-000b-4000-8000-00000000000b", cwd="/home/dev/shop", version="1.0.88")
    c = Session("1c0ffee0-000c-4000-8000-00000000000c", cwd="/home/dev/api", version="2.0.31")
    d = Session("1c0ffee0-000d-4000-8000-00000000000d", cwd="/home/dev/api", version="2.1.70")
    A, B, C, Csub, D = [], [], [], [], []
    T = lambda day, hms: "2026-03-%02dT%s.000Z" % (day, hms)

    # outside the weekly window of the 03-21 hit
    A.append(entry(a, T(14, "17:00:00"), S, 1))
    # 03-16, block from 09:00: two parallel sessions; the old format, logged by both
    A += [a.user(T(16, "09:09:00"), "Add the cart page"), entry(a, T(16, "09:10:00"), S, 1)]
    B += [entry(b, T(16, "09:40:00"), S, 2)]
    A += [entry(a, T(16, "10:30:00"), O, 1)]
    B += [entry(b, T(16, "11:50:00"), S, 1)]
    A += [entry(a, T(16, "12:29:00"), S, 1),
          hit_line(a, T(16, "12:30:00"), "Claude AI usage limit reached|%d" % epoch(T(16, "14:00:00")))]
    B += [entry(b, T(16, "12:30:40"), S, 1),
          hit_line(b, T(16, "12:31:10"), "Claude AI usage limit reached|%d" % epoch(T(16, "14:00:00")))]
    # the user asks about it: quoted, not a hit
    A.append(a.user(T(16, "12:35:00"), "Why \"Claude AI usage limit reached|%d\"?" % epoch(T(16, "14:00:00"))))
    # 03-16, block from 19:00: the mid-2025 format, and a retry 90 s later with the other dot
    A += [entry(a, T(16, "19:05:00"), S, 2), entry(a, T(16, "19:45:00"), S, 1),
          hit_line(a, T(16, "20:15:00"), "5-hour limit reached \u2219 resets 11pm"),
          # the API's own per-minute limit: not a plan limit
          hit_line(a, T(16, "20:15:30"), 'API Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}'),
          hit_line(a, T(16, "20:16:30"), "5-hour limit reached \u00b7 resets 11pm")]
    # 03-17: a block from 00:00, then a hit at 06:30 outside it (no kind stated, UTC reset)
    B += [entry(b, T(17, "00:10:00"), S, 1), entry(b, T(17, "01:00:00"), S, 1),
          hit_line(b, T(17, "06:30:00"), "You've hit your limit \u00b7 resets 9am (UTC)", usage_zero=False, rate_limit=True)]
    # a system retry record and a tool result quoting a limit: not hits
    B.append(b.base(T(17, "06:31:00"), type="system", subtype="api_error", level="error",
                    error={"status": 429, "error": {"type": "rate_limit_error", "message": "5-hour limit reached \u2219 resets 9am"}},
                    retryInMs=30000, retryAttempt=1, maxRetries=10))
    B.append(b.base(T(17, "06:32:00"), type="user", message={"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "toolu_q", "content": "grep: log.txt: 5-hour limit reached \u2219 resets 9am"}]}))
    # 03-18, block from 14:00: the structured form (its type and reset win over the text);
    # the subagent logs the same refusal
    C += [entry(c, T(18, "14:05:00"), O, 2), entry(c, T(18, "15:00:00"), O, 1), entry(c, T(18, "16:20:00"), S, 1),
          hit_line(c, T(18, "16:40:00"), "You've hit your session limit \u00b7 resets 7pm (Europe/Madrid)", usage_zero=False,
                   rate_limit=True, quota={"status": "rejected", "resetsAt": epoch(T(18, "19:00:00")),
                                           "rateLimitType": "five_hour", "overageStatus": "rejected", "isUsingOverage": False})]
    Csub.append(hit_line(c, T(18, "16:40:05"), "You've hit your session limit \u00b7 resets 7pm (Europe/Madrid)", usage_zero=False,
                         rate_limit=True, side=True, agentId="b0b0b0b",
                         quota={"status": "rejected", "resetsAt": epoch(T(18, "19:00:00")), "rateLimitType": "five_hour"}))
    # a model's own words about a limit, and a warning that is no refusal: not hits
    C.append(c.assistant(T(18, "16:41:00"), "msg_talk", "req_talk", S, usage(0, 0),
                         text="5-hour limit reached \u2219 resets 7pm is what the banner said."))
    C.append(hit_line(c, T(18, "16:42:00"), "Approaching your usage limit", quota={"status": "allowed_warning", "resetsAt": epoch(T(18, "19:00:00")), "rateLimitType": "five_hour"}))
    # 03-19, block from 10:00: the 2026 text
    D += [entry(d, T(19, "10:20:00"), S, 2), entry(d, T(19, "10:50:00"), S, 1), entry(d, T(19, "12:00:00"), O, 1),
          hit_line(d, T(19, "13:10:00"), "You've hit your session limit \u00b7 resets 5:40pm (Europe/Madrid)", usage_zero=False, rate_limit=True)]
    # a subagent's hit seen through a progress line of the main transcript: not read
    D.append(d.base(T(19, "13:10:02"), type="progress", data={"type": "agent_progress", "agentId": "x", "message": {
        "type": "assistant", "timestamp": T(19, "13:10:02"), "isApiErrorMessage": True,
        "message": {"model": "<synthetic>", "content": [{"type": "text", "text": "You've hit your session limit \u00b7 resets 5:40pm (Europe/Madrid)"}]}}}))
    # 03-20, 03-21: more use, then the weekly limit (mid-2025 text), logged by two sessions
    D += [entry(d, T(20, "10:00:00"), S, 2), entry(d, T(21, "09:00:00"), O, 2), entry(d, T(21, "17:59:00"), S, 1),
          hit_line(d, T(21, "18:00:00"), "Weekly limit reached \u00b7 resets Mar 23, 7pm (Europe/Moscow)")]
    C.append(hit_line(c, T(21, "18:00:30"), "You've hit your weekly limit \u00b7 resets Mar 23 at 7pm (Europe/Moscow)", usage_zero=False, rate_limit=True))
    # 03-22: Opus, then its weekly limit (structured: the type says Opus, the text does not)
    D += [entry(d, T(22, "09:30:00"), O, 1),
          hit_line(d, T(22, "10:00:00"), "You've hit your weekly limit \u00b7 resets Mar 25, 10am (UTC)", usage_zero=False,
                   rate_limit=True, quota={"status": "rejected", "resetsAt": epoch(T(25, "10:00:00")), "rateLimitType": "seven_day_opus"})]
    write(os.path.join(P1, a.sid + ".jsonl"), A)
    write(os.path.join(P1, b.sid + ".jsonl"), B)
    write(os.path.join(P2, c.sid + ".jsonl"), C)
    write(os.path.join(P2, c.sid, "subagents", "agent-b0b0b0b.jsonl"), Csub)
    write(os.path.join(P2, d.sid + ".jsonl"), D)


def limits_more_tree(out):
    """The two hit formats the week above lacks: the mid-2025 "Opus weekly limit reached" text and
    a structured `seven_day` refusal whose text names no kind. Checked in src/usage/tests/limits.rs."""
    root = os.path.join(out, "limits-more")
    shutil.rmtree(os.path.join(root, "projects"), ignore_errors=True)
    e = Session("1c0ffee0-000e-4000-8000-00000000000e", cwd="/home/dev/web", version="1.0.61")
    f = Session("1c0ffee0-000f-4000-8000-00000000000f", cwd="/home/dev/web", version="2.1.80")
    T = lambda day, hms: "2026-04-%02dT%s.000Z" % (day, hms)
    E = [e.assistant(T(6, "08:00:00"), "msg_e1", "req_e1", OPUS, usage(0, 100000)),
         hit_line(e, T(6, "09:00:00"), "Opus weekly limit reached \u2219 resets Apr 9, 9am")]
    F = [f.assistant(T(8, "14:00:00"), "msg_f1", "req_f1", SONNET, usage(0, 200000)),
         hit_line(f, T(8, "15:00:00"), "You've hit your limit \u00b7 resets Apr 13 at 3pm (UTC)", usage_zero=False,
                  rate_limit=True, quota={"status": "rejected", "resetsAt": epoch(T(13, "15:00:00")), "rateLimitType": "seven_day"})]
    write(os.path.join(root, "projects", "-home-dev-web", e.sid + ".jsonl"), E)
    write(os.path.join(root, "projects", "-home-dev-web", f.sid + ".jsonl"), F)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "data", "usage")
    progress_tree(out)
    limits_tree(out)
    limits_more_tree(out)
