// scripts/wasm-checks.mjs: what postbuild reads out of the built wasm files. The strings here are
// the kinds found in the page's wasm built without `-Cpanic=immediate-abort` (measured: 63 source
// paths and 4 std messages in the page's wasm, none with the flag).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frHeader, panicTraces } from '../wasm-checks.mjs';

const HEAD = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
/** A stand-in for a wasm: its header, then strings run together as in a data section. */
const wasmWith = (...strings) => Buffer.concat([HEAD, Buffer.from([0x0b, 0x80, 1]), ...strings.map((s) => Buffer.from(s))]);

test('a wasm built with panics that abort at once has no panic traces', () => {
  assert.deepEqual(panicTraces(wasmWith('Which Claude plan?', 'ccplan-texts-fr 4fb6fdde01vaaxu', 'max20')), []);
  // Words that only look like code are not traces.
  assert.deepEqual(panicTraces(wasmWith('sources: the help article', 'src', '.rs', 'overflow')), []);
});

test('source paths of panic locations and std panic messages are found', () => {
  const cases = [
    'src/ui/share_box.rs',
    '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/cell/lazy.rs',
    '/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tachys-0.2.19/src/html/property.rs',
    'capacity overflow',
    'called `Option::unwrap()` on a `None` value',
    'called `Result::unwrap()` on an `Err` value',
    'index out of bounds: the len is',
  ];
  for (const trace of cases) {
    assert.deepEqual(panicTraces(wasmWith('abc\u0000', trace, '\u0001xyz')), [trace], trace);
  }
  const many = panicTraces(wasmWith(...Array.from({ length: 9 }, (_, i) => `src/m${i}.rs\u0000`)));
  assert.equal(many.length, 5, 'at most five, for the message');
});

test('the French texts header is read out of the page wasm', () => {
  // The wasm's strings are not separated: hex digits may follow the header's own 8.
  assert.equal(frHeader(wasmWith('\u0000\u0009ccplan-texts-fr 4fb6fdde01vaaxu')), 'ccplan-texts-fr 4fb6fdde');
  assert.equal(frHeader(wasmWith('ccplan-texts-fr 00000000')), 'ccplan-texts-fr 00000000');
  assert.throws(() => frHeader(wasmWith('no header here')), /found it 0 times.*split-locales/);
  assert.throws(() => frHeader(wasmWith('ccplan-texts-fr 0123abcd', 'ccplan-texts-fr 0123abce')), /found it 2 times/);
  assert.throws(() => frHeader(wasmWith('ccplan-texts-fr 12zz')), /not followed by 8 hex digits/);
});
