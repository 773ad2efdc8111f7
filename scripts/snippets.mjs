// wasm-bindgen writes the JavaScript a crate declares with `inline_js` (src/ui/patch.rs) as
// modules of their own under snippets/, which the glue imports. scripts/postbuild.mjs inlines
// them into the glue, so the page loads no file more and the glue's SRI hash covers them.
// Tested by scripts/test/snippets.test.mjs.

/** The glue with each `import { f } from './snippets/…'` replaced by that module's function. */
export function inlineSnippets(js, readSnippet) {
  return js.replace(/import \{([^}]+)\} from '\.\/(snippets\/[^']+)';\n?/g, (line, names, file) => {
    let code = readSnippet(file);
    for (const name of names.split(',').map((n) => n.trim())) {
      const [exported, local = exported] = name.split(/\s+as\s+/);
      const declaration = `export function ${exported}(`;
      if (!code.includes(declaration)) throw new Error(`${file} does not export function ${exported}`);
      code = code.replace(declaration, `function ${local}(`);
    }
    if (/^\s*(import|export)\b/m.test(code)) throw new Error(`${file} has imports or exports left: not inlined`);
    return `${code}\n`;
  });
}
