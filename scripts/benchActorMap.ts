/**
 * The actor map's page with thousands of actors, in headless Chromium: how long the layout takes,
 * the longest gap between two frames meanwhile (the page must stay responsive), and the PNG and SVG exports.
 * Loads the very page the extension shows (`client/src/actorMap/html.ts`, `dist/webview/actorMap.*`,
 * same Content-Security-Policy) from a fake origin answered by the script itself: nothing goes out.
 * The maps are generated (a fixed seed): mention counts falling off as in news (a few actors in most
 * articles, a long tail), five lines per actor to more mentioned ones, a tenth of them quoting.
 *
 *   npm run bench:map                  # sizes 300, 1000, 3000, 5000; CHROMIUM=/path to use another browser
 *   npm run bench:map -- --nodes=300 --save=/tmp/maps   # one size, the PNG and SVG pictures kept
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { actorMapHtml } from '../client/src/actorMap/html';
import type { ActorMap, MapEdge, MapNode } from '../server/src/protocol';

const ROOT = path.resolve(__dirname, '..');
const ORIGIN = 'https://actor-map.test';
const SIZES = (process.argv.find((a) => a.startsWith('--nodes='))?.slice(8) ?? '300,1000,3000,5000').split(',').map(Number);
/** `--save=DIR`: keep the exported pictures there, to look at. */
const SAVE = process.argv.find((a) => a.startsWith('--save='))?.slice(7);

/** A small seeded generator (mulberry32): the same maps on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticMap(n: number, dated: boolean): ActorMap {
  const next = random(n);
  const types = ['person', 'person', 'organization', 'location'] as const;
  const from = Date.parse('2015-06-01');
  const span = Date.parse('2016-11-30') - from;
  const nodes: MapNode[] = Array.from({ length: n }, (_, i) => {
    const date = new Date(from + Math.floor(next() * span)).toISOString().slice(0, 10);
    return {
      id: `a${i}`,
      name: `Actor ${i}`,
      type: types[i % types.length],
      mentions: Math.floor(2000 / Math.pow(i + 1, 0.8)) + 1,
      articles: Math.floor(800 / Math.pow(i + 1, 0.8)) + 1,
      quotes: i % 10 === 0 ? 5 : 0,
      roles: [],
      ...(dated ? { firstDate: date, lastDate: date } : {}),
    };
  });
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 5; k++) {
      const j = Math.floor(i * next() * next());
      const key = `${j} ${i}`;
      if (j === i || seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: `a${j}`, target: `a${i}`, kind: 'together', weight: 1 + Math.floor(10 * next() * next()) });
    }
    if (i % 10 === 0) edges.push({ source: `a${i}`, target: `a${Math.floor(n * next())}`, kind: 'quotes', weight: 1 });
  }
  return { nodes, edges: edges.filter((e) => e.source !== e.target), totalActors: n, revision: 1 };
}

/**
 * Polls an expression in the page until it is true. (Playwright's waitForFunction evaluates a string
 * with eval inside the page, which the map's Content-Security-Policy rightly forbids.)
 */
async function until(tab: import('playwright-core').Page, expression: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await tab.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const script = path.join(ROOT, 'dist', 'webview', 'actorMap.js');
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: set CHROMIUM=/path/to/chromium`);
  if (!fs.existsSync(script)) throw new Error('dist/webview/actorMap.js is missing: run `npm run build` first');
  const page = actorMapHtml({ nonce: 'bench-nonce', cspSource: ORIGIN, script: `${ORIGIN}/actorMap.js`, style: `${ORIGIN}/actorMap.css` });
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  console.log('actor map page in headless Chromium (software rendering, 1400×900): nodes | lines | layout | longest frame gap while laying out | PNG export | SVG export');
  try {
    for (const size of SIZES) {
      for (const dated of [false, true]) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const outside: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (!url.startsWith(ORIGIN)) {
            outside.push(url);
            return route.abort();
          }
          const file = url.slice(ORIGIN.length + 1);
          if (file === 'index.html') return route.fulfill({ contentType: 'text/html', body: page });
          return route.fulfill({ path: path.join(ROOT, 'dist', 'webview', file), contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
        });
        const tab = await context.newPage();
        // The host's side of the messages, and a frame clock: the longest gap between two frames while the layout runs.
        await tab.addInitScript(`
          window.__posted = [];
          window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m) });
          window.__gap = 0;
          let last = 0;
          const tick = (t) => { if (document.body && document.body.dataset.state === 'layout') { if (last) window.__gap = Math.max(window.__gap, t - last); last = t; } else last = 0; requestAnimationFrame(tick); };
          requestAnimationFrame(tick);`);
        await tab.goto(`${ORIGIN}/index.html`);
        await until(tab, "window.__posted.some((m) => m.type === 'ready')");
        const map = syntheticMap(size, dated);
        await tab.evaluate((m) => (globalThis as unknown as { postMessage(message: unknown, target: string): void }).postMessage({ type: 'map', map: m, limit: m.nodes.length }, '*'), map);
        await until(tab, "document.body.dataset.state === 'rendered'", 600_000);
        const { ms, gap } = await tab.evaluate("({ ms: window.__posted.find((m) => m.type === 'rendered').ms, gap: window.__gap })") as { ms: number; gap: number };
        const t = Date.now();
        await tab.click('#export');
        await until(tab, "window.__posted.some((m) => m.type === 'export')");
        const exported = await tab.evaluate("window.__posted.find((m) => m.type === 'export').dataUrl") as string;
        const png = Buffer.from(exported.slice(exported.indexOf(',') + 1), 'base64');
        const pngMs = Date.now() - t;
        const t2 = Date.now();
        await tab.click('#export-svg');
        await until(tab, "window.__posted.some((m) => m.type === 'export' && m.format === 'svg')");
        const svg = await tab.evaluate("window.__posted.find((m) => m.type === 'export' && m.format === 'svg').svg") as string;
        const svgMs = Date.now() - t2;
        if (SAVE) {
          fs.mkdirSync(SAVE, { recursive: true });
          const name = path.join(SAVE, `actor-map-${size}${dated ? '-dated' : ''}`);
          fs.writeFileSync(`${name}.png`, png);
          fs.writeFileSync(`${name}.svg`, svg);
        }
        // Every actor is a shape of its own in the picture (the background is one more rectangle; ticks are rectangles too).
        const shapes = (svg.match(/<(ellipse|polygon|rect) /g) ?? []).length - 1;
        const violations = await tab.evaluate('document.body.dataset.cspViolations');
        console.log(`${size.toLocaleString('en')}${dated ? ' (time axis)' : ''} | ${map.edges.length.toLocaleString('en')} | ${(ms / 1000).toFixed(1)} s | ${Math.round(gap)} ms | ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px, ${(png.length / 1024).toFixed(0)} KB in ${pngMs} ms | ${shapes.toLocaleString('en')} shapes, ${(svg.match(/<line /g) ?? []).length.toLocaleString('en')} lines, ${(svg.length / 1024).toFixed(0)} KB in ${svgMs} ms${violations ? `; CSP violations: ${violations}` : ''}${outside.length ? `; requests outside: ${outside.length}` : ''}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
