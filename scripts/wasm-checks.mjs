// What scripts/postbuild.mjs reads out of the built wasm files (docs/build.md).

/** Panic locations and std's panic messages: compiled into a wasm unless it was built with
 *  `-Zbuild-std` and `-Cpanic=immediate-abort` (the Makefile's release build). Each panic site of
 *  an ordinary build carries its source file's path (`src/ui/format.rs`,
 *  `/rustc/<commit>/library/core/src/…`, `…/.cargo/registry/src/…/src/lib.rs`) and std brings
 *  its messages; with the two flags a panic traps at once and none of them is left. Returns what
 *  was found (at most `limit` distinct strings), empty for a wasm built with the flags. */
export function panicTraces(wasm, limit = 5) {
  const text = Buffer.from(wasm).toString('latin1');
  const found = new Set();
  const patterns = [
    /[\w./-]*\bsrc\/[\w./-]*\.rs\b/g,
    /capacity overflow|called `(?:Option|Result)::unwrap\(\)` on an? `\w+` value|index out of bounds: the len is/g,
  ];
  for (const pattern of patterns) {
    for (const [m] of text.matchAll(pattern)) {
      found.add(m);
      if (found.size >= limit) return [...found];
    }
  }
  return [...found];
}

/** The first line the page expects of its French texts file, `ccplan-texts-fr <8 hex digits>`:
 *  build.rs computes it (the fingerprint of the key list) into `i18n::FR_HEADER`, and the page's
 *  wasm holds it as a string. (The wasm's strings are not separated: other bytes, hex digits
 *  among them, may follow the 8 digits.) Throws unless it is there exactly once. */
export function frHeader(wasm) {
  const headers = [...Buffer.from(wasm).toString('latin1').matchAll(/ccplan-texts-fr (?:[0-9a-f]{8})?/g)];
  if (headers.length === 1 && headers[0][0].length < 24) {
    throw new Error('the French texts\' header in the page wasm is not followed by 8 hex digits');
  }
  if (headers.length !== 1) {
    throw new Error(`expected the French texts' header once in the page wasm, found it ${headers.length} times (built without the split-locales feature?)`);
  }
  return headers[0][0];
}
