/**
 * Renders images/icon.svg to images/icon.png (128×128, transparent corners), the icon the
 * marketplace and the Extensions view show. Uses the Chromium that the end-to-end tests already
 * need, through playwright-core (a devDependency), so no image library is added for one picture.
 *
 *   npm run icon                       # CHROMIUM=/path/to/chromium to use another browser
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'images', 'icon.svg');
const TARGET = path.join(ROOT, 'images', 'icon.png');
const SIZE = 128;

async function main(): Promise<void> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: set CHROMIUM=/path/to/chromium`);
  const svg = fs.readFileSync(SOURCE, 'utf8');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: TARGET, omitBackground: true });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(ROOT, TARGET)} (${fs.statSync(TARGET).size} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
