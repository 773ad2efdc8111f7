// Screenshots of the release build at 360 px and 1280 px, light and dark, English and French,
// into screenshots/ (not committed): `node scripts/screenshots.mjs` after `make build`.
import { mkdirSync } from 'node:fs';
import { setup } from '../e2e/harness.mjs';

const env = await setup();
mkdirSync('screenshots', { recursive: true });
const query = process.argv[2] || '?n=3&h=6&model=mix&xu=1';
for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const locale of ['en-US', 'fr-FR']) {
      const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme, locale });
      const page = await context.newPage();
      await page.goto(`${env.origin}/${query}`);
      await page.getByTestId('recommended-plan').waitFor();
      const file = `screenshots/${width}-${colorScheme}-${locale.slice(0, 2)}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
}
await env.close();
