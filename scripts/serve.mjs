// A tiny static file server for dist/ (no dependencies), used by `make serve` and the
// end-to-end tests. It serves the site both at "/" and under "/ccplan/", the sub-path a
// GitHub Pages project site uses, to show the build works from any base path.
// With --compress (as `make serve` and `make audit` run it) it answers brotli to a browser that
// accepts it, as static hosts such as GitHub Pages compress (gzip there); the end-to-end tests
// serve plain bytes, which they rewrite on the way for the Subresource Integrity test.
//   node scripts/serve.mjs [--port 8080] [--dir dist] [--compress]
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
export const SUB_PATH = '/ccplan/';
// What is worth compressing (the images are compressed already).
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt', '.jsonl']);

export function startServer({ dir = 'dist', port = 0, host = '127.0.0.1', compress = false } = {}) {
  const root = resolve(dir);
  const packed = new Map(); // file → [modification time, brotli bytes]
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === SUB_PATH.slice(0, -1)) { res.writeHead(301, { location: SUB_PATH }); return res.end(); }
      if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      if (compress && TEXT.has(extname(file))) {
        headers.vary = 'accept-encoding';
        if (/\bbr\b(?!\s*;\s*q=0(\.0*)?\b)/.test(req.headers['accept-encoding'] || '')) {
          const hit = packed.get(file);
          if (!hit || hit[0] !== info.mtimeMs) {
            packed.set(file, [info.mtimeMs, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })]);
          }
          body = packed.get(file)[1];
          headers['content-encoding'] = 'br';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const port = Number(arg('--port', process.env.PORT || 8080));
  const server = await startServer({ dir: arg('--dir', 'dist'), port, compress: process.argv.includes('--compress') });
  const { port: p } = server.address();
  console.log(`ccplan is served at http://127.0.0.1:${p}/  (and under http://127.0.0.1:${p}${SUB_PATH})`);
  console.log('Press Ctrl-C to stop.');
}
