// Shortens the names by which wasm-bindgen's JS glue and the page's wasm know each other.
//
// wasm-bindgen names every import after the JS function it wraps plus a 16-hex-digit hash
// (`__wbg_clearTimeout_113b1cde814ec762`), and the closure trampolines it exports after their
// full Rust types (about 250 characters each). Each name is written twice, in the wasm and in the
// JS, and the hashes do not compress: 3.9 KB brotli of the first load (measured on the page's 164
// names: wasm 2.2 KB, JS glue 1.7 KB). This gives every import, and every export the glue calls
// by a name longer than SHORTEST, a short name in both files. The wasm's code is not touched;
// only its import and export sections are rewritten. `CCPLAN_SHORT_NAMES=0 make build` builds
// without this step (docs/build.md); scripts/test/wasm-names.test.mjs checks it on a fixture.
//
// It fails (and so fails the build) rather than guess: each import must be named exactly once in
// the JS, each section it rewrites must be read to its end, and a short name is only given if the
// JS does not already use it.
const SHORTEST = 24;

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
    if (shift > 35) throw new Error('bad LEB128 in the wasm');
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

function writeName(name) {
  const encoded = utf8.encode(name);
  return [...writeU32(encoded.length), ...encoded];
}

// Skips an import's description (what is imported), returning the offset after it.
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: return readU32(bytes, at)[1]; // function: its type index
    case 0x01: return limits(at + 1); // table: reference type, limits
    case 0x02: return limits(at); // memory: limits
    case 0x03: return at + 2; // global: value type, mutability
    case 0x04: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind} in the wasm`);
  }
}

// The short name of the n-th renamed item: a letter then base-36 digits.
const shortName = (prefix, n) => `${prefix}${n.toString(36)}`;

function countIn(js, name) {
  const escaped = name.replace(/[$]/g, '\\$');
  return (js.match(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g')) || []).length;
}

function replaceIn(js, name, next) {
  const escaped = name.replace(/[$]/g, '\\$');
  return js.replace(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'), next);
}

/** Returns the wasm and the JS with the short names, and how many names were renamed. */
export function shortenNames(wasm, js) {
  const bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  const renames = new Map();
  const fresh = (prefix) => {
    for (let n = renames.size; ; n++) {
      const name = shortName(prefix, n);
      if (countIn(js, name) === 0) return name;
    }
  };
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (id === 2 || id === 7) {
      let [count, p] = readU32(bytes, start);
      const payload = writeU32(count);
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          let module, name;
          [module, p] = readName(bytes, p);
          [name, p] = readName(bytes, p);
          const descStart = p;
          p = skipImportDesc(bytes, p);
          // An import is a key of the glue's imports object: named once in the JS.
          if (countIn(js, name) !== 1) throw new Error(`import ${name} is not named once in the JS`);
          const next = fresh('i');
          renames.set(name, next);
          js = replaceIn(js, name, next);
          payload.push(...writeName(module), ...writeName(next), ...bytes.subarray(descStart, p));
        } else {
          let name;
          [name, p] = readName(bytes, p);
          const descStart = p;
          p = readU32(bytes, p + 1)[1];
          let next = name;
          // (An export the glue does not call, such as a marker for other tools, keeps its name.)
          if (name.length > SHORTEST && countIn(js, name) > 0) {
            next = fresh('x');
            renames.set(name, next);
            js = replaceIn(js, name, next);
          }
          payload.push(...writeName(next), ...bytes.subarray(descStart, p));
        }
      }
      if (p !== end) throw new Error(`section ${id} of the wasm was not read to its end`);
      out.push(Uint8Array.from([id, ...writeU32(payload.length), ...payload]));
    } else {
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return { wasm: Buffer.concat(out), js, renamed: renames.size };
}
