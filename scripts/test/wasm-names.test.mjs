// scripts/wasm-names.mjs on a small wasm + glue pair made here, byte by byte: the names are
// shortened in both files, every other byte of the wasm stays as it was, the result validates and
// runs with the renamed glue, and anything not where it is expected is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenNames } from '../wasm-names.mjs';

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const name = (s) => { const b = [...new TextEncoder().encode(s)]; return [...leb(b.length), ...b]; };
const section = (id, payload) => [id, ...leb(payload.length), ...payload];
const vec = (items) => [...leb(items.length), ...items.flat()];

// Names as wasm-bindgen writes them: imports after the JS function plus a hash, a closure
// trampoline export after its Rust type (longer than the 24 characters kept as they are).
const IMPORT_FN = '__wbg_clearTimeout_113b1cde814ec762';
const IMPORT_FN2 = '__wbg_now_2c95c9de01293173';
const IMPORT_GLOBAL = '__wbg_static_accessor_X_0123456789abcdef';
const LONG_EXPORT = '_dyn_core__ops__function__Fn__web_sys__Event____Output___R_as_wasm_bindgen__closure__WasmClosure___describe__invoke__h0123456789abcdef';
const SHORT_EXPORT = 'main_add'; // short: kept
const UNUSED_EXPORT = '__ccplan_marker_for_other_tools_0001'; // long, but the glue does not call it

/** A module: 2 function imports and a global import from "wbg", 3 functions, memory, exports,
 *  a data segment and a custom section (neither of which may change). */
function fixtureWasm({ importSizeDelta = 0 } = {}) {
  const types = section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 2, 0x7f, 0x7f, 1, 0x7f]]));
  const importPayload = vec([
    [...name('wbg'), ...name(IMPORT_FN), 0x00, 0],
    [...name('wbg'), ...name(IMPORT_FN2), 0x00, 0],
    [...name('wbg'), ...name(IMPORT_GLOBAL), 0x03, 0x7f, 0x00],
  ]);
  const imports = [2, ...leb(importPayload.length + importSizeDelta), ...importPayload];
  const funcs = section(3, vec([[0], [1], [0]]));
  const memory = section(5, vec([[0x00, 1]]));
  const exports = section(7, vec([
    [...name('memory'), 0x02, 0],
    [...name(LONG_EXPORT), 0x00, 2], // func 2: calls import 0 and adds the global
    [...name(SHORT_EXPORT), 0x00, 3], // func 3: i32.add of its two parameters
    [...name(UNUSED_EXPORT), 0x00, 4], // func 4: calls import 1
  ]));
  const body = (code) => [...leb(code.length + 1), 0, ...code]; // no locals
  const code = section(10, vec([
    body([0x10, 0, 0x23, 0, 0x6a, 0x0b]), // call 0; global.get 0; i32.add; end
    body([0x20, 0, 0x20, 1, 0x6a, 0x0b]), // local.get 0; local.get 1; i32.add; end
    body([0x10, 1, 0x0b]), // call 1; end
  ]));
  const data = section(11, vec([[0x00, 0x41, 16, 0x0b, ...leb(5), ...new TextEncoder().encode('hello')]]));
  const custom = section(0, [...name('producers'), 1, 2, 3, 4]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...memory,
    ...exports, ...code, ...data, ...custom]);
}

/** The glue, shaped like wasm-bindgen's: an imports object, and calls of the exports by name. */
const GLUE = `
let wasm;
export function getImports() {
  const imports = {};
  imports.wbg = {};
  imports.wbg.${IMPORT_FN} = function() { return 40; };
  imports.wbg.${IMPORT_FN2} = function() { return 7; };
  imports.wbg.${IMPORT_GLOBAL} = new WebAssembly.Global({ value: 'i32', mutable: false }, 2);
  return imports;
}
export function setWasm(exports) { wasm = exports; }
export function answer() { return wasm.${LONG_EXPORT}(); }
export function add(a, b) { return wasm.${SHORT_EXPORT}(a, b); }
`;

/** The module's sections as [id, bytes of the whole section]. */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    let size = 0, shift = 0, p = at + 1, byte;
    do { byte = bytes[p++]; size += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    out.push([id, Buffer.from(bytes.subarray(at, p + size))]);
    at = p + size;
  }
  return out;
}

const importModule = (js) => import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);

test('the fixture itself validates and runs with the glue as written', async () => {
  const wasm = fixtureWasm();
  assert.ok(WebAssembly.validate(wasm));
  const glue = await importModule(GLUE);
  const { instance } = await WebAssembly.instantiate(wasm, glue.getImports());
  glue.setWasm(instance.exports);
  assert.equal(glue.answer(), 42);
  assert.equal(glue.add(2, 3), 5);
});

test('names are shortened in both files; everything else is byte-identical', async () => {
  const wasm = fixtureWasm();
  const out = shortenNames(wasm, GLUE);
  assert.equal(out.renamed, 4, 'three imports and the one long export the glue calls');
  assert.ok(WebAssembly.validate(out.wasm));

  const mod = new WebAssembly.Module(out.wasm);
  const imports = WebAssembly.Module.imports(mod);
  assert.deepEqual(imports.map((i) => [i.module, i.kind]), [['wbg', 'function'], ['wbg', 'function'], ['wbg', 'global']]);
  for (const i of imports) assert.match(i.name, /^i[0-9a-z]+$/);
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  assert.equal(exports.length, 4);
  assert.equal(exports[0], 'memory');
  assert.match(exports[1], /^x[0-9a-z]+$/);
  assert.deepEqual(exports.slice(2), [SHORT_EXPORT, UNUSED_EXPORT]);

  for (const long of [IMPORT_FN, IMPORT_FN2, IMPORT_GLOBAL, LONG_EXPORT]) {
    assert.ok(!out.js.includes(long), `${long} is gone from the JS`);
    assert.ok(!out.wasm.includes(Buffer.from(long)), `${long} is gone from the wasm`);
  }
  const [a, b, c] = imports.map((i) => i.name);
  assert.equal(out.js, GLUE.replaceAll(IMPORT_FN, a).replaceAll(IMPORT_FN2, b).replaceAll(IMPORT_GLOBAL, c)
    .replaceAll(LONG_EXPORT, exports[1]), 'the JS differs only by the names');

  // Every section but the import and export sections is the same, byte for byte, in order.
  const before = sections(wasm), after = sections(out.wasm);
  assert.deepEqual(after.map(([id]) => id), before.map(([id]) => id));
  for (let k = 0; k < before.length; k++) {
    if (before[k][0] === 2 || before[k][0] === 7) continue;
    assert.ok(before[k][1].equals(after[k][1]), `section ${before[k][0]} unchanged`);
  }
  assert.ok(out.wasm.subarray(0, 8).equals(wasm.subarray(0, 8)));
  assert.ok(out.wasm.length < wasm.length);

  // And the renamed pair still works together.
  const glue = await importModule(out.js);
  const { instance } = await WebAssembly.instantiate(out.wasm, glue.getImports());
  glue.setWasm(instance.exports);
  assert.equal(glue.answer(), 42);
  assert.equal(glue.add(2, 3), 5);
});

test('a short name the JS already uses is not given', () => {
  const js = `const i0 = 1, x3 = 2;\n${GLUE}`;
  const out = shortenNames(fixtureWasm(), js);
  const mod = new WebAssembly.Module(out.wasm);
  const names = [...WebAssembly.Module.imports(mod), ...WebAssembly.Module.exports(mod)].map((e) => e.name);
  assert.ok(!names.includes('i0') && !names.includes('x3'), names.join(' '));
  assert.match(out.js, /const i0 = 1, x3 = 2;/);
});

test('refuses when a name is not where it is expected', () => {
  const wasm = fixtureWasm();
  assert.throws(() => shortenNames(wasm, GLUE.replace(`imports.wbg.${IMPORT_FN2} = `, 'void ')),
    new RegExp(`import ${IMPORT_FN2} is not named once in the JS`));
  assert.throws(() => shortenNames(wasm, `${GLUE}\n// ${IMPORT_FN}\n`),
    new RegExp(`import ${IMPORT_FN} is not named once in the JS`));
  assert.throws(() => shortenNames(Buffer.from('not wasm at all'), GLUE), /not a wasm module/);
  // An import section whose declared size does not match what it holds.
  assert.throws(() => shortenNames(fixtureWasm({ importSizeDelta: 1 }), GLUE), /section 2 of the wasm was not read to its end/);
});
