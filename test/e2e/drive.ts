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
import { chromium, type Browser, type Frame, type Page, type Request } from 'playwright-core';
import { arg } from './args';

// ---------------------------------------------------------------------------------------------- arguments
const URL_ = arg('url');
const WS = arg('workspace');
const OUT = arg('out');
const CHROMIUM = arg('chromium', '/usr/bin/chromium');
const SEEDS = arg('seeds');
const ONLY = (process.env.E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);

const FILE_000 = '000_bea65045944bb13e.txt';
const FILE_004 = '004_e992f3d333dd0b49.txt';
const FILE_001 = '001_df97716ef8399177.txt';
const T0 = Date.now();
const log = (...a: unknown[]): void => console.log(`[drive ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...a);

// ---------------------------------------------------------------------------------------------- types of DOM reads
interface Line { n: number; text: string }
interface Box { x: number; y: number; w: number; h: number; line: number }
interface WordColor { color: string; cls: string; spanText: string; line: number }
interface ProblemRow { level: number; expanded: string | null; aria: string; kind: 'marker' | 'related' | 'resource'; message: string; where: string; text: string }
interface Problems { message: string; rows: ProblemRow[] }
interface OutlineRow { index: number; level: number; expanded: string | null; selected: boolean; name: string; detail: string; aria: string }
type ViewRow = OutlineRow;
interface CodeActionItem { text: string; aria: string; cls: string }

/** Shape of window.__al, defined by dom-helpers.js. */
interface Al {
  lines(suffix?: string): Line[];
  editorUris(): string[];
  wordBox(word: string, line?: number, suffix?: string): Box | null;
  wordColor(word: string, line?: number, suffix?: string): WordColor | null;
  languageStatus(): string[] | null;
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
  editorMessage(): string | null;
  commentRows(): string[];
  viewRows(title: string): ViewRow[] | null;
  walkthrough(): { title: string; steps: string[] } | null;
}

let page: Page;
/** Every request the browser made (all frames, webviews and workers), for the offline check of scenario 8. */
const requests: Request[] = [];

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
  const start = Date.now();
  const end = start + timeoutMs;
  let last: T | undefined;
  let lastErr: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) {
        // a wait that used much of its budget is the next flake: say so in the log
        if (Date.now() - start > timeoutMs / 3) log(`slow wait: ${Date.now() - start} ms of ${timeoutMs} for: ${what}`);
        return last;
      }
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

/** Logs the steps of a long scenario with the time since its start, so a CI excerpt shows where it stopped. */
function stepLogger(): (step: string) => void {
  const start = Date.now();
  return (step) => log(`  step at ${Date.now() - start} ms: ${step}`);
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

/**
 * Enter for the quick input (the palette, Quick Open, a picker, an input box), pressed only while the focus
 * is in it: when the widget closed meanwhile (a window still restoring its editors takes the focus), an Enter
 * would land in the article and add an empty line. False when it was not pressed.
 */
async function enterInQuickInput(): Promise<boolean> {
  const focused = await page.evaluate<boolean>(
    "(() => { const a = document.activeElement; return !!a && !!a.closest('.quick-input-widget') && !a.closest('.quick-input-widget.hidden'); })()");
  if (focused) await page.keyboard.press('Enter');
  return focused;
}

/** {@link enterInQuickInput}, failing when the quick input had lost the focus. */
async function enterInQuickInputOrFail(what: string): Promise<void> {
  if (!(await enterInQuickInput())) throw new Error(`the quick input lost the focus before Enter (${what}); Enter not pressed, so that it does not land in the article`);
}

/** Quick Open (Ctrl+P): type the path, wait for the matching row to be focused, Enter, wait for the editor. */
async function openFile(rel: string): Promise<void> {
  const base = path.basename(rel);
  const first = fs.readFileSync(path.join(WS, rel), 'utf8').split('\n')[0].trim();
  for (let attempt = 1; ; attempt++) {
    await escapeAll();
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type(rel);
    await until(`Quick Open row for ${rel} focused`, () => read('quickInputRows'), (rows) => rows.some((r) => r.startsWith(`> ${base}`)), 15000);
    if (!(await enterInQuickInput())) {
      if (attempt >= 3) throw new Error(`Quick Open lost the focus before Enter (${rel})`);
      log(`  Quick Open lost the focus before Enter (attempt ${attempt}); trying again`);
      continue;
    }
    try {
      await until(`editor shows ${rel}`, () => read('lines', base), (ls) => ls.length > 0 && ls[0].n === 1 && ls[0].text.trim() === first, 10000);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`  ${rel} did not open (attempt ${attempt}); trying again`);
    }
  }
}

/**
 * Command Palette: run a command by its title. The palette lists the commands known when it opened: right after
 * start-up an extension's commands may not be registered yet, so it is opened again if the command is missing.
 */
async function runCommand(title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await escapeAll();
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type(title);
    try {
      await until(`command "${title}" in the palette`, () => read('quickInputRows'), (rows) => rows.some((r) => r.startsWith(`> ${title}`)), attempt < 3 ? 5000 : 15000);
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`  "${title}" not in the palette yet (attempt ${attempt}); opening it again`);
      continue;
    }
    if (await enterInQuickInput()) return;
    if (attempt >= 3) throw new Error(`the palette lost the focus before Enter ("${title}")`);
    log(`  the palette lost the focus before Enter (attempt ${attempt}); opening it again`);
  }
}

/** Go to Line (Ctrl+G) and wait for the status bar to show it. */
async function goToLine(line: number): Promise<void> {
  await escapeAll();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(String(line));
  await enterInQuickInputOrFail(`Go to Line ${line}`);
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

/** The count on the file's row in the Problems tree ("9 problems in file X of folder seeds"); 0 when absent. */
const fileProblemCount = (p: Problems | null, file: string): number => {
  const row = p?.rows.find((r) => r.kind === 'resource' && r.aria.includes(`file ${file}`));
  if (!row) return 0;
  const m = /(\d+) problems? in file/.exec(row.aria);
  return m ? Number(m[1]) : -1;
};

/** Marker rows of a file in the rendered part of the Problems tree (the list is virtualised: maximise it first). */
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

/** Where the lightbulb is: the content widget next to the text or the gutter icon (VS Code 1.100 shows the latter). */
async function lightbulbBox(): Promise<{ x: number; y: number } | null> {
  const all = page.locator('.part.editor .lightBulbWidget, .part.editor [class*="codicon-gutter-lightbulb"]');
  for (let i = 0; i < (await all.count()); i++) {
    const b = await all.nth(i).boundingBox().catch(() => null);
    if (b && b.width > 0 && b.height > 0) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  return null;
}

/** Opens the code action menu on the cursor line: click the lightbulb, or Ctrl+. */
async function openCodeActions(how: 'lightbulb' | 'keyboard'): Promise<CodeActionItem[]> {
  for (let attempt = 1; ; attempt++) {
    if (how === 'lightbulb') {
      const bulb = await until('lightbulb', lightbulbBox, (b) => !!b, 10000).catch(() => null);
      if (bulb) await page.mouse.click(bulb.x, bulb.y);
      else {
        log('  no lightbulb showed within 10 s; using Ctrl+.');
        await page.keyboard.press('Control+.');
      }
    } else {
      await page.keyboard.press('Control+.');
    }
    // either the menu opens or VS Code says "No code actions available" (e.g. asked while diagnostics refresh)
    const state = await until('code action menu (or "No code actions available")',
      async () => ({ items: await read('codeActions'), msg: await read('editorMessage') }),
      (v) => v.items.length > 0 || /no code actions/i.test(v.msg ?? ''), 10000);
    if (state.items.length > 0) return state.items;
    if (attempt >= 3) throw new Error(`VS Code says "${state.msg}" on the cursor line, ${attempt} times`);
    log(`  "${state.msg}" (attempt ${attempt}); trying again`);
    await until('message gone', () => read('editorMessage'), (m) => !m, 10000);
  }
}

async function chooseCodeAction(title: string, how: 'lightbulb' | 'keyboard'): Promise<void> {
  const items = await openCodeActions(how);
  log(`  code actions: ${JSON.stringify(items.map((i) => i.text))}`);
  const idx = items.findIndex((i) => i.text.split('\n')[0].trim() === title || i.aria.startsWith(title + ',') || i.aria === title);
  assert(idx >= 0, `code action "${title}" is offered (got ${JSON.stringify(items.map((i) => i.text))})`);
  // pick it with the keyboard, like a person would after Ctrl+. (the menu's pointer block eats synthetic clicks)
  const isFocused = (items: CodeActionItem[]): boolean =>
    items.some((i) => /\bfocused\b/.test(i.cls) && (i.aria === title || i.text.split('\n')[0].trim() === title));
  for (let k = 0; k <= items.length && !isFocused(await read('codeActions')); k++) await page.keyboard.press('ArrowDown');
  assert(isFocused(await read('codeActions')), `could not focus "${title}" in the code action menu`);
  await page.keyboard.press('Enter');
  await until('code action menu closed', () => read('codeActions'), (i) => i.length === 0, 5000);
}

/**
 * The editor holds exactly `expected`: the status bar shows the last line number after Ctrl+End, and every line
 * rendered at the end, at the top and around line `around` has the expected text (word wrap aware).
 */
async function expectEditorText(file: string, expected: string[], what: string, around?: number): Promise<void> {
  await until(`${what}: Ctrl+End lands on line ${expected.length}`, async () => {
    await page.keyboard.press('Control+End');
    return read('statusSelection');
  }, (s) => !!s && s.startsWith(`Ln ${expected.length},`), 10000);
  const same = (ls: Line[]): boolean => ls.length > 0 && ls.every((l) => l.text === expected[l.n - 1]);
  await until(`${what}: lines at the end`, () => read('lines', file), same, 10000);
  await page.keyboard.press('Control+Home');
  await until(`${what}: lines at the top`, () => read('lines', file), (ls) => same(ls) && ls[0].n === 1, 10000);
  if (around) {
    await goToLine(around);
    await until(`${what}: lines around line ${around}`, () => read('lines', file), (ls) => same(ls) && ls.some((l) => l.n === around), 10000);
  }
}

/** Screenshot once running animations (hover fade-in, panel slides) are over. */
async function shot(name: string): Promise<void> {
  await until('animations finished',
    () => page.evaluate<number>("document.getAnimations().filter((a) => a.playState === 'running').length"), (n) => n === 0, 3000)
    .catch(() => undefined);
  await page.screenshot({ path: path.join(OUT, name) });
}

const hexOk = (c: string): boolean => /^#[0-9a-f]{6}$/i.test(c);

/** Scenario 3's checks on the (maximised) Problems panel: every warning row and its related-information row. */
async function checkProblems(): Promise<string[]> {
  const p = await until('all nine warning rows of 000 rendered', () => read('problems'),
    (v) => markers(v, FILE_000).length === 9 && (v?.rows.filter((r) => r.kind === 'related').length ?? 0) >= 9, 10000)
    .catch(async (e) => {
      // related information may be collapsed or absent: still check the warnings, then report the related rows
      const v = await read('problems');
      if (markers(v, FILE_000).length === 9) return v;
      throw e;
    });
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
  // related information: the child rows of each warning point at the first copy
  const all = p!.rows;
  const related: ProblemRow[] = [];
  for (let i = 0; i < 9; i++) {
    const first = 3 + i;
    const at = all.indexOf(rows[i]);
    const kids: ProblemRow[] = [];
    for (let k = at + 1; k < all.length && all[k].level > rows[i].level; k++) kids.push(all[k]);
    assert(kids.some((r) => r.kind === 'related' && new RegExp(`\\bLn ${first}\\b`).test(r.where) && r.text.includes(FILE_000)),
      `warning at line ${12 + i} has related information pointing at line ${first} of ${FILE_000} ` +
      `(its child rows: ${JSON.stringify(kids.map((r) => r.text))}; expanded=${rows[i].expanded})`);
    related.push(...kids);
  }
  await shot('3-problems.png');
  notes.push(`first: ${rows[0].text}`, `related: ${related[0].text}`, `status bar: ${await read('statusProblems')}`);
  return notes;
}

// ---------------------------------------------------------------------------------------------- scenarios
const original000 = fs.readFileSync(path.join(SEEDS, FILE_000), 'utf8');
const lines000 = original000.split('\n');

/** The rows of a view pane below the row at `index`, one level deeper (its children), in order. */
function childRows(rows: ViewRow[], index: number): ViewRow[] {
  const parent = rows.find((r) => r.index === index);
  if (!parent) return [];
  const kids: ViewRow[] = [];
  for (const r of rows.filter((x) => x.index > index)) {
    if (r.level <= parent.level) break;
    if (r.level === parent.level + 1) kids.push(r);
  }
  return kids;
}

/** A row of a view pane, by the pane's title and the row's index. */
const viewRow = (title: string, index: number) =>
  page.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) }).locator(`.monaco-list-row[data-index="${index}"]`);

/** Expands a collapsed row of a view pane (clicking its twistie) and waits for its children. */
async function expandRow(title: string, match: (r: ViewRow) => boolean, what: string): Promise<{ row: ViewRow; children: ViewRow[] }> {
  let rows = await until(`${title}: ${what}`, () => read('viewRows', title), (r) => !!r && r.some(match), 30000);
  let row = rows!.find(match)!;
  if (row.expanded === 'false') await viewRow(title, row.index).locator('.monaco-tl-twistie').click();
  rows = await until(`${title}: ${what} expanded with children`, () => read('viewRows', title), (r) => {
    const now = r?.find(match);
    return !!now && now.expanded === 'true' && childRows(r!, now.index).length > 0;
  }, 20000);
  row = rows!.find(match)!;
  return { row, children: childRows(rows!, row.index) };
}

/** The frame of the actor map's webview (the inner iframe that holds its page), once it exists. */
async function mapFrame(): Promise<Frame | null> {
  for (const frame of page.frames()) {
    const found = await frame.evaluate("!!document.getElementById('map') && !!document.getElementById('actors')").catch(() => false);
    if (found) return frame;
  }
  return null;
}

/** A request that stays on this machine: code-server on 127.0.0.1, or a scheme that is no network at all. */
const isLocalRequest = (url: string): boolean => {
  if (/^(data|blob|about|vscode-[a-z-]+|chrome|devtools):/i.test(url)) return true;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Line (1-based) and the columns where a quote from a view row starts in a file: at its opening mark or its first word. */
function quotePlace(file: string, label: string): { line: number; cols: number[] } {
  const probe = label.replace(/^[\s“”"'‘’«»]+/, '').replace(/(…|\.\.\.)?[\s“”"'‘’«»]*$/, '').slice(0, 30);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(probe));
  const at = index >= 0 ? lines[index].indexOf(probe) : -1;
  return { line: index + 1, cols: at < 0 ? [] : [at, at + 1] };
}

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
      await shot('1-language-and-colours.png');
      // which theme rule gave the colour: Developer: Inspect Editor Tokens and Scopes, cursor on "Lavrov"
      const box = (await read('wordBox', 'Lavrov', 3))!;
      await page.mouse.click(box.x, box.y);
      await runCommand('Developer: Inspect Editor Tokens and Scopes');
      const inspect = await until('token inspector shows a semantic token type', () => read('tokenInspector'),
        (t) => !!t && /semantic token type/i.test(t), 10000);
      const flat = inspect!.replace(/\s+/g, ' ');
      assert(/semantic token type person/i.test(flat), `"Lavrov" has semantic token type person (inspector: ${flat.slice(0, 400)})`);
      const fg = /#[0-9a-f]{6}/i.exec(flat.slice(flat.search(/semantic token type/i)));
      assert(fg && fg[0].toLowerCase() === name!.color.toLowerCase(),
        `the span colour ${name!.color} is the theme's foreground for the semantic token (${fg ? fg[0] : 'none'})`);
      await shot('1b-token-inspector.png');
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
      await shot('2-hover.png');
      await page.mouse.move(5, 5);
      return [`card: ${JSON.stringify(card.replace(/\s+/g, ' ').slice(0, 200))}`];
    },
  },
  {
    id: 3, slug: 'problems', title: 'Problems: nine duplicate-paragraph warnings at lines 12-20 pointing at the first copy',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      await showProblems();
      await until('"9 problems in file 000" in the Problems panel', () => read('problems'),
        (v) => fileProblemCount(v, FILE_000) === 9, 30000);
      // the tree is virtualised: maximise the panel so that all 9 warnings and their related rows are rendered
      await runCommand('View: Toggle Maximized Panel');
      try {
        return await checkProblems();
      } finally {
        await runCommand('View: Toggle Maximized Panel');
      }
    },
  },
  {
    id: 4, slug: 'quick-fix', title: 'quick fixes remove duplicates; saved file is the first 11 lines',
    async run() {
      await openFile(`seeds/${FILE_000}`);
      await showProblems();
      await until('nine warnings before the fix', () => read('problems'), (v) => fileProblemCount(v, FILE_000) === 9, 30000);
      await page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await goToLine(12);
      await chooseCodeAction('Remove duplicate paragraph', 'lightbulb');
      const expectedAfterOne = [...lines000.slice(0, 11), ...lines000.slice(12)];
      await expectEditorText(FILE_000, expectedAfterOne, 'line 12 removed (19 lines, line 12 = old line 13)', 12);
      await until('eight warnings left', () => read('problems'), (v) => fileProblemCount(v, FILE_000) === 8, 15000);
      await shot('4a-quick-fix-one.png');

      await goToLine(12);
      await chooseCodeAction('Remove all duplicate paragraphs', 'keyboard');
      await expectEditorText(FILE_000, lines000.slice(0, 11), 'only lines 1-11, unchanged');
      await until('no warnings for 000', () => read('problems'), (v) => fileProblemCount(v, FILE_000) === 0, 15000);
      await shot('4b-quick-fix-all.png');

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
      await shot('4c-saved.png');
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
      const probeOf = (label: string): string => label.replace(/^[\s“”"'‘’«»]+/, '').replace(/(…|\.\.\.)\s*$/, '').slice(0, 30);
      const lineOf = (label: string): number => fileLines.findIndex((l) => l.includes(probeOf(label))) + 1;
      /** 1-based columns where the quote's text starts and where its opening mark would be */
      const colsOf = (label: string): number[] => {
        const at = fileLines[lineOf(label) - 1]?.indexOf(probeOf(label)) ?? -1;
        return at < 0 ? [] : [at, at + 1];
      };
      // click a quote (one whose row is fully visible in the Outline pane and whose line is not the cursor's)
      // The pane is measured afresh for each try: the Outline view may still be laid out or resized
      // (a panel opening below it) after its rows appear, and a stale box hides rows that are visible.
      const paneBoxNow = () => page.locator('.outline-pane .monaco-list').first().boundingBox();
      const candidates = children.filter((c) => lineOf(c.name) > 1);
      let target = candidates[0] ?? children[0];
      let sel: string | null = null;
      const rowBox = (c: OutlineRow) => page.locator(`.outline-pane .monaco-list-row[data-index="${c.index}"] .label-name`).boundingBox();
      for (let round = 1; round <= 3 && !sel; round++)
      for (const c of candidates.length ? candidates : children) {
        const want = lineOf(c.name);
        const before = await read('statusSelection');
        if (want > 0 && before?.startsWith(`Ln ${want},`)) continue;
        let chosen: OutlineRow | undefined;
        for (let attempt = 1; attempt <= 3 && chosen?.name !== c.name; attempt++) {
          // the Outline list may still scroll to reveal its focused row: measure until the row stops moving
          let prev = '';
          const box = await until('the row stands still', async () => {
            const b = await rowBox(c);
            const same = JSON.stringify(b) === prev;
            prev = JSON.stringify(b);
            return same ? b : null;
          }, (b) => b !== null, 5000);
          const paneBox = await paneBoxNow();
          if (!box || !paneBox || box.y < paneBox.y || box.y + box.height > paneBox.y + paneBox.height) break;
          await page.mouse.click(box.x + Math.min(box.width / 2, 60), box.y + box.height / 2);
          const rows = await until('a row is selected', () => read('outline'), (o) => !!o && o.some((r) => r.selected), 5000).catch(() => null);
          chosen = rows?.find((r) => r.selected);
          if (chosen?.name !== c.name) log(`  clicked ${JSON.stringify(c.name.slice(0, 30))}, Outline selected ${JSON.stringify(chosen?.name.slice(0, 30))} (attempt ${attempt})`);
        }
        if (!chosen) continue; // not fully visible: try the next quote
        assert(chosen.name === c.name, `clicked ${JSON.stringify(c.name)} but the Outline selected ${JSON.stringify(chosen.name)}`);
        target = c;
        sel = await until(want > 0 ? `cursor on line ${want}` : 'cursor moved', () => read('statusSelection'),
          (s) => !!s && (want > 0 ? s.startsWith(`Ln ${want},`) : s !== before), 10000);
        const cols = colsOf(c.name);
        const col = Number(/Col (\d+)/.exec(sel ?? '')?.[1]);
        assert(!cols.length || cols.includes(col), `cursor at the quote ${JSON.stringify(c.name)}: ${sel}, expected column ${cols.join(' or ')}`);
        break;
      }
      assert(sel, `a quote row of the Outline could be clicked (children: ${JSON.stringify(children.map((c) => c.name))})`);
      const want = lineOf(target.name);
      await shot('5-outline.png');
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
      await staysAbsent('warnings for notes.txt', () => read('problems'), (v) => fileProblemCount(v, 'notes.txt') !== 0, 3000);
      const [name, plain] = await Promise.all([read('wordColor', 'Lavrov', 3), read('wordColor', 'met', 3)]);
      assert(name && plain && name.color === plain.color, `"Lavrov" is not coloured in notes.txt (${name?.color} vs ${plain?.color})`);
      await shot('6-plain-text.png');
      return [`mode=${mode}`, `Lavrov ${name.color} = met ${plain.color}`, 'no warnings for notes.txt in 3 s'];
    },
  },
  {
    id: 7, slug: 'views', title: 'Article Lens views: Sergei Lavrov with his five articles; clicking a quote moves the cursor',
    async run() {
      await runCommand('Article Lens: Focus on Actors View');
      const lavrov = (r: ViewRow) => /^Serge[iy] Lavrov$/.test(r.name);
      // the scan indexes the five seeds in the background: the view fills in when the server says so
      await until('Actors lists Sergei Lavrov in 5 articles', () => read('viewRows', 'Actors'), (r) => !!r && r.some((x) => lavrov(x) && /\b5 articles\b/.test(x.detail)), 30000);
      const { row, children } = await expandRow('Actors', lavrov, 'Sergei Lavrov');
      const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
      assert(children.length === 5, `Sergei Lavrov has five article rows (got ${JSON.stringify(children.map((c) => c.detail))})`);
      for (const file of seedFiles) assert(children.some((c) => c.detail.includes(file)), `an article row names ${file}: ${JSON.stringify(children.map((c) => c.detail))}`);
      await shot('7a-actors.png');

      // Quotes: Lavrov as a speaker; a click on a quote opens its article with the cursor on it
      const { children: quoteRows } = await expandRow('Quotes', lavrov, 'speaker Sergei Lavrov');
      // A row's detail is its file's name, then `· speaker uncertain, 53 %` when the server's rankers are unsure.
      const fileOf = (q: ViewRow) => seedFiles.find((f) => q.detail.includes(f));
      const quote = quoteRows.find((q) => fileOf(q) && quotePlace(path.join(WS, 'seeds', fileOf(q)!), q.name).line > 1) ?? quoteRows[0];
      const file = fileOf(quote) ?? quote.detail.trim();
      const place = quotePlace(path.join(WS, 'seeds', file), quote.name);
      assert(place.line > 0, `quote ${JSON.stringify(quote.name)} found in ${quote.detail}`);
      await viewRow('Quotes', quote.index).locator('.label-name').click();
      const sel = await until(`cursor on line ${place.line} of ${quote.detail}`, () => read('statusSelection'), (s) => !!s && s.startsWith(`Ln ${place.line},`), 15000);
      const col = Number(/Col (\d+)/.exec(sel ?? '')?.[1]);
      assert(place.cols.includes(col), `cursor at the quote (${sel}), expected column ${place.cols.join(' or ')}`);
      await until(`editor shows ${file}`, () => read('editorUris'), (u) => u.some((x) => decodeURIComponent(x ?? '').endsWith(file)), 10000);
      await shot('7b-quotes.png');

      // Articles: the five seeds, with their warnings counted
      await page.locator('.pane-header', { has: page.locator('.title', { hasText: /^Articles$/i }) }).click();
      const articles = await until('Articles lists the five seeds', () => read('viewRows', 'Articles'), (r) => !!r && seedFiles.every((f) => r.some((x) => x.detail.includes(f))), 20000);
      const a003 = articles!.find((x) => x.detail.includes('003_'))!;
      assert(/\b2 warnings\b/.test(a003.detail), `003 shows its 2 duplicate-paragraph warnings: ${a003.detail}`);
      await shot('7c-articles.png');
      return [`actor row: ${row.name} — ${row.detail}`, `articles: ${children.map((c) => c.detail.split(' · ').pop()).join(', ')}`,
        `quote ${JSON.stringify(quote.name.slice(0, 50))} -> ${sel}`, `Articles: ${articles!.map((a) => a.detail).join(' | ')}`];
    },
  },
  {
    id: 8, slug: 'actor-map', title: 'actor map: nodes for Lavrov, Kerry and Steinmeier, drawn offline; a click lists the quotes',
    async run() {
      const since = requests.length;
      await runCommand('Article Lens: Show Actor Map');
      const frame = await until('actor map webview', mapFrame, (f) => !!f, 30000);
      const wanted = [/^Serge[iy] Lavrov$/, /^John Kerry$/, /^Frank-Walter Steinmeier$/];
      type MapState = { state?: string; nodes?: string; names: string[]; csp?: string; canvases: number };
      const state = await until('actor map drawn', () => frame!.evaluate<MapState>(
        "({ state: document.body.dataset.state, nodes: document.body.dataset.nodes, csp: document.body.dataset.cspViolations, names: [...document.querySelectorAll('#actors button')].map((b) => b.textContent), canvases: document.querySelectorAll('#map canvas').length })"),
      // drawn during the workspace scan, the map is drawn again when the scan ends
      (s) => s.state === 'rendered' && wanted.every((name) => s.names.some((n) => name.test(n))), 30000).catch(async (e) => {
        const last = await frame!.evaluate<MapState>("({ state: document.body.dataset.state, names: [...document.querySelectorAll('#actors button')].map((b) => b.textContent), canvases: 0 })");
        if (last.state !== 'rendered') throw e;
        return last;
      });
      for (const name of wanted) {
        assert(state!.names.some((n) => name.test(n)), `the map has a node for ${name}: ${JSON.stringify(state!.names.slice(0, 40))}`);
      }
      assert(state!.canvases > 0, 'the map is drawn on a canvas');
      await shot('8a-actor-map.png');
      // a click on Lavrov (in the list beside the map: the keyboard- and screen-reader way to pick a node) lists his quotes
      await frame!.locator('#actors button', { hasText: /^Serge[iy] Lavrov$/ }).click();
      const details = await until('Lavrov\'s quotes beside the map', () => frame!.evaluate<{ heading: string; quotes: number }>(
        "({ heading: document.querySelector('#details h3')?.textContent ?? '', quotes: document.querySelectorAll('#details .quotes li').length })"),
      (d) => /^Quotes \(\d+\)$/.test(d.heading) && d.quotes > 0, 15000);
      const selected = await until('Sergei Lavrov selected in the Actors view', () => read('viewRows', 'Actors'), (r) => !!r && r.some((x) => /^Serge[iy] Lavrov$/.test(x.name) && x.selected), 15000);
      await shot('8b-actor-map-selected.png');
      const csp = await frame!.evaluate<string | undefined>('document.body.dataset.cspViolations');
      assert(!csp, `no Content-Security-Policy violations in the map (${csp})`);
      const during = requests.slice(since);
      // Webview resources have https://*.vscode-resource.vscode-cdn.net URLs, but the webview's service worker answers
      // them from the extension's folder (through the workbench, from 127.0.0.1): served by the worker, never the network.
      const served = await Promise.all(during.map(async (r) => ({ url: r.url(), worker: (await r.response().catch(() => null))?.fromServiceWorker() ?? false })));
      const remote = served.filter((r) => !isLocalRequest(r.url) && !r.worker);
      assert(remote.length === 0, `no request left the machine while the map opened: ${JSON.stringify(remote.slice(0, 10))}`);
      const byWorker = served.filter((r) => r.worker).length;
      return [`${state!.nodes} nodes, e.g. ${state!.names.slice(0, 6).join(', ')}`, `Lavrov: ${details!.heading}, ${details!.quotes} listed`,
        `Actors view selection: ${selected!.find((x) => x.selected)?.name}`, `${during.length} requests while it opened: ${during.length - byWorker} to 127.0.0.1 or local schemes, ${byWorker} answered by the webview's service worker`];
    },
  },
  {
    id: 9, slug: 'walkthrough', title: 'Get Started walkthrough opens; its first step opens the sample article',
    async run() {
      await runCommand('Article Lens: Get Started');
      const walkthrough = await until('the Article Lens walkthrough', () => read('walkthrough'), (w) => !!w && /Article Lens/.test(w.title) && w.steps.length >= 5, 20000);
      for (const step of ['Open a sample article', 'Hover a name', 'See the problems', 'Quotes in the Outline', 'The workspace at a glance', 'The actor map']) {
        assert(walkthrough!.steps.includes(step), `walkthrough step "${step}": ${JSON.stringify(walkthrough!.steps)}`);
      }
      await shot('9a-walkthrough.png');
      await page.locator('.gettingStartedContainer .getting-started-step.expanded a, .gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: 'Open Sample Article' }).first().click();
      await until('the sample opens as an Article', () => read('statusMode'), (m) => m === 'Article', 15000);
      const lines = await until('the sample\'s headline', () => read('lines'), (l) => l.length > 0 && /Foreign ministers meet in Geneva/.test(l[0].text), 15000);
      await shot('9b-sample.png');
      return [`walkthrough "${walkthrough!.title}": ${walkthrough!.steps.join(' / ')}`, `sample: ${lines![0].text}`];
    },
  },
];

// ---------------------------------------------------------------------------------------------- annotations (issue 12)
/** Selects a word by double-clicking it, and waits for the status bar to show a selection. */
async function selectWord(word: string, line: number): Promise<void> {
  const box = await until(`"${word}" on screen`, () => read('wordBox', word, line), (b) => !!b, 10000);
  await page.mouse.dblclick(box!.x, box!.y);
  await until(`"${word}" selected`, () => read('statusSelection'), (s) => !!s && /selected/.test(s), 5000);
}

/** A chord of the Annotate keybindings: Ctrl+Alt+A, then `key`. */
async function annotateKey(key: string): Promise<void> {
  await page.keyboard.press('Control+Alt+KeyA');
  await page.keyboard.press(key);
}

/** Comment threads listed in the Comments panel. */
function commentsPanelRows(): Promise<string[]> {
  return read('commentRows');
}

/** The store file of an article of the test workspace, parsed (undefined until it exists). */
function storeOf(rel: string): { first: { items: Array<Record<string, unknown>> } } | undefined {
  const file = path.join(WS, '.article-lens', 'annotations', `${rel}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

const annotationScenarios: typeof scenarios = [
  {
    id: 10, slug: 'annotate', title: 'annotate 001: label with the keybinding, reject an entity, add a note; an edit above, save, reload: all still there',
    async run() {
      const progress = stepLogger();
      const rel = `seeds/${FILE_001}`;
      await openFile(rel);
      // Line 2: "… Lavrov said during his meeting with his US counterpart John Kerry …"
      const before = await until('"Lavrov" coloured on line 2', () => Promise.all([read('wordColor', 'Lavrov', 2), read('wordColor', 'counterpart', 2)]),
        ([n, p]) => !!n && !!p && hexOk(n.color) && n.color !== p.color, 30000);
      const [lavrov, plain] = before;
      progress('select "counterpart"');
      await selectWord('counterpart', 2);
      await annotateKey('KeyP');
      const labelled = await until('"counterpart" coloured as a person, bold (confirmed)', () => read('wordColor', 'counterpart', 2),
        (c) => !!c && c.color === lavrov!.color && /\bmtkb\b/.test(c.cls), 15000);
      progress('labelled');
      await shot('10a-labelled.png');
      // Reject the machine's "Lavrov" on line 2: the cursor on it, Ctrl+Alt+A R.
      const box = (await read('wordBox', 'Lavrov', 2))!;
      await page.mouse.click(box.x, box.y);
      // The mouse away: with Ctrl held over a name, VS Code colours it as a Go to Definition link.
      await page.mouse.move(5, 5);
      await annotateKey('KeyR');
      // Ctrl of the chord can leave VS Code's Go to Definition link on the word last hovered: a move across the
      // editor (a real mouse leaves it too) clears it, so the colour read is the token's.
      const clearLink = async () => {
        await page.mouse.move(box.x, box.y + 300);
        await page.mouse.move(5, 5);
      };
      await clearLink();
      await until('"Lavrov" on line 2 no longer coloured', async () => {
        const c = await read('wordColor', 'Lavrov', 2);
        if (c && /goto-definition-link/.test(c.cls)) await clearLink();
        return c;
      }, (c) => !!c && !/goto-definition-link/.test(c.cls) && c.color === plain!.color, 15000);
      // A note on "Kerry" (line 2), typed in the input box.
      progress('Lavrov rejected');
      await selectWord('Kerry', 2);
      await annotateKey('KeyN');
      await until('the note prompt', () => read('quickInputRows').then(() => page.locator('.quick-input-widget:not(.hidden) .quick-input-message, .quick-input-widget:not(.hidden) input').first().getAttribute('placeholder')), (v) => typeof v === 'string' && /Check this figure/.test(v), 15000);
      await page.keyboard.type('Which meeting was this?');
      await enterInQuickInputOrFail('the note');
      await until('the note in the store file', () => Promise.resolve(JSON.stringify(storeOf(rel) ?? '')), (s) => s.includes('Which meeting was this?'), 15000);
      await runCommand('Comments: Focus on Comments View');
      await until('the note in the Comments panel', commentsPanelRows, (rows) => rows.some((r) => r.includes('Which meeting was this?')), 15000);
      progress('note in the Comments panel');
      await shot('10b-note-in-comments.png');
      // An edit above everything, then save: the store file follows.
      await page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await goToLine(1);
      await page.keyboard.press('Home');
      await page.keyboard.type('UPDATE: an editor added this line.');
      await page.keyboard.press('Enter');
      progress('edit typed, saving');
      await page.keyboard.press('Control+S');
      await until('tab not dirty', () => read('activeTab'), (t) => !!t && !t.dirty, 20000);
      const text = fs.readFileSync(path.join(WS, rel), 'utf8');
      assert(text.startsWith('UPDATE: an editor added this line.\n'), 'the edit is saved');
      const codePoints = (s: string) => [...s].length;
      const stored = await until('the store holds the shifted label, the rejection and the note', async () => storeOf(rel), (s) => {
        const label = s?.first.items.find((i) => JSON.stringify(i).includes('"counterpart"'));
        const position = (label?.target as { selector: Array<{ type: string; start: number }> } | undefined)?.selector.find((x) => x.type === 'TextPositionSelector');
        return !!position && position.start === codePoints(text.slice(0, text.indexOf('counterpart'))) && s!.first.items.length === 3;
      }, 30000);
      progress('store followed the edit');
      // Reload the window: everything comes back from the store.
      // The old page is marked: under load the reload starts late, and the old workbench answered the wait
      // for the new one (Quick Open was then pressed into a page being torn down).
      await page.evaluate('window.articleLensBeforeReload = true');
      await runCommand('Developer: Reload Window');
      await page.waitForFunction('!window.articleLensBeforeReload && !!document.querySelector(".monaco-workbench")', undefined, { timeout: 60000 });
      progress('reloaded');
      await openFile(rel);
      // The first colours after the reload wait for the store and the learned weights (server.ts and
      // lsp/firstColours.ts): before they did, about one run in five showed the label uncoloured here for good.
      await until('after the reload, "counterpart" is still a bold person and "Lavrov" (line 3 now) still plain',
        () => Promise.all([read('wordColor', 'counterpart', 3), read('wordColor', 'Lavrov', 3)]),
        ([c, l]) => !!c && !!l && c.color === lavrov!.color && /\bmtkb\b/.test(c.cls) && l.color === plain!.color, 60000);
      await runCommand('Comments: Focus on Comments View');
      await until('the note still in the Comments panel', commentsPanelRows, (rows) => rows.some((r) => r.includes('Which meeting was this?')), 20000);
      await shot('10c-after-reload.png');
      return [`label: ${labelled!.color} ${labelled!.cls}`, `store: ${stored!.first.items.length} annotations`, 'rejection, note and label survive an edit, a save and a reload'];
    },
  },
  {
    id: 11, slug: 'export-brat', title: 'Export Annotations… as brat writes 001.ann with the label and the note',
    async run() {
      const rel = `seeds/${FILE_001}`;
      if (!storeOf(rel)) throw new Error('scenario 10 must run first (it makes the annotations)');
      await openFile(rel);
      const out = path.join(WS, 'exported');
      fs.mkdirSync(out, { recursive: true });
      const annFile = path.join(out, 'seeds', FILE_001.replace(/\.txt$/, '.ann'));
      const pick = async (label: string) => {
        await until(`"${label}" offered`, () => read('quickInputRows'), (rows) => rows.some((r) => r.replace(/^> /, '').startsWith(label)), 15000);
        await page.keyboard.type(label);
        await until(`"${label}" focused`, () => read('quickInputRows'), (rows) => rows.some((r) => r.startsWith(`> ${label}`)), 5000);
        await enterInQuickInputOrFail(`"${label}"`);
      };
      const input = page.locator('.quick-input-widget input');
      const exportOnce = async () => {
        await runCommand('Article Lens: Export Annotations…');
        await pick('brat');
        await pick('This article');
        await pick('Your annotations only');
        // The folder dialog (code-server's simple file dialog): type the folder's path and accept it.
        await input.waitFor({ state: 'visible', timeout: 15000 });
        // Set in one go: typed a key at a time, the dialog's completion rewrites the value under a loaded CPU.
        await until('the dialog shows the typed folder', async () => {
          if ((await input.inputValue()) !== `${out}/`) await input.fill(`${out}/`);
          return input.inputValue();
        }, (v) => v === `${out}/`, 15000);
        await enterInQuickInputOrFail('the export folder');
        // The dialog may first go into the folder and wait for a second Enter; the value is set again
        // before each one, so that an Enter never accepts another folder. An Enter is pressed only while
        // the dialog's input has the focus: while the dialog closes, the focus is back in the editor, and
        // an Enter there once put an empty line into the article.
        await until('the .ann file and the text beside it written', async () => {
          if (!fs.existsSync(annFile) && (await input.isVisible().catch(() => false))) {
            if ((await input.inputValue()) !== `${out}/`) await input.fill(`${out}/`);
            else await enterInQuickInput();
          }
          // the export writes the .ann and the text beside it one after the other: both, before reading either
          return fs.existsSync(annFile) && fs.existsSync(annFile.replace(/\.ann$/, '.txt'));
        }, (written) => written, 20000);
      };
      // Under a loaded CPU the dialog once accepted the workspace folder itself (its list not yet showing
      // the typed one), which the extension rightly refused ("holds the articles themselves"): that is the
      // dialog's race, not the export's, so the export is asked for once more before the scenario fails.
      // An Enter meant for the dialog can land in the article when the dialog closes between the focus check
      // and the key (an empty line in 001, seen after a refused try and once after a successful one, which
      // failed scenario 12): the article goes back to its saved text, which scenario 10 left and 12 reads.
      const revertIfChanged = async (when: string) => {
        if (!(await read('activeTab'))?.dirty) return;
        log(`  the article was changed ${when}: File: Revert File`);
        await runCommand('File: Revert File');
        await until('the article back to its saved text', () => read('activeTab'), (t) => !!t && !t.dirty, 10000);
      };
      try {
        await exportOnce();
      } catch (error) {
        log(`  export not written at the first try (${String(error).split('\n')[0]}); once more`);
        await escapeAll();
        await revertIfChanged('during the first try');
        await exportOnce();
      }
      await escapeAll();
      await revertIfChanged('during the export');
      const ann = fs.readFileSync(annFile, 'utf8');
      assert(/\tPerson \d+ \d+\tcounterpart$/m.test(ann), `the label is a Person T line: ${ann}`);
      assert(/AnnotatorNotes T\d+\tWhich meeting was this\?/.test(ann), `the note is an AnnotatorNotes line: ${ann}`);
      assert(fs.existsSync(annFile.replace(/\.ann$/, '.txt')), 'the text is copied beside it');
      await shot('11-exported.png');
      return [`${annFile}: ${ann.trim().split('\n').length} lines`];
    },
  },
  {
    id: 12, slug: 'annotations-view', title: 'Annotations view: 001’s label under Person; the note whose word is deleted flagged orphaned, and placed again on undo',
    async run() {
      const rel = `seeds/${FILE_001}`;
      if (!storeOf(rel)) throw new Error('scenario 10 must run first (it makes the annotations)');
      await openFile(rel);
      await runCommand('Article Lens: Focus on Annotations View');
      const person = (r: ViewRow) => r.name === 'Person';
      const notes = (r: ViewRow) => r.name === 'Notes';
      await until('Annotations lists Person and Notes', () => read('viewRows', 'Annotations'), (r) => !!r && r.some((x) => person(x) && /\b1 annotation\b/.test(x.detail)) && r.some(notes), 30000);
      const { children: labels } = await expandRow('Annotations', person, 'Person');
      assert(labels.some((c) => c.name === '“counterpart”' && c.detail.includes(FILE_001)), `the label on "counterpart" is listed: ${JSON.stringify(labels)}`);
      // Scenario 10 put its note on "Kerry" (line 3 since its edit): deleting the word orphans the note.
      await selectWord('Kerry', 3);
      await page.keyboard.press('Delete');
      const rows = await until('Notes flagged with an orphan', () => read('viewRows', 'Annotations'), (r) => !!r && r.some((x) => notes(x) && /\b1 orphaned\b/.test(x.detail)), 20000);
      const { children } = await expandRow('Annotations', notes, 'Notes');
      const orphan = children.find((c) => c.name === '“Kerry”');
      assert(orphan && /^orphaned · note/.test(orphan.detail), `the note on "Kerry" is flagged orphaned: ${JSON.stringify(children)}`);
      await shot('12-annotations-view.png');
      // Undo brings the word back, and the note is placed again (the editor stays unsaved, the file as it was).
      await page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Z');
      await until('no orphan left', () => read('viewRows', 'Annotations'), (r) => !!r && r.some(notes) && !r.some((x) => /orphaned/.test(x.detail)), 20000);
      return [`groups: ${rows!.filter((r) => r.level === rows![0].level).map((r) => `${r.name} (${r.detail})`).join(' | ')}`, `orphan: ${orphan.name} — ${orphan.detail}`];
    },
  },
];
scenarios.push(...annotationScenarios);

// ---------------------------------------------------------------------------------------------- learning and review (issue 13)
/**
 * The review item of the language status ("{ }" in the status bar, hovered): its counts and its detail (the
 * state). The hover is opened once and kept: its content follows the item as it changes.
 */
async function reviewStatus(): Promise<string | undefined> {
  let items = await read('languageStatus');
  if (!items) {
    // Off the entry first: a hover opens when the mouse comes onto it.
    await page.mouse.move(1, 1);
    await page.hover('#status\\.languageStatus');
    await page.waitForSelector('.hover-language-status', { state: 'visible', timeout: 5000 }).catch(() => undefined);
    items = await read('languageStatus');
  }
  return items?.find((line) => /\bconfirmed\b/.test(line));
}

/** Waits for the review item to read `counts` (`N confirmed · N suggested · N rejected`), and `state` if given. */
function reviewStatusShows(counts: string, state?: string): Promise<string | undefined> {
  return until(`the review status shows "${counts}"${state ? ` and "${state}"` : ''}`, reviewStatus, (line) => !!line && line.includes(counts) && (!state || line.includes(`Review: ${state}`)), 15000);
}

/** *Reset Learned Corrections*, confirmed in its dialog. */
async function resetLearnedCorrections(): Promise<void> {
  await runCommand('Article Lens: Reset Learned Corrections');
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Reset$/ });
  await confirm.waitFor({ state: 'visible', timeout: 10000 });
  await confirm.click();
  await confirm.waitFor({ state: 'hidden', timeout: 10000 });
}

scenarios.push({
  id: 13, slug: 'learning', title: 'a correction teaches the tagger: a second open article’s suggestion changes; review counts, Accept All, Reset Learned Corrections, review state in the Articles view',
  async run() {
    // Two short articles in seeds/stories/ (test/e2e/fixtures/stories; listed after the seeds in the Articles view,
    // so scenario 7 sees the seeds first): the shipped tagger takes "Kassioun" (a newspaper) for a person in both.
    const [first, second] = ['seeds/stories/learn-1.txt', 'seeds/stories/learn-2.txt'];
    // Scenario 10's corrections taught the tagger too (one rejection of "Lavrov said" in 001 is enough for
    // "Kassioun said" to be no entity): start from the shipped model.
    await resetLearnedCorrections();
    const kassioun = (file: string) => read('wordColor', 'Kassioun', 1, file);
    await openFile(second);
    const [before, person, organization] = await until('"Kassioun" in the second article coloured as a person, like "Davutoglu"', () => Promise.all([kassioun('learn-2.txt'), read('wordColor', 'Davutoglu', 2, 'learn-2.txt'), read('wordColor', 'United', 2, 'learn-2.txt')]),
      ([k, p, o]) => !!k && !!p && !!o && hexOk(p.color) && k.color === p.color && o.color !== p.color, 30000);
    await openFile(first);
    await until('"Kassioun" in the first article coloured as a person', () => kassioun('learn-1.txt'), (c) => !!c && c.color === person!.color, 30000);
    const unreviewed = await reviewStatusShows('0 confirmed · 5 suggested · 0 rejected', 'unreviewed');

    // The correction: "Kassioun" labelled an organisation in the first article.
    await selectWord('Kassioun', 1);
    await annotateKey('KeyO');
    await until('"Kassioun" labelled an organisation in the first article (bold)', () => kassioun('learn-1.txt'), (c) => !!c && c.color === organization!.color && /\bmtkb\b/.test(c.cls), 15000);
    const labelled = Date.now();
    const counted = await reviewStatusShows('1 confirmed · 4 suggested · 0 rejected');
    await openFile(second);
    const after = await until('"Kassioun" in the second article now suggested as an organisation (not bold)', () => kassioun('learn-2.txt'),
      (c) => !!c && c.color === organization!.color && !/\bmtkb\b/.test(c.cls), 15000);
    const seenAfter = Date.now() - labelled;
    await shot('13a-learned.png');

    // Reset Learned Corrections: the shipped model's suggestion again; the label in the first article stays.
    await resetLearnedCorrections();
    await until('"Kassioun" in the second article a person again', () => kassioun('learn-2.txt'), (c) => !!c && c.color === person!.color, 15000);

    // Accept All Suggestions in Article: every suggestion confirmed, bold.
    await reviewStatusShows('0 confirmed · 6 suggested · 0 rejected');
    await runCommand('Article Lens: Accept All Suggestions in Article');
    const accepted = await reviewStatusShows('6 confirmed · 0 suggested · 0 rejected');
    await until('"Kassioun" confirmed (bold)', () => kassioun('learn-2.txt'), (c) => !!c && /\bmtkb\b/.test(c.cls), 15000);
    await shot('13b-accepted.png');

    // The review state the command sets is the one the Articles view shows.
    await runCommand('Article Lens: Mark Article Reviewed');
    const reviewed = await reviewStatusShows('6 confirmed', 'reviewed');
    await runCommand('Article Lens: Focus on Articles View');
    // The last row (seeds/stories/ sorts after the seeds), scrolled into view by End in the list: its first
    // row is clicked so that the list has the keyboard (the command alone left it with the Actors view when
    // this scenario ran without the earlier ones), and End is pressed at every look.
    await viewRow('Articles', 0).click();
    const lastRows = async () => {
      await page.keyboard.press('End');
      return read('viewRows', 'Articles');
    };
    const rows = await until('the Articles view shows learn-2.txt reviewed', lastRows, (r) => !!r && r.some((x) => x.detail.includes('learn-2.txt') && /\breviewed\b/.test(x.detail)), 20000);
    await shot('13c-reviewed.png');
    return [
      `second article: Kassioun ${before!.color} (person) -> ${after!.color} (organisation, a suggestion: not bold), seen ${seenAfter} ms after the label (including the switch of tabs)`,
      `review status: ${unreviewed} | after the label: ${counted} | after Accept All: ${accepted} | ${reviewed}`,
      `Articles view: ${rows!.find((x) => x.detail.includes('learn-2.txt'))!.detail}`,
    ];
  },
});

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
    page.context().on('request', (r) => requests.push(r));
    page.on('pageerror', (e) => log('page error:', e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) log(`console ${m.type()}:`, m.text().slice(0, 3000), JSON.stringify(m.location())); });
    await page.addInitScript({ path: path.join(__dirname, 'dom-helpers.js') });
    await page.goto(URL_);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    log(`TIMING workbench ready: ${Date.now() - tLaunch} ms`);
    await shot('0-workbench.png');

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
        await page.content().then((html) => fs.writeFileSync(path.join(OUT, `${s.id}-${s.slug}-FAILED.html`), html)).catch(() => undefined);
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
  for (const r of results) {
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.id}. ${r.title}  [${r.ms} ms]`);
    // the reason again here, at the end of the log, where a CI excerpt shows it
    if (!r.ok) console.log(`        ${(r.error ?? '').slice(0, 1500).replace(/\n/g, '\n        ')}`);
  }
  console.log(`  screenshots: ${fs.readdirSync(OUT).filter((f) => f.endsWith('.png')).sort().join(', ')}`);
  const failed = results.filter((r) => !r.ok).length;
  const ran = results.length;
  return failed === 0 && ran > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
