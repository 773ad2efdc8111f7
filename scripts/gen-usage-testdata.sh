#!/usr/bin/env bash
# Regenerates tests/data/usage/: a small synthetic Claude Code log tree (with the totals the
# generator computes, expected.json) and what ccusage 20.0.24 reports on it.
# Usage: scripts/gen-usage-testdata.sh
# Needs python3, npm and network access to the npm registry. The committed exports under
# edge/exports/ (ccusageview's example, impossible-daily.json) are kept as they are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/tests/data/usage"
tree="$out/tree"
ccusage_version=20.0.24

rm -rf "$tree"
mkdir -p "$tree"
python3 "$root/scripts/gen-claude-logs.py" "$tree" --seed 7 --days 10 --projects 2 --sessions 4 --turns 20
mv "$tree/expected.json" "$out/expected.json"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm i -E --silent --no-audit --no-fund \
  "ccusage@$ccusage_version" "@ccusage/ccusage-linux-x64@$ccusage_version" >/dev/null)
ccusage="$tmp/node_modules/.bin/ccusage"
# ccusage dates days in the local time zone; the tests (and the page) use UTC.
export TZ=UTC CLAUDE_CONFIG_DIR="$tree"
"$ccusage" claude daily --json --offline >"$out/ccusage-daily.json"
"$ccusage" daily --json --offline >"$out/ccusage-daily-all.json"
"$ccusage" claude blocks --json --offline >"$out/ccusage-blocks.json"
# the blocks report marks the block holding "now" as active: nothing here is recent, but
# make the file independent of the day it was made on anyway
python3 - "$out/ccusage-blocks.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
for b in d.get("blocks", []):
    b["isActive"] = False
json.dump(d, open(p, "w"), indent=2, sort_keys=True)
open(p, "a").write("\n")
PY

# Hand-made edge cases (edge/projects/** are logs ccusage reads; edge/exports/** are exports).
edge="$out/edge"
rm -rf "$edge/projects"
python3 - "$edge" <<'PY'
import json, os, random, shutil, sys
edge = sys.argv[1]
P = os.path.join(edge, "projects", "-home-dev-edge")
os.makedirs(os.path.join(P, "sess-1", "subagents"), exist_ok=True)
os.makedirs(os.path.join(edge, "exports"), exist_ok=True)
def dumps(o): return json.dumps(o, separators=(",", ":"))
def a(ts, mid, rid, model="claude-sonnet-4-5-20250929", i=10, o=10, cw=0, cr=0, side=False, **extra):
    d = {"parentUuid": None, "isSidechain": side, "type": "assistant", "sessionId": "sess-1", "timestamp": ts,
         "message": {"id": mid, "type": "message", "role": "assistant", "model": model,
                     "content": [{"type": "text", "text": "ok \"quoted\" \\ \u00e9\u2603"}],
                     "usage": {"input_tokens": i, "output_tokens": o, "cache_creation_input_tokens": cw,
                               "cache_read_input_tokens": cr, "service_tier": "standard"}}}
    if mid is None: del d["message"]["id"]
    if model is None: del d["message"]["model"]
    if rid is not None: d["requestId"] = rid
    d.update(extra)
    return dumps(d)
user = dumps({"type": "user", "timestamp": "2026-03-02T09:00:00.000Z", "message": {"role": "user", "content": "hi"}})
def w(name, text, mode="w"):
    with open(os.path.join(P, name), mode) as f: f.write(text)
# streamed: three growing copies, then a smaller late copy; the largest (o=300) is kept
w("streamed.jsonl", "\n".join([user] + [a("2026-03-02T09:00:0%d.000Z" % k, "msg_s", "req_s", o=o)
                                         for k, o in enumerate([100, 200, 300, 250])]) + "\n")
# the same message in two files; the copy in b has more tokens
w("copies-a.jsonl", a("2026-03-02T10:00:00.000Z", "msg_c", "req_c", "claude-opus-4-5-20251101", 1000, 10) + "\n")
w("copies-b.jsonl", a("2026-03-02T10:00:01.000Z", "msg_c", "req_c", "claude-opus-4-5-20251101", 1000, 20) + "\n")
# subagent (sidechain) file
w("sess-1/subagents/agent-1.jsonl", "\n".join(a("2026-03-02T11:%02d:00.000Z" % k, "msg_sub%d" % k, "req_sub%d" % k,
                                                 "claude-haiku-4-5-20251001", 100, 50, side=True) for k in range(3)) + "\n")
# CRLF line ends, and no final newline
w("crlf.jsonl", "\r\n".join([user, a("2026-03-03T08:00:00.000Z", "msg_r1", "req_r1", i=11), a("2026-03-03T08:30:00.000Z", "msg_r2", "req_r2", i=12)]) + "\r\n")
w("no-final-newline.jsonl", "\n".join([user, a("2026-03-03T14:00:00.000Z", "msg_n1", "req_n1", i=13)]))
# broken lines: truncated JSON, garbage, a lone surrogate, trailing comma (all skipped), blank lines (ignored)
good = a("2026-03-04T09:00:00.000Z", "msg_b1", "req_b1", i=14)
w("broken.jsonl", "\n".join([good, good[:57], "not json at all", "", "   ", '{"type":"user","x":"\\ud800"}',
                             '{"a":[1,2,]}', a("2026-03-04T09:10:00.000Z", "msg_b2", "req_b2", i=15)[:-1],
                             a("2026-03-04T09:20:00.000Z", "msg_b3", "req_b3", i=16)]) + "\n")
# binary: random bytes with NUL bytes, and one valid usage line in the middle
rnd = random.Random(1)
blob = bytes(rnd.randrange(256) for _ in range(3000))
with open(os.path.join(P, "binary.jsonl"), "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n\x00\x00" + blob + b"\n" + a("2026-03-05T09:00:00.000Z", "msg_x", "req_x", i=17).encode() + b"\n" + blob)
w("empty.jsonl", "")
# valid JSON lines without usage, and JSON that is not a log
w("unrelated.jsonl", "\n".join([user, dumps({"type": "summary", "summary": "s", "leafUuid": "x"}), "[1,2,3]", "42", '"str"', "null"]) + "\n")
w("settings.json", json.dumps({"theme": "dark", "permissions": {"allow": []}}, indent=2) + "\n")
# a huge line (70 000 bytes of content) carrying usage, between two normal lines
w("huge.jsonl", "\n".join([a("2026-03-06T09:00:00.000Z", "msg_h0", "req_h0", i=18),
                           a("2026-03-06T09:01:00.000Z", "msg_h1", "req_h1", i=19, blob="x" * 70000),
                           a("2026-03-06T09:02:00.000Z", "msg_h2", "req_h2", i=20)]) + "\n")
# what ccusage 20 accepts or not, line by line (one UTC day each, so ccusage's daily report
# shows each line's fate); see the module docs of src/usage/mod.rs
Q = []
def q(day, body): Q.append(body.replace("DAY", "2026-04-%02d" % day))
U = '"usage":{"input_tokens":%d,"output_tokens":%d}'
q(1, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-sonnet-4-20250514",' + U % (1000000, 1000000) + '}}')
q(2, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-opus-4-1-20250805",' + U % (1000000, 1000000) + '}}')
q(3, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-3-5-haiku-20241022",' + U % (1000000, 1000000) + '}}')
q(4, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"gpt-unknown",' + U % (1000, 1000) + '}}')
q(5, '{"timestamp":"DAYT10:00:00.000Z","message":{' + U % (1000, 1000) + '}}')  # no model
q(6, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"<synthetic>",' + U % (7, 7) + '}}')
q(7, '{"timestamp":"DAYT10:00:00.000Z","costUSD":1.25,"message":{"model":"claude-sonnet-4-5-20250929",' + U % (1000, 1000) + '}}')
q(8, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-sonnet-4-5-20250929","usage": {"input_tokens":8,"output_tokens":0}}}')  # no "usage":{
q(9, '{"timestamp":"DAYT10:00:00.123456Z","message":{' + U % (9, 0) + '}}')  # 6 fraction digits
q(10, '{"timestamp":"DAYT23:30:00.000-02:00","message":{' + U % (10, 0) + '}}')  # next UTC day
q(12, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":12.0,"output_tokens":0}}}')  # float
q(13, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":13,"output_tokens":0,"cache_read_input_tokens":null}}}')
q(14, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":1,"input_tokens":14,"output_tokens":0}}}')  # duplicate key
q(15, '{"timestamp":"DAYT10:00:00.000Z","requestId":null,"message":{' + U % (15, 0) + '}}')
q(16, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":16}}}')  # no output_tokens
q(17, '{"timestamp":"DAYT10:00:00.000\\u005a","type":"user","message":{' + U % (17, 0) + '}}')  # escaped Z, any type
q(18, '{"timestamp":"DAYT10:00:00Z","message":{"usage":{"input_tokens":18,"output_tokens":0,"cache_creation_input_tokens":300000,"cache_read_input_tokens":250000},"model":"claude-sonnet-4-5-20250929"}}')
q(19, '{"timestamp":"DAYT10:00:00.000Z","message":{"id":"m19","model":"claude-sonnet-4-5-20250929",' + U % (19, 5) + '}}')  # no requestId:
q(19, '{"timestamp":"DAYT11:00:00.000Z","message":{"id":"m19","model":"claude-sonnet-4-5-20250929",' + U % (19, 5) + '}}')  # merged by id
q(20, '{"timestamp":"DAYT10:00:00.000Z","requestId":"r20","message":{' + U % (20, 0) + '}}')  # no message.id:
q(20, '{"timestamp":"DAYT10:00:00.000Z","requestId":"r20","message":{' + U % (20, 0) + '}}')  # never merged
q(21, '{"timestamp":"DAYT10:00:00.000Z","requestId":"r21","message":{"id":"m21","model":"claude-haiku-4-5-20251001",' + U % (21, 21) + '}}')
q(22, '{"timestamp":"DAYT10:00:00.000Z","requestId":"r\\u0032\\u0031","message":{"id":"m21","model":"claude-opus-4-5-20251101",' + U % (21, 21) + '}}')  # same key, same tokens, dearer: kept
q(23, '{"timestamp":"2026-02-30T10:00:00.000Z","message":{' + U % (23, 0) + '}}')  # no such date
q(24, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-opus-4-6",' + U % (1000000, 1000000) + '}}')
q(25, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-3-haiku-20240307",' + U % (1000000, 1000000) + '}}')
q(26, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-sonnet-4-6",' + U % (1000000, 1000000) + '}}')
q(27, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"anthropic/claude-sonnet-4-5-20250929[1m]",' + U % (1000000, 1000000) + '}}')
q(28, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-haiku-3-20240307",' + U % (1000000, 1000000) + '}}')
q(29, '{"timestamp":"DAYT10:00:00.000Z","sessionId":"s1","message":{"id":"m29",' + U % (29, 0) + '}}')  # no requestId:
q(29, '{"timestamp":"DAYT10:00:00Z","sessionId":"s1","message":{"id":"m29",' + U % (29, 1) + '}}')  # same session and instant: merged
q(29, '{"timestamp":"DAYT10:00:00.000Z","sessionId":"s2","message":{"id":"m29",' + U % (29, 2) + '}}')  # other session: not
q(30, '{"timestamp":"DAYT10:00:00.000Z","sessionId":30,"message":{' + U % (30, 0) + '}}')  # sessionId not a string
# usage.cache_creation (5-minute / 1-hour cache writes) and other fields ccusage checks
def r(day, body): Q.append(body.replace("DAY", "2026-05-%02d" % day))
O = '"model":"claude-opus-4-5-20251101","usage":{"input_tokens":1,"output_tokens":1,"cache_creation_input_tokens":1000,'
r(1, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":{"ephemeral_5m_input_tokens":300,"ephemeral_1h_input_tokens":400}}}}')
r(2, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":null}}}')
r(3, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":{}}}}')
r(4, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":[5,6]}}}')
r(5, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":[1,2,3]}}}')  # too long
r(6, '{"timestamp":"DAYT10:00:00.000Z","message":{' + O + '"cache_creation":{"ephemeral_1h_input_tokens":"x"}}}}')
r(7, '{"timestamp":"DAYT10:00:00.000Z","message":{"model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":0,"output_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":250000,"ephemeral_1h_input_tokens":250000}}}}')
r(8, '{"timestamp":"DAYT10:00:00.000Z","version":"2.0.31-beta","message":{' + U % (8, 0) + '}}')
r(9, '{"timestamp":"DAYT10:00:00.000Z","version":"2.0","message":{' + U % (9, 0) + '}}')  # not N.N.N
r(10, '{"timestamp":"DAYT10:00:00.000Z","cwd":null,"message":{' + U % (10, 0) + '}}')
r(11, '{"timestamp":"DAYT10:00:00.000Z","cwd":5,"isSidechain":null,"message":{' + U % (11, 0) + '}}')
r(12, '{"timestamp":"DAYT10:00:00.000Z","isSidechain":"yes","message":{' + U % (12, 0) + '}}')
r(13, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":13,"output_tokens":0,"speed":"fast"}}}')
r(14, '{"timestamp":"DAYT10:00:00.000Z","message":{"usage":{"input_tokens":14,"output_tokens":0,"speed":"priority"}}}')
r(15, '{"timestamp":"DAYT10:00:00.000Z","isApiErrorMessage":null,"message":{' + U % (15, 0) + '}}')
r(16, '{"timestamp":"DAYT10:00:00.000Z","version":"1.0.0","version":"1.0.0","message":{' + U % (16, 0) + '}}')
w("quirks.jsonl", "\n".join(Q) + "\n")
# exports (ccusageview-daily.json, an example export from the ccusageview project, and
# impossible-daily.json are committed as they are)
with open(os.path.join(edge, "exports", "not-an-export.json"), "w") as f:
    json.dump(["{\n  \"daily\": []\n}", "x"], f)
PY
"$ccusage" claude daily --json --offline >/dev/null  # warm
CLAUDE_CONFIG_DIR="$edge" "$ccusage" claude daily --json --offline >"$edge/ccusage-daily.json"

# Hand-made trees that need no randomness (progress lines, limit hits): see the script.
python3 "$root/scripts/gen-usage-fixtures.py" "$out"
for dir in progress limits; do
  [ -d "$out/$dir" ] && CLAUDE_CONFIG_DIR="$out/$dir" "$ccusage" claude daily --json --offline >"$out/$dir/ccusage-daily.json"
done

echo "tree: $(du -sh "$tree" | cut -f1), $(find "$tree" -type f | wc -l) files"
