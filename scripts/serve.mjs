// A tiny static file server for dist/ (no dependencies), used by `make serve` and the
// end-to-end tests. It serves the site both at "/" and under "/ccplan/", the sub-path a
// GitHub Pages project site uses, to show the build works from any base path.
//   node scripts/serve.mjs [--port 8080] [--dir dist] [--quiet]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
export const SUB_PATH = '/ccplan/';

export function startServer({ dir = 'dist', port = 0, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === SUB_PATH.slice(0, -1)) { res.writeHead(301, { location: SUB_PATH }); return res.end(); }
      if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
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
  const server = await startServer({ dir: arg('--dir', 'dist'), port });
  const { port: p } = server.address();
  console.log(`ccplan is served at http://127.0.0.1:${p}/  (and under http://127.0.0.1:${p}${SUB_PATH})`);
  console.log('Press Ctrl-C to stop.');
}
