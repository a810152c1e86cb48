/**
 * Drives Chromium (playwright-core) through code-server with the Article Lens .vsix installed, the way a person
 * would: Quick Open, the mouse for hovers, the Problems panel, the lightbulb, the Outline view, Ctrl+S.
 * Started by test/e2e/run.sh, which installs everything and starts code-server; see that file.
 *
 *   npx tsx test/e2e/drive.ts --url http://127.0.0.1:PORT/?folder=WS --workspace WS --out DIR --chromium PATH --seeds DIR
 *
 * Every wait is for a condition (polling the DOM), never a fixed sleep. Each scenario leaves a PNG in --out.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

// ---------------------------------------------------------------------------------------------- arguments
function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}
const URL_ = arg('url');
const WS = arg('workspace');
const OUT = arg('out');
const CHROMIUM = arg('chromium', '/usr/bin/chromium');
const SEEDS = arg('seeds');
const ONLY = (process.env.E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);

const FILE_000 = '000_bea65045944bb13e.txt';
const FILE_004 = '004_e992f3d333dd0b49.txt';
const T0 = Date.now();
const log = (...a: unknown[]): void => console.log(`[drive ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...a);

// ---------------------------------------------------------------------------------------------- types of DOM reads
interface Line { n: number; text: string }
interface Box { x: number; y: number; w: number; h: number; line: number }
interface WordColor { color: string; cls: string; spanText: string; line: number }
interface ProblemRow { level: number; expanded: string | null; aria: string; kind: 'marker' | 'related' | 'resource'; message: string; where: string; text: string }
interface Problems { message: string; rows: ProblemRow[] }
interface OutlineRow { index: number; level: number; expanded: string | null; name: string; detail: string; aria: string }
interface CodeActionItem { text: string; aria: string; cls: string }

/** Shape of window.__al, defined by dom-helpers.js. */
interface Al {
  lines(suffix?: string): Line[];
  editorUris(): string[];
  wordBox(word: string, line?: number, suffix?: string): Box | null;
  wordColor(word: string, line?: number, suffix?: string): WordColor | null;
  statusMode(): string | null;
  statusSelection(): string | null;
  statusProblems(): string | null;
  activeTab(): { label: string | null; dirty: boolean } | null;
  hoverTexts(): string[];
  quickInputRows(): string[];
  problems(): Problems | null;
  outline(): OutlineRow[] | null;
  codeActions(): CodeActionItem[];
  tokenInspector(): string | null;
}

let page: Page;

/** Runs one window.__al reader in the page. */
async function read<K extends keyof Al>(name: K, ...args: Parameters<Al[K]>): Promise<ReturnType<Al[K]>> {
  return page.evaluate(
    ({ name, args }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const al = (globalThis as any).__al;
      return al[name](...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<ReturnType<Al[K]>>;
}

/** Polls `probe` until `ok` holds; on timeout throws with what was last seen. */
async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastErr: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      const seen = lastErr && last === undefined ? String(lastErr) : JSON.stringify(last, null, 1)?.slice(0, 3000);
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}\n  last seen: ${seen}`);
    }
    await page.waitForTimeout(100); // polling interval, not a wait for the app
  }
}

/** Checks that `bad` stays false for `ms` (for "nothing appears" assertions; there is no event to wait for). */
async function staysAbsent<T>(what: string, probe: () => Promise<T>, bad: (v: T) => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (bad(v)) throw new Error(`unexpected: ${what}\n  seen: ${JSON.stringify(v, null, 1).slice(0, 3000)}`);
    await page.waitForTimeout(200);
  }
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

// ---------------------------------------------------------------------------------------------- UI actions
async function escapeAll(): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

/** Quick Open (Ctrl+P): type the path, wait for the matching row, Enter, wait for the editor to show it. */
async function openFile(rel: string): Promise<void> {
  const base = path.basename(rel);
  await escapeAll();
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(rel);
  await until(`Quick Open row for ${rel}`, () => read('quickInputRows'), (rows) => rows.some((r) => r.startsWith(base)), 15000);
  await page.keyboard.press('Enter');
  const first = fs.readFileSync(path.join(WS, rel), 'utf8').split('\n')[0].trim();
  await until(`editor shows ${rel}`, () => read('lines', base), (ls) => ls.length > 0 && ls[0].text.trim() === first, 20000);
}

/** Command Palette: run a command by its title. */
async function runCommand(title: string): Promise<void> {
  await escapeAll();
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(title);
  await until(`command "${title}" in the palette`, () => read('quickInputRows'), (rows) => rows.some((r) => r.includes(title)), 15000);
  await page.keyboard.press('Enter');
}

/** Go to Line (Ctrl+G) and wait for the status bar to show it. */
async function goToLine(line: number): Promise<void> {
  await escapeAll();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await until(`cursor on line ${line}`, () => read('statusSelection'), (s) => !!s && s.startsWith(`Ln ${line},`), 10000);
}

/** Moves the mouse onto a word and waits for a hover card matching `want`. Retries: hovers need a still mouse. */
async function hoverWord(word: string, want: RegExp, line?: number): Promise<string> {
  let lastErr: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    const box = await until(`"${word}" on screen`, () => read('wordBox', word, line), (b) => !!b, 10000);
    await page.mouse.move(5, 5);
    await page.mouse.move(box!.x, box!.y, { steps: 4 });
    try {
      const texts = await until(`hover card matching ${want}`, () => read('hoverTexts'), (t) => t.some((x) => want.test(x)), 6000);
      return texts.find((x) => want.test(x))!;
    } catch (e) {
      lastErr = e;
      log(`  hover attempt ${attempt} did not show ${want}`);
    }
  }
  throw lastErr;
}

async function showProblems(): Promise<void> {
  await escapeAll();
  const shown = await read('problems');
  if (!shown) await page.keyboard.press('Control+Shift+M');
  await until('Problems panel visible', () => read('problems'), (p) => p !== null, 10000);
}

const markers = (p: Problems | null, file: string): ProblemRow[] => {
  if (!p) return [];
  const out: ProblemRow[] = [];
  let inFile = false;
  for (const r of p.rows) {
    if (r.kind === 'resource') inFile = r.text.includes(file) || r.aria.includes(file);
    else if (r.kind === 'marker' && inFile) out.push(r);
  }
  return out;
};

/** Opens the code action menu on the cursor line: click the lightbulb if it shows, else Ctrl+. */
async function openCodeActions(how: 'lightbulb' | 'keyboard'): Promise<CodeActionItem[]> {
  if (how === 'lightbulb') {
    const bulb = page.locator('.part.editor .lightBulbWidget');
    try {
      await until('lightbulb', async () => (await bulb.count()) > 0 && (await bulb.first().isVisible()), (v) => v, 8000);
      await bulb.first().click();
    } catch {
      log('  no lightbulb showed within 8 s; using Ctrl+.');
      await page.keyboard.press('Control+.');
    }
  } else {
    await page.keyboard.press('Control+.');
  }
  return until('code action menu', () => read('codeActions'), (items) => items.length > 0, 10000);
}

async function chooseCodeAction(title: string, how: 'lightbulb' | 'keyboard'): Promise<void> {
  const items = await openCodeActions(how);
  log(`  code actions: ${JSON.stringify(items.map((i) => i.text))}`);
  const idx = items.findIndex((i) => i.text.split('\n')[0].trim() === title || i.aria.startsWith(title + ',') || i.aria === title);
  assert(idx >= 0, `code action "${title}" is offered (got ${JSON.stringify(items.map((i) => i.text))})`);
  await page.locator('.action-widget .monaco-list-row').filter({ hasText: title }).filter({ hasNotText: title + 's' })
    .first().click();
  await until('code action menu closed', () => read('codeActions'), (i) => i.length === 0, 5000);
}

const hexOk = (c: string): boolean => /^#[0-9a-f]{6}$/i.test(c);

// ---------------------------------------------------------------------------------------------- scenarios
const original000 = fs.readFileSync(path.join(SEEDS, FILE_000), 'utf8');
const lines000 = original000.split('\n');

const scenarios: { id: number; slug: string; title: string; run: () => Promise<string[]> }[] = [
  {
    id: 1, slug: 'language-and-colours', title: 'seeds/000 opens as "Article" with entity colours',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      const mode = await until('status bar language mode "Article"', () => read('statusMode'), (m) => m === 'Article', 15000);
      // semantic tokens arrive after the server has analysed the text: wait until a name is coloured differently
      // from an ordinary word on the same line ("Lavrov said that ..." on line 3)
      const [name, plain] = await until('"Lavrov" coloured differently from "said"',
        () => Promise.all([read('wordColor', 'Lavrov', 3), read('wordColor', 'said', 3)]),
        ([n, p]) => !!n && !!p && hexOk(n.color) && hexOk(p.color) && n.color !== p.color, 30000);
      const moscow = await read('wordColor', 'Moscow', 4);
      // which theme rule gave the colour: Developer: Inspect Editor Tokens and Scopes, cursor on "Lavrov"
      const box = (await read('wordBox', 'Lavrov', 3))!;
      await page.mouse.click(box.x, box.y);
      await runCommand('Developer: Inspect Editor Tokens and Scopes');
      const inspect = await until('token inspector shows a semantic token type', () => read('tokenInspector'),
        (t) => !!t && /semantic token type/i.test(t), 10000);
      const flat = inspect!.replace(/\s+/g, ' ');
      assert(/semantic token type person/i.test(flat), `"Lavrov" has semantic token type person (inspector: ${flat.slice(0, 400)})`);
      const fg = /foreground\s*(#[0-9a-f]{6})/i.exec(flat);
      assert(fg && fg[1].toLowerCase() === name!.color.toLowerCase(),
        `the span colour ${name!.color} is the theme's foreground for the token (${fg ? fg[1] : 'none'})`);
      await page.screenshot({ path: path.join(OUT, '1-language-and-colours.png') });
      await escapeAll();
      return [`mode=${mode}`, `Lavrov ${name!.color} (${name!.cls}) vs said ${plain!.color}`, `Moscow ${moscow?.color}`,
        `inspector: ${flat.slice(0, 160)}`];
    },
  },
  {
    id: 2, slug: 'hover', title: 'hover on Lavrov shows Sergei Lavrov, Foreign Minister',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      const card = await hoverWord('Lavrov', /Sergei Lavrov/, 3);
      assert(/Foreign Minister/.test(card), `hover names the role "Foreign Minister": ${JSON.stringify(card)}`);
      await page.screenshot({ path: path.join(OUT, '2-hover.png') });
      await page.mouse.move(5, 5);
      return [`card: ${JSON.stringify(card.replace(/\s+/g, ' ').slice(0, 200))}`];
    },
  },
  {
    id: 3, slug: 'problems', title: 'Problems: nine duplicate-paragraph warnings at lines 12-20 pointing at the first copy',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      await showProblems();
      const p = await until('nine warnings for 000 in the Problems panel', () => read('problems'),
        (v) => markers(v, FILE_000).length === 9, 30000);
      const rows = markers(p, FILE_000);
      const notes: string[] = [];
      for (let i = 0; i < 9; i++) {
        const r = rows[i];
        const line = 12 + i;
        const first = line - 9; // lines 12-20 repeat lines 3-11
        assert(/^Warning/i.test(r.aria), `row ${i} is a warning: ${r.aria}`);
        assert(new RegExp(`\\bLn ${line}\\b`).test(r.where), `row ${i} is at line ${line}: ${r.where}`);
        assert(/duplicate paragraph/i.test(r.message), `row ${i} says duplicate paragraph: ${r.message}`);
        assert(new RegExp(`\\bline ${first}\\b`).test(r.message), `row ${i} names line ${first}: ${r.message}`);
        assert(/article-lens/.test(r.text), `row ${i} shows source article-lens: ${r.text}`);
      }
      // related information: child rows of each marker, pointing at the first copy
      const allRows = p!.rows;
      const related = allRows.filter((r) => r.kind === 'related');
      for (let i = 0; i < 9; i++) {
        const first = 3 + i;
        assert(related.some((r) => new RegExp(`\\bLn ${first}\\b`).test(r.where) && r.text.includes(FILE_000)),
          `related information points at line ${first} of ${FILE_000} (related rows: ${JSON.stringify(related.map((r) => r.text))})`);
      }
      await page.screenshot({ path: path.join(OUT, '3-problems.png') });
      notes.push(`first: ${rows[0].text}`, `related: ${related[0].text}`, `status bar: ${await read('statusProblems')}`);
      return notes;
    },
  },
  {
    id: 4, slug: 'quick-fix', title: 'quick fixes remove duplicates; saved file is the first 11 lines',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      await showProblems();
      await until('nine warnings before the fix', () => read('problems'), (v) => markers(v, FILE_000).length === 9, 30000);
      await page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await goToLine(12);
      await chooseCodeAction('Remove duplicate paragraph', 'lightbulb');
      const expectedAfterOne = [...lines000.slice(0, 11), ...lines000.slice(12)];
      await until('line 12 removed (19 lines, line 12 = old line 13)', () => read('lines', FILE_000),
        (ls) => ls.length === 19 && ls.every((l) => l.text === expectedAfterOne[l.n - 1]), 10000);
      await until('eight warnings left', () => read('problems'), (v) => markers(v, FILE_000).length === 8, 15000);
      await page.screenshot({ path: path.join(OUT, '4a-quick-fix-one.png') });

      await goToLine(12);
      await chooseCodeAction('Remove all duplicate paragraphs', 'keyboard');
      await until('only lines 1-11, unchanged', () => read('lines', FILE_000),
        (ls) => ls.length === 11 && ls.every((l) => l.text === lines000[l.n - 1]), 10000);
      await until('no warnings for 000', () => read('problems'), (v) => markers(v, FILE_000).length === 0, 15000);
      await page.screenshot({ path: path.join(OUT, '4b-quick-fix-all.png') });

      await page.keyboard.press('Control+S');
      const expected = lines000.slice(0, 11).join('\n');
      const onDisk = path.join(WS, 'seeds', FILE_000);
      await until('file on disk is the first 11 lines (no trailing newline)', async () => fs.readFileSync(onDisk, 'utf8'),
        (t) => t === expected, 10000).catch((e) => {
        const got = fs.readFileSync(onDisk, 'utf8');
        throw new Error(`${(e as Error).message.split('\n')[0]}\n  disk has ${got.length} chars, ${got.split('\n').length} lines, ` +
          `ends ${JSON.stringify(got.slice(-40))}; expected ${expected.length} chars ending ${JSON.stringify(expected.slice(-40))}`);
      });
      await until('tab not dirty', () => read('activeTab'), (t) => !!t && !t.dirty, 5000);
      await page.screenshot({ path: path.join(OUT, '4c-saved.png') });
      return [`saved ${expected.length} chars, 11 lines`];
    },
  },
  {
    id: 5, slug: 'outline', title: 'Outline of 004: quotes under Lavrov; selecting one moves the cursor',
    async run() {
      await openFile(`seeds/${FILE_004}`);
      await runCommand('Explorer: Focus on Outline View');
      const rows = await until('outline has a Lavrov speaker with children', () => read('outline'),
        (o) => !!o && o.some((r) => /Serge[iy] Lavrov/.test(r.name)), 20000);
      let speaker = rows!.find((r) => /Serge[iy] Lavrov/.test(r.name))!;
      if (speaker.expanded === 'false') {
        await page.locator(`.outline-pane .monaco-list-row[data-index="${speaker.index}"] .monaco-tl-twistie`).click();
      }
      const tree = await until('Lavrov expanded with quote children', () => read('outline'), (o) => {
        const s = o?.find((r) => /Serge[iy] Lavrov/.test(r.name));
        const next = s && o!.find((r) => r.index === s.index + 1);
        return !!s && s.expanded !== 'false' && !!next && next.level === s.level + 1;
      }, 10000);
      speaker = tree!.find((r) => /Serge[iy] Lavrov/.test(r.name))!;
      const children: OutlineRow[] = [];
      for (const r of tree!.filter((x) => x.index > speaker.index)) {
        if (r.level <= speaker.level) break;
        if (r.level === speaker.level + 1) children.push(r);
      }
      assert(children.length >= 1, 'Lavrov has quote children');
      // the quote's line in the file, found from the start of its label
      const text = fs.readFileSync(path.join(WS, 'seeds', FILE_004), 'utf8');
      const fileLines = text.split('\n');
      const lineOf = (label: string): number => {
        const probe = label.replace(/^[\s“”"'‘’«»]+/, '').replace(/(…|\.\.\.)\s*$/, '').slice(0, 30);
        return fileLines.findIndex((l) => l.includes(probe)) + 1;
      };
      const target = [...children].reverse().find((c) => lineOf(c.name) > 1) ?? children[children.length - 1];
      const want = lineOf(target.name);
      const before = await read('statusSelection');
      await page.locator(`.outline-pane .monaco-list-row[data-index="${target.index}"] .label-name`).click();
      const sel = await until(want > 0 ? `cursor on line ${want}` : 'cursor moved', () => read('statusSelection'),
        (s) => !!s && (want > 0 ? s.startsWith(`Ln ${want},`) : s !== before), 10000);
      await page.screenshot({ path: path.join(OUT, '5-outline.png') });
      return [`speaker "${speaker.name}" ${speaker.detail}`, `${children.length} quotes, e.g. ${JSON.stringify(children[0].name.slice(0, 60))}`,
        `selected ${JSON.stringify(target.name.slice(0, 40))} -> ${sel} (expected line ${want})`];
    },
  },
  {
    id: 6, slug: 'plain-text', title: 'notes.txt outside seeds/ is Plain Text without article features',
    async run() {
      await openFile('notes.txt');
      const mode = await until('status bar language mode "Plain Text"', () => read('statusMode'), (m) => m === 'Plain Text', 15000);
      await showProblems();
      // nothing to wait for when a feature is absent: watch for a few seconds that none appears
      await staysAbsent('warnings for notes.txt', () => read('problems'), (v) => markers(v, 'notes.txt').length > 0, 3000);
      const [name, plain] = await Promise.all([read('wordColor', 'Lavrov', 3), read('wordColor', 'met', 3)]);
      assert(name && plain && name.color === plain.color, `"Lavrov" is not coloured in notes.txt (${name?.color} vs ${plain?.color})`);
      await page.screenshot({ path: path.join(OUT, '6-plain-text.png') });
      return [`mode=${mode}`, `Lavrov ${name.color} = met ${plain.color}`, 'no warnings for notes.txt in 3 s'];
    },
  },
];

// ---------------------------------------------------------------------------------------------- main
async function main(): Promise<number> {
  fs.mkdirSync(OUT, { recursive: true });
  let browser: Browser | undefined;
  const results: { id: number; title: string; ok: boolean; ms: number; notes: string[]; error?: string }[] = [];
  try {
    const tLaunch = Date.now();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => log('page error:', e.message));
    await page.addInitScript({ path: path.join(__dirname, 'dom-helpers.js') });
    await page.goto(URL_);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    log(`TIMING workbench ready: ${Date.now() - tLaunch} ms`);
    await page.screenshot({ path: path.join(OUT, '0-workbench.png') });

    for (const s of scenarios) {
      if (ONLY.length && !ONLY.includes(s.id)) continue;
      const t = Date.now();
      try {
        const notes = await s.run();
        results.push({ id: s.id, title: s.title, ok: true, ms: Date.now() - t, notes });
        log(`PASS ${s.id} ${s.title} (${Date.now() - t} ms)`);
        for (const n of notes) log(`     ${n}`);
      } catch (e) {
        const err = e instanceof Error ? e.message : String(e);
        results.push({ id: s.id, title: s.title, ok: false, ms: Date.now() - t, notes: [], error: err });
        log(`FAIL ${s.id} ${s.title} (${Date.now() - t} ms)\n${err}`);
        await page.screenshot({ path: path.join(OUT, `${s.id}-${s.slug}-FAILED.png`) }).catch(() => undefined);
        await escapeAll().catch(() => undefined);
        await page.mouse.move(5, 5).catch(() => undefined);
      }
    }
  } catch (e) {
    log('FATAL', e);
    if (page) await page.screenshot({ path: path.join(OUT, 'fatal.png') }).catch(() => undefined);
    results.push({ id: 0, title: 'start', ok: false, ms: Date.now() - T0, notes: [], error: String(e) });
  } finally {
    await browser?.close().catch(() => undefined);
  }
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  console.log('\nE2E scenarios:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.id}. ${r.title}  [${r.ms} ms]`);
  console.log(`  screenshots: ${fs.readdirSync(OUT).filter((f) => f.endsWith('.png')).sort().join(', ')}`);
  const failed = results.filter((r) => !r.ok).length;
  const ran = results.length;
  return failed === 0 && ran > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
