/**
 * Runs the in-editor VS Code API suite (test/vscode/suite, bundled to out/ by test/vscode/build.ts) inside
 * code-server's extension host: VS Code's web workbench takes `extensionDevelopmentPath` and `extensionTestsPath`
 * from the URL's `payload` parameter. The suite writes {"failures": n} to $ARTICLE_LENS_SUITE_RESULT (set in
 * code-server's environment by run.sh); its Mocha output arrives in the browser console and is echoed here.
 *
 *   npx tsx test/e2e/apiSuite.ts --port P --workspace WS --extension EXT_DIR --suite out/.../index.js --result FILE --out DIR
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { arg } from './args';

const PORT = arg('port');
const WS = arg('workspace');
const EXTENSION = arg('extension');
const SUITE = arg('suite');
const RESULT = arg('result');
const OUT = arg('out');
const CHROMIUM = arg('chromium', '/usr/bin/chromium');
const TIMEOUT_MS = 180000;

async function main(): Promise<number> {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${PORT}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(EXTENSION)], ['extensionTestsPath', remote(SUITE)]]);
  const url = `http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const lines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // the extension host's console.log reaches the page console as "%c INFO color: #33f <format> <args...>"
    page.on('console', (m) => {
      const raw = m.text().replace(/^%c\s+\w+\s+color:\s*#\w+\s*/, '');
      // Mocha's printf placeholders stay in the text and the values are appended: drop the placeholders
      const text = raw.replace(/\s*\(%dms\)/, '').replace(/%[sd]\s*/g, '').trim();
      if (/✔|✓|passing|failing|pending|^\s*\d+\) |Error|Article Lens in VS Code|AssertionError|expected|actual/.test(text)) {
        lines.push(text);
        console.log(`  [api suite] ${text}`);
      }
    });
    await page.goto(url);
    const end = Date.now() + TIMEOUT_MS;
    while (!fs.existsSync(RESULT)) {
      if (Date.now() > end) {
        await page.screenshot({ path: path.join(OUT, 'api-suite-TIMEOUT.png') });
        console.log(`  [api suite] no result after ${TIMEOUT_MS} ms`);
        return 1;
      }
      await page.waitForTimeout(200); // polling for the result file
    }
    await page.screenshot({ path: path.join(OUT, 'api-suite.png') });
  } finally {
    await browser.close();
  }
  const { failures } = JSON.parse(fs.readFileSync(RESULT, 'utf8')) as { failures: number };
  fs.writeFileSync(path.join(OUT, 'api-suite.txt'), lines.join('\n') + '\n');
  console.log(`  [api suite] ${failures === 0 ? 'PASS' : 'FAIL'}: ${failures} failure(s)`);
  return failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
