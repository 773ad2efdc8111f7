// Renders assets/favicon.svg to the PNG icons of the web manifest (run by hand when the icon changes),
// then shrinks them with Debian's pngquant and optipng (a 256-colour palette: icon-192 4.3 → 1.3 KB;
// Chromium fetches it when it checks whether the page can be installed, as Lighthouse does).
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync('assets/favicon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (const s of [192, 512]) {
  const p = await b.newPage({ viewport: { width: s, height: s } });
  await p.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${s}" height="${s}" `)}</body></html>`);
  await p.screenshot({ path: `assets/icon-${s}.png`, omitBackground: true });
}
await b.close();
for (const s of [192, 512]) {
  const f = `assets/icon-${s}.png`;
  execFileSync('pngquant', ['--quality', '70-95', '--speed', '1', '--strip', '-f', '-o', f, f]);
  execFileSync('optipng', ['-o7', '-quiet', f]);
}
