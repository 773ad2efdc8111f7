// Trunk post_build hook (see Trunk.toml): runs on the staging directory before it becomes dist/.
// Every step is described, with its reasons and figures, in docs/build.md.
// 0. Checks that the release wasm files were built with panics that abort at once (no panic
//    locations or messages in them; scripts/wasm-checks.mjs), unless CCPLAN_IMMEDIATE_ABORT=0.
// 1. Inlines into the page's JS glue the JavaScript the wasm imports from modules of its own
//    (wasm-bindgen's snippets/: `patchRegion`, src/ui/patch.rs), so the page loads no file more;
//    shortens the names the page's wasm and its JS glue know each other by
//    (scripts/wasm-names.mjs; CCPLAN_SHORT_NAMES=0 to leave them), minifies the glue (and updates
//    its SRI hash), and has the loader fetch the wasm with its SRI hash.
// 2. Content-Security-Policy meta tag with the hashes of the inline <script> and <style>
//    that Trunk wrote, 'wasm-unsafe-eval' for the wasm, and nothing from another origin.
// 3. Fills the static shell's texts from locales/en and points the page at the importer worker's
//    loader (<meta name="ccplan-importer">).
// 4. Writes the French texts, fr-<hash>.txt, which the page fetches only to show French
//    (<meta name="ccplan-texts-fr">), under the header the page's wasm expects (from build.rs).
// 5. Checks that every URL in index.html is relative (the site works from any sub-path).
// 6. The service worker's precache list (the first load) and cache version, from the files built.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { minify } from 'terser';
import { inlineSnippets } from './snippets.mjs';
import { shortenNames } from './wasm-names.mjs';
import { frHeader, panicTraces } from './wasm-checks.mjs';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// The release build's wasm files must come from the Makefile's build: std rebuilt, panics that
// trap at once (10.6 KB brotli of the first load; without them the page is over its budget).
if (process.env.TRUNK_PROFILE === 'release' && process.env.CCPLAN_IMMEDIATE_ABORT !== '0') {
  for (const wasm of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
    const traces = panicTraces(readFileSync(join(dir, wasm)));
    if (traces.length) {
      throw new Error(`${wasm} was built with panic locations and messages (${traces.join(', ')}): `
        + 'the release build needs RUSTC_BOOTSTRAP=1, CARGO_UNSTABLE_BUILD_STD=std,panic_abort and '
        + 'RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort", which `make build` sets. '
        + 'To build without them on purpose: CCPLAN_IMMEDIATE_ABORT=0 make build. See docs/build.md.');
    }
  }
}
const shortNames = process.env.CCPLAN_SHORT_NAMES !== '0';

// Trunk's JS minifier fails on wasm-bindgen's `export default`: minify the glue with terser,
// then give its modulepreload link the new Subresource Integrity hash (and the wasm's fetch its
// own: Trunk's hash on the wasm's preload link, which is removed below, was of the wasm before
// its names were shortened).
for (const js of readdirSync(dir).filter((f) => /^ccplan-[0-9a-f]+\.js$/.test(f))) {
  const path = join(dir, js);
  const wasmPath = join(dir, js.replace(/\.js$/, '_bg.wasm'));
  const glue = inlineSnippets(readFileSync(path, 'utf8'), (file) => readFileSync(join(dir, file), 'utf8'));
  let short = { wasm: readFileSync(wasmPath), js: glue };
  if (shortNames) {
    short = shortenNames(short.wasm, short.js);
    if (!(await WebAssembly.validate(short.wasm))) throw new Error(`${wasmPath} is not valid after renaming`);
    writeFileSync(wasmPath, short.wasm);
    console.log(`postbuild: ${short.renamed} names shortened between ${js} and its wasm`);
  } else {
    console.log(`postbuild: names between ${js} and its wasm left as wasm-bindgen wrote them (CCPLAN_SHORT_NAMES=0)`);
  }
  const { code } = await minify(short.js, { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const link = new RegExp(`(<link[^>]*href="?\\./${js.replace('.', '\\.')}"?[^>]*integrity=)"?[^"\\s>]+"?`);
  if (!link.test(html)) throw new Error(`no integrity attribute for ${js}`);
  html = html.replace(link, `$1"${integrity}"`);
  // The loader fetches the wasm itself: give that fetch the wasm's Subresource Integrity hash.
  const wasm = wasmPath.replace(/.*[\\/]/, '');
  const loader = `module_or_path: './${wasm}'`;
  if (!html.includes(loader)) throw new Error(`Trunk's loader does not fetch ${wasm} as expected`);
  const wasmIntegrity = `sha384-${createHash('sha384').update(short.wasm).digest('base64')}`;
  html = html.replace(loader, `module_or_path: fetch('./${wasm}', { integrity: '${wasmIntegrity}' })`);
}

// Every snippet is inlined into the glue that imported it (the importer's glue imports none).
for (const js of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  if (readFileSync(join(dir, js), 'utf8').includes('snippets/')) throw new Error(`${js} still imports a snippet`);
}
rmSync(join(dir, 'snippets'), { recursive: true, force: true });
// Trunk preloads each snippet: those links go with the files.
html = html.replace(/<link[^>]*href="?\.\/snippets\/[^>]*>\s*/g, '');
if (html.includes('snippets/')) throw new Error('index.html still refers to snippets/');

// The page prerendered for the default inputs in English, by the same Rust code that writes it
// in the browser (src/bin/prerender.rs, built natively: the release build's flags are for the
// wasm, so they are left out here). The answer is then there at first paint.
{
  const env = { ...process.env };
  for (const v of ['RUSTFLAGS', 'CARGO_UNSTABLE_BUILD_STD', 'RUSTC_BOOTSTRAP', 'CARGO_BUILD_TARGET']) delete env[v];
  const out = execFileSync('cargo', ['run', '--quiet', '--offline', '--locked', '--bin', 'prerender'], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const [langs, app] = out.split('\n\u0000\n');
  if (!langs || !app) throw new Error('prerender printed no page');
  // (Trunk's minifier may have dropped the quotes.)
  const slots = [[/<div id="?langs"?><\/div>/, `<div id="langs">${langs}</div>`],
    [/<div id="?app"?><\/div>/, `<div id="app" data-prerendered>${app}</div>`]];
  for (const [slot, filled] of slots) {
    if (!slot.test(html)) throw new Error(`index.html has no empty ${slot}`);
    html = html.replace(slot, () => filled);
  }
}

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha(m[1]));
const scripts = inline('script');
const styles = inline('style');
// Trunk's loader, and the pending marker of index.html (it hides the prerendered default answer
// while the wasm computes a link's or French one).
if (scripts.length !== 2) throw new Error(`expected two inline scripts (Trunk's loader, the pending marker), found ${scripts.length}`);

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`,
  `style-src 'self' ${styles.join(' ')}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '');
// No preload of the wasm: it would compete with the page's first paint for bandwidth on a slow
// link (Lighthouse's largest-contentful-paint counts it); the loader fetches it right away.
html = html.replace(/<link\b[^>]*\brel="?preload"?[^>]*>/g, '');
html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes('Content-Security-Policy')) throw new Error('could not insert the CSP meta tag');

// The static shell's texts come from the English translations (one source for each text).
const locale = (lang) => {
  const localeDir = new URL(`../locales/${lang}/`, import.meta.url);
  return Object.assign({}, ...readdirSync(localeDir).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, localeDir), 'utf8'))));
};
const en = locale('en');
const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
for (const [id, key] of [['skip', 'skip.to_result'], ['title', 'app.title'], ['lede', 'app.lede']]) {
  const element = new RegExp(`(<[a-z0-9]+\\b[^>]*\\bid="?${id}"?(?:\\s[^>]*)?>)[^<]*<`);
  if (!element.test(html) || !en[key]) throw new Error(`shell element #${id} or text ${key} missing`);
  html = html.replace(element, (_, open) => `${open}${escapeHtml(en[key])}<`);
}

// Tell the page where the importer worker's loader is (Trunk may hash its name).
const loader = readdirSync(dir).find((f) => /^importer(-[0-9a-f]+)?_loader\.js$/.test(f));
if (!loader) throw new Error('the importer worker was not built');
html = html.replace(/<meta name="?ccplan-importer"?[^>]*>/, '');
// Trunk's loader shim calls wasm_bindgen with a bare path, which wasm-bindgen now deprecates
// with a console warning: pass the object form.
const loaderPath = join(dir, loader);
writeFileSync(loaderPath, readFileSync(loaderPath, 'utf8').replace(/wasm_bindgen\(("[^"]+")\)/, 'wasm_bindgen({module_or_path: $1})'));
html = html.replace('</head>', `<meta name="ccplan-importer" content="./${loader}"></head>`);

// The sample logs ("try with sample logs"), fetched by the importer worker only when asked for:
// named after their content's hash, so that a new sample is never served from an old cache.
const sampleSrc = new URL('../assets/sample/claude-code-sample.jsonl', import.meta.url);
const sampleBytes = readFileSync(sampleSrc);
const sampleName = `sample-${createHash('sha256').update(sampleBytes).digest('hex').slice(0, 16)}.jsonl`;
writeFileSync(join(dir, sampleName), sampleBytes);
html = html.replace('</head>', `<meta name="ccplan-sample" content="./${sampleName}"></head>`);

// The French texts: the header the page's wasm expects (build.rs computes it, from the key list,
// into i18n::FR_HEADER: read here out of the wasm, so the rule lives in one place), then one text
// per line in key order. build.rs checks that keys are printable ASCII, so this sort is its byte
// order. The page refuses at runtime a file whose header or number of texts differs.
const fr = locale('fr');
const keys = Object.keys(fr).sort();
const pageWasm = readdirSync(dir).filter((f) => /^ccplan-[0-9a-f]+_bg\.wasm$/.test(f));
if (pageWasm.length !== 1) throw new Error(`expected one page wasm, found ${pageWasm.length}`);
const header = frHeader(readFileSync(join(dir, pageWasm[0])));
const frText = [header, ...keys.map((k) => fr[k])].join('\n') + '\n';
const frFile = `fr-${createHash('sha256').update(frText).digest('hex').slice(0, 16)}.txt`;
writeFileSync(join(dir, frFile), frText);
html = html.replace(/<meta name="?ccplan-texts-fr"?[^>]*>/, '');
html = html.replace('</head>', `<meta name="ccplan-texts-fr" content="./${frFile}"></head>`);

const absolute = [...html.matchAll(/\b(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length) throw new Error(`absolute URLs break sub-path hosting: ${absolute.join(', ')}`);
writeFileSync(indexPath, html);

const files = readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.')).sort();
const version = createHash('sha256').update(files.join('\n')).update(html).digest('hex').slice(0, 12);
// The service worker precaches what the first visit loads anyway. What the page fetches only
// when used (the importer worker on import, the French texts to show French, the large manifest
// icon on install) is cached by the worker when it is first fetched, not downloaded ahead: a first
// visit fetches the first load and nothing more. The 192 px manifest icon counts as first load:
// Chromium fetches it when it checks whether the page can be installed (Lighthouse does so on
// every run). scripts/size-report.sh reads this list.
const onDemand = /^(importer|fr-|icon-512|sample-)/;
const precache = ['./', ...files.filter((f) => f !== 'index.html' && !onDemand.test(f)).map((f) => `./${f}`)];
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8').replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(swPath, sw);
console.log(`postbuild: CSP with ${scripts.length} script and ${styles.length} style hashes; sw precaches ${precache.length} files (cache ${version})`);
