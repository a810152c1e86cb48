import * as assert from 'assert';
import type { Diagnostic, DocumentSymbol, Position, Range } from 'vscode-languageserver';
import type { ArticleAnalysis } from '../../server/src/core/analysis';
import { paragraphKey, repeatsRemovedByFixAll, repeatsRemovedWith, symbolSet } from '../../server/src/core/duplicates';
import type { ArticleDocument, ArticleService } from '../../server/src/core/languageService';
import { isPartOfParagraph } from '../../server/src/core/pageFurniture';
import { DEFAULT_SETTINGS, type ArticleSettings } from '../../server/src/core/settings';
import type { OffsetRange } from '../../server/src/core/types';
import { duplicateParagraphActions, duplicateRemovalsOf, fixAllAction, KEEP_THIS_COPY_TITLE } from '../../server/src/lsp/codeActions';
import { pageFurnitureActions } from '../../server/src/lsp/pageFurniture';
import { computeDiagnostics } from '../../server/src/lsp/documentDiagnostics';
import { renderActorHover } from '../../server/src/lsp/hover';
import { PositionMapper } from '../../server/src/lsp/positions';
import { buildSemanticTokens } from '../../server/src/lsp/semanticTokens';
import { quoteOutlineSymbols } from '../../server/src/lsp/symbols';
import { applyEdits } from '../helpers/lspClient';
import { resources } from '../helpers/resources';
import { counts, isHighSurrogate, isLowSurrogate } from './corpus';

/**
 * The invariants every document must satisfy, whatever its content: every core range lies inside the
 * text on code-point boundaries and its `text` is the exact slice; every LSP position is on an
 * existing line, within it, never inside a surrogate pair; semantic tokens are sorted,
 * non-overlapping and within their lines; the duplicate fixes remove whole repeats and nothing else.
 */

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

export function checkOffsetRange(text: string, range: OffsetRange, what: string): void {
  const { start, end } = range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets (${start}, ${end})`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside [0, ${text.length}]`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: [${start}, ${end}) splits a surrogate pair`);
}

function checkSlice(text: string, slice: OffsetRange & { text: string }, what: string): void {
  checkOffsetRange(text, slice, what);
  assert.strictEqual(slice.text, text.slice(slice.start, slice.end), `${what}: text is the exact source slice`);
}

/** Checks every offset the core analysis returns. */
export function checkAnalysis(text: string, analysis: ArticleAnalysis, binary = false): void {
  assert.strictEqual(analysis.text, text);
  let previousEnd = 0;
  for (const p of analysis.paragraphs) {
    checkSlice(text, p, `paragraph ${p.index}`);
    assert.ok(p.start >= previousEnd, `paragraph ${p.index} overlaps the one before`);
    assert.ok(p.end > p.start, `paragraph ${p.index} is empty`);
    previousEnd = p.end;
  }
  // No lost characters: whatever is outside every paragraph is white space or a line break, so the
  // duplicate fixes, which delete between paragraphs, can never take a visible character with them.
  let from = 0;
  // A binary file gets no analysis at all, so no paragraphs either (and no fixes to lose anything).
  if (binary) assert.strictEqual(analysis.paragraphs.length, 0, 'a binary file is not analysed');
  else for (const p of [...analysis.paragraphs, { start: text.length, end: text.length }]) {
    const gap = text.slice(from, p.start);
    if (!/^[\s\uFEFF]*$/.test(gap)) {
      counts.lostCharacters++;
      assert.fail(`characters outside every paragraph: ${JSON.stringify(gap.slice(0, 40))} at ${from}`);
    }
    from = p.end;
  }
  for (const s of analysis.sentences) {
    checkOffsetRange(text, s, 'sentence');
    for (const t of s.tokens) {
      checkSlice(text, t, 'token');
      assert.ok(t.start >= s.start && t.end <= s.end, 'token inside its sentence');
    }
  }
  let entityEnd = 0;
  for (const e of analysis.entities) {
    checkSlice(text, e, `entity ${e.type}`);
    assert.ok(e.end > e.start, `entity ${JSON.stringify(e.text)} is empty`);
    assert.ok(e.start >= entityEnd, `entities sorted and non-overlapping at ${e.start}`);
    entityEnd = e.end;
  }
  for (const q of analysis.quotes) {
    checkOffsetRange(text, q, 'quote');
    checkOffsetRange(text, { start: q.contentStart, end: q.contentEnd }, 'quote content');
    assert.ok(q.start <= q.contentStart && q.contentStart <= q.contentEnd && q.contentEnd <= q.end, 'quote content inside the quote');
    const attribution = q.attribution;
    if (attribution) {
      checkSlice(text, attribution.mention, 'attribution mention');
      if (attribution.resolved) checkSlice(text, attribution.resolved, 'resolved speaker');
      if (attribution.cue) checkSlice(text, attribution.cue, 'speech cue');
    }
  }
  for (const actor of analysis.actors) {
    assert.ok(actor.mentions.length > 0, `actor ${actor.key} has mentions`);
    for (const m of actor.mentions) checkSlice(text, m, `mention of ${actor.key}`);
  }
  const removedByFixAll = new Set(repeatsRemovedByFixAll(analysis.duplicates).map((p) => p.index));
  for (const d of analysis.duplicates) {
    // A kept copy is never removed by fix-all, so fix-all leaves one copy of each paragraph.
    assert.ok(!removedByFixAll.has(d.original.index), `the copy kept for paragraph ${d.duplicate.index} is not removed by fix-all`);
    if (d.near) {
      assert.ok(d.near.differences.length > 0, 'a near repeat names what differs');
      assert.ok(d.original.start < d.duplicate.start || d.near.differences.some((x) => x.kind === 'cut-short'), 'the first copy is kept, unless it is the other cut short');
    } else {
      assert.ok(d.original.start < d.duplicate.start, 'the first copy comes first');
      assert.strictEqual(paragraphKey(d.original.text), paragraphKey(d.duplicate.text));
    }
  }
  // Page furniture: whole paragraphs, sorted, not overlapping; authors are exact slices inside it.
  let furnitureEnd = -1;
  for (const region of analysis.furniture) {
    checkOffsetRange(text, region, `furniture ${region.kind}`);
    assert.ok(region.start >= furnitureEnd, 'furniture regions sorted and apart');
    assert.strictEqual(region.start, region.paragraphs[0].start, 'furniture starts with a paragraph');
    if (isPartOfParagraph(region)) {
      assert.strictEqual(region.paragraphs.length, 1, 'furniture that is part of a paragraph is part of one');
      assert.ok(region.end > region.start && /\S/.test(text.slice(region.end, region.paragraphs[0].end)), 'the story after furniture in its paragraph is text');
    } else assert.strictEqual(region.end, region.paragraphs[region.paragraphs.length - 1].end, 'furniture ends with a paragraph');
    for (const author of region.authors) {
      checkSlice(text, author, 'author');
      assert.ok(author.start >= region.start && author.end <= region.end, 'an author is inside its furniture');
    }
    furnitureEnd = region.end;
  }
}

/** Checks an LSP position: an existing line, within it, not inside a surrogate pair. */
export function checkPosition(text: string, positions: PositionMapper, position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: integer position`);
  assert.ok(position.line >= 0 && position.line < positions.lineCount, `${what}: line ${position.line} of ${positions.lineCount}`);
  assert.ok(position.character >= 0 && position.character <= positions.lineLength(position.line), `${what}: character ${position.character} within line ${position.line} (${positions.lineLength(position.line)})`);
  assert.ok(!splitsPair(text, positions.offsetAt(position)), `${what}: ${JSON.stringify(position)} splits a surrogate pair`);
}

export function checkRange(text: string, positions: PositionMapper, range: Range, what: string): void {
  checkPosition(text, positions, range.start, `${what} start`);
  checkPosition(text, positions, range.end, `${what} end`);
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: start before end`);
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Decodes and checks relative semantic tokens: sorted, non-overlapping, non-empty, within their lines. */
export function checkSemanticTokens(text: string, positions: PositionMapper, data: readonly number[], typeCount: number): { line: number; character: number; length: number }[] {
  assert.strictEqual(data.length % 5, 0, 'tokens come in fives');
  const tokens: { line: number; character: number; length: number }[] = [];
  let line = 0;
  let character = 0;
  let previousEnd = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    assert.ok(deltaLine >= 0 && deltaStart >= 0 && length > 0, `token ${i / 5}: non-negative deltas, positive length`);
    if (deltaLine > 0) previousEnd = -1;
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    assert.ok(character >= previousEnd, `token ${i / 5} overlaps the one before on line ${line}`);
    assert.ok(line < positions.lineCount, `token ${i / 5}: line ${line} exists`);
    assert.ok(character + length <= positions.lineLength(line), `token ${i / 5} runs past the end of line ${line}`);
    // Modifiers: `suggested` (bit 0) or `confirmed` (bit 1), never both.
    assert.ok(type >= 0 && type < typeCount && modifiers >= 0 && modifiers <= 2, `token ${i / 5}: known type and modifiers`);
    checkPosition(text, positions, { line, character }, `token ${i / 5} start`);
    checkPosition(text, positions, { line, character: character + length }, `token ${i / 5} end`);
    previousEnd = character + length;
    tokens.push({ line, character, length });
  }
  return tokens;
}

/** Checks document symbols as VS Code does: a name, valid ranges, the selection range inside the range. */
export function checkSymbols(text: string, positions: PositionMapper, symbols: readonly DocumentSymbol[], what = 'symbol'): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim().length > 0, `${what}: a name that is not blank`);
    checkRange(text, positions, symbol.range, `${what} ${symbol.name} range`);
    checkRange(text, positions, symbol.selectionRange, `${what} ${symbol.name} selection range`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `${what} ${symbol.name}: selection range inside range`);
    if (symbol.children) checkSymbols(text, positions, symbol.children, `child of ${symbol.name}`);
  }
}

function checkDiagnostics(text: string, positions: PositionMapper, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    checkRange(text, positions, d.range, `diagnostic ${String(d.code)}`);
    for (const related of d.relatedInformation ?? []) checkRange(text, positions, related.location.range, 'related information');
  }
}

/** Edits of a code action, checked: pinned to the version, valid ranges, sorted and non-overlapping. */
function checkedEdits(text: string, positions: PositionMapper, action: { edit?: { documentChanges?: unknown[] } }, uri: string, version: number) {
  const changes = action.edit?.documentChanges as { textDocument: { uri: string; version: number }; edits: { range: Range; newText: string }[] }[];
  assert.strictEqual(changes.length, 1);
  assert.deepStrictEqual(changes[0].textDocument, { uri, version }, 'edits pinned to the version they were computed for');
  let previous = -1;
  for (const edit of changes[0].edits) {
    checkRange(text, positions, edit.range, 'edit');
    const { start, end } = positions.offsetsOf(edit.range);
    assert.ok(start >= previous, 'edits sorted and non-overlapping');
    assert.strictEqual(edit.newText, '');
    previous = end;
  }
  return changes[0].edits;
}

/**
 * Checks that `after` is `before` with exactly the given paragraphs removed: every kept paragraph is
 * still there, unchanged, in order, each on a line of its own; only white space and line breaks went
 * with the removed ones. Counts a lost character when that fails.
 */
export function checkRemoval(before: string, after: string, analysis: ArticleAnalysis, removed: ReadonlySet<number>, shortened: ReadonlyMap<number, number> = new Map()): void {
  try {
    const kept = analysis.paragraphs.filter((p) => !removed.has(p.index));
    let at = 0;
    for (let i = 0; i < kept.length; i++) {
      const p = kept[i];
      // A paragraph whose start was furniture keeps the rest, from its line's start (indentation went too).
      const from = shortened.get(p.index);
      const keptText = from === undefined ? p.text : before.slice(from, p.end);
      const found = after.indexOf(keptText, at);
      assert.ok(found >= 0, `kept paragraph ${p.index} is still there, unchanged`);
      const gap = after.slice(at, found);
      if (from !== undefined) {
        // (The document's first line starts after its byte-order mark.)
        assert.ok(found === 0 || after[found - 1] === '\n' || after[found - 1] === '\r' || after.slice(0, found) === '\uFEFF', `what is left of paragraph ${p.index} starts its line`);
        assert.match(gap, /^[\s\uFEFF]*$/, `only white space before what is left of paragraph ${p.index}`);
      } else if (i === 0 && p.index === analysis.paragraphs[0].index) {
        assert.strictEqual(gap, before.slice(0, p.start), 'everything before the first paragraph is unchanged');
      } else if (i === 0) {
        // The document's first paragraphs were removed: what came before them (a BOM, blank lines) stays.
        const first = analysis.paragraphs[0];
        let lineStart = first.start;
        while (lineStart > 0 && before[lineStart - 1] !== '\n' && before[lineStart - 1] !== '\r') lineStart--;
        assert.match(gap, /^[\s\uFEFF]*$/, 'only white space before the first kept paragraph');
        assert.ok(gap.startsWith(before.slice(0, lineStart)), 'what came before the first paragraph is unchanged');
      } else {
        assert.match(gap, /^[\s\uFEFF]*$/, `only white space between kept paragraphs ${kept[i - 1].index} and ${p.index}`);
        assert.match(gap, /[\r\n]/, `kept paragraphs ${kept[i - 1].index} and ${p.index} stay on separate lines`);
        let lineStart = p.start;
        while (lineStart > 0 && before[lineStart - 1] !== '\n' && before[lineStart - 1] !== '\r') lineStart--;
        assert.ok(gap.endsWith(before.slice(lineStart, p.start)), `paragraph ${p.index} keeps its indentation`);
        // What is left of the separator after the previous kept paragraph is the start of the original one.
        const lineBreakAt = gap.search(/[\r\n]/);
        assert.ok(before.startsWith(gap.slice(0, lineBreakAt), kept[i - 1].end), 'the separator after a kept paragraph is unchanged up to its line break');
      }
      at = found + keptText.length;
    }
    const tail = after.slice(at);
    assert.match(tail, /^[\s\uFEFF]*$/, 'only white space after the last kept paragraph');
    const originalTail = kept.length > 0 ? before.slice(kept[kept.length - 1].end) : before;
    if (kept.length > 0 && kept[kept.length - 1].index === analysis.paragraphs[analysis.paragraphs.length - 1].index) {
      assert.strictEqual(tail, originalTail, 'the end of the document is unchanged when its last paragraph is kept');
    }
    // Nothing kept leaves nothing but what came before the first paragraph (a byte-order mark stays).
    assert.strictEqual(/(\r\n|\r|\n)$/.test(after) || after.replace(/^\uFEFF/, '') === '', /(\r\n|\r|\n)$/.test(before) || kept.length === 0, 'a final line break is kept, and none is added');
  } catch (error) {
    counts.lostCharacters++;
    throw error;
  }
}

/** The nearest offset at or before `offset` that is a place a cursor can be: not inside a pair or a CRLF. */
export function codePointBoundary(text: string, offset: number): number {
  let at = Math.min(Math.max(0, offset), text.length);
  if (splitsPair(text, at) || (text[at - 1] === '\r' && text[at] === '\n')) at--;
  return at;
}

/** Forgets a checked document entirely: its cached analysis and its workspace-index entry. */
export function dropDocument(service: ArticleService, uri: string): void {
  service.forget(uri);
  service.removeArticle(uri);
}

export interface CheckOptions {
  readonly settings?: ArticleSettings;
  /** Offsets to hover at and ranges to ask tokens for, as fractions of the text length. */
  readonly probes?: readonly number[];
}

/**
 * Runs every feature of the language service and the LSP converters on one text and checks the
 * invariants.
 */
export function checkDocument(service: ArticleService, text: string, uri: string, options: CheckOptions = {}): void {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const document: ArticleDocument = { uri, version: 1, getText: () => text };
  const analysis = service.analyze(document, settings);
  checkAnalysis(text, analysis, service.getLimitedReason(document, settings) === 'binary');
  const positions = new PositionMapper(text);

  const entities = service.getEntities(document, undefined, settings);
  const full = buildSemanticTokens(entities, positions);
  checkSemanticTokens(text, positions, full.data, 5);

  checkDiagnostics(text, positions, computeDiagnostics(service, document, settings, positions));
  checkSymbols(text, positions, quoteOutlineSymbols(service.getQuoteOutline(document, settings), positions));

  const probes = options.probes ?? [0, 0.5, 1];
  for (let i = 0; i < probes.length; i++) {
    const offset = codePointBoundary(text, Math.floor(probes[i] * text.length));
    const position = positions.positionAt(offset);
    checkPosition(text, positions, position, `probe ${offset}`);
    const card = service.getActorCard(document, positions.offsetAt(position), settings);
    if (card) checkRange(text, positions, renderActorHover(card, positions, (u) => u).range!, 'hover');
    const other = positions.positionAt(codePointBoundary(text, Math.floor(probes[(i + 1) % probes.length] * text.length)));
    // Reversed and past-the-end ranges are put in order and clamped.
    const requested = positions.offsetsOf({ start: other, end: { line: position.line + 1000, character: 1e9 } });
    checkOffsetRange(text, requested, 'requested range');
    checkSemanticTokens(text, positions, buildSemanticTokens(service.getEntities(document, positions.offsetsOf({ start: other, end: position }), settings), positions).data, 5);
  }
  for (const actor of analysis.actors.slice(0, 3)) {
    const card = service.getActorCard(document, actor.mentions[0].start, settings);
    if (card) checkRange(text, positions, renderActorHover(card, positions, (u) => u).range!, 'hover');
  }

  if (analysis.duplicates.length > 0) checkDuplicateFixes(service, document, analysis, positions, settings);
  if (analysis.furniture.length > 0) checkFurnitureFixes(service, document, analysis, positions, settings);
}

/** Removing one furniture region takes exactly its paragraphs (and their separators), nothing else. */
export function checkFurnitureFixes(service: ArticleService, document: ArticleDocument, analysis: ArticleAnalysis, positions: PositionMapper, settings: ArticleSettings = DEFAULT_SETTINGS): void {
  const text = document.getText();
  const regions = service.getPageFurniture(document, settings);
  assert.deepStrictEqual(regions.map((r) => [r.start, r.end, r.kind]), analysis.furniture.map((r) => [r.start, r.end, r.kind]), 'the paragraph layer finds the furniture the full analysis finds');
  const chosen = regions[regions.length >> 1];
  const actions = pageFurnitureActions(document.uri, document.version, chosen, undefined, [], regions, (start) => service.getFurnitureRemovals(document, start, settings), positions);
  const one = actions.find((a) => a.isPreferred);
  assert.ok(one, 'a quick fix on page furniture');
  const after = applyEdits(text, checkedEdits(text, positions, one, document.uri, document.version));
  if (isPartOfParagraph(chosen)) checkRemoval(text, after, analysis, new Set(), new Map([[chosen.paragraphs[0].index, chosen.end]]));
  else checkRemoval(text, after, analysis, new Set(chosen.paragraphs.map((p) => p.index)));
}

/**
 * The duplicate fixes through the LSP converter: one quick fix per repeat removes exactly that copy;
 * fix-all removes every repeat, keeps one copy of each paragraph and is idempotent.
 */
export function checkDuplicateFixes(service: ArticleService, document: ArticleDocument, analysis: ArticleAnalysis, positions: PositionMapper, settings: ArticleSettings = DEFAULT_SETTINGS): void {
  const text = document.getText();
  const duplicates = service.getDuplicateParagraphs(document, settings);
  const source = duplicateRemovalsOf(service, document, settings);
  // One quick fix, on a copy chosen by its position in the list: it removes that copy (both parts of
  // a split one) and nothing else.
  const chosen = duplicates[duplicates.length >> 1];
  const quick = duplicateParagraphActions(document.uri, document.version, chosen.duplicate, undefined, [], source, positions);
  const one = quick.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(one, 'a quick fix on a repeated paragraph');
  const afterOne = applyEdits(text, checkedEdits(text, positions, one, document.uri, document.version));
  const split = chosen.near?.split?.otherPart;
  checkRemoval(text, afterOne, analysis, new Set(split ? [chosen.duplicate.index, split.index] : [chosen.duplicate.index]));
  // "Keep this copy instead" on a near repeat removes the copy it repeats, and nothing else.
  const near = duplicates.find((d) => d.near);
  if (near) {
    const keep = duplicateParagraphActions(document.uri, document.version, near.duplicate, undefined, [], source, positions).find((a) => a.title === KEEP_THIS_COPY_TITLE);
    assert.ok(keep, '"Keep this copy instead" on a near repeat');
    checkRemoval(text, applyEdits(text, checkedEdits(text, positions, keep, document.uri, document.version)), analysis, new Set([near.original.index]));
  }

  // Fix-all: the repeats it removes and all page furniture, in one edit.
  const fixAllRanges = service.getFixAllRemovals(document, settings);
  const fixAll = fixAllAction(document.uri, document.version, ['source.fixAll'], () => fixAllRanges, positions);
  // Near repeats whose figures differ are left to the user: with only those, fix-all has nothing to do.
  assert.strictEqual(fixAll.length, fixAllRanges.length > 0 ? 1 : 0, 'one fix-all action when there is something to fix');
  if (fixAll.length === 0) return;
  const fixed = applyEdits(text, checkedEdits(text, positions, fixAll[0], document.uri, document.version));
  // The first repeat of a paragraph that is page furniture stays (both gone would leave no copy).
  const whole = analysis.furniture.filter((r) => !isPartOfParagraph(r));
  const furnitureIndexes = new Set(whole.flatMap((r) => r.paragraphs.map((p) => p.index)));
  const removed = new Set([...repeatsRemovedWith(text, analysis.paragraphs, duplicates, furnitureIndexes, resources.knownWords).map((p) => p.index), ...furnitureIndexes]);
  // A paragraph whose start is furniture keeps the rest, unless it goes whole as a repeat.
  const shortened = new Map(analysis.furniture.filter((r) => isPartOfParagraph(r) && !removed.has(r.paragraphs[0].index)).map((r) => [r.paragraphs[0].index, r.end] as const));
  checkRemoval(text, fixed, analysis, removed, shortened);

  // Exactly one copy of every paragraph is left, and a second fix-all has nothing to do.
  const again = service.analyze({ uri: `${document.uri}#fixed`, version: 1, getText: () => fixed }, settings);
  // A repeat with a symbol its first copy lacks (an emoji) stays: its symbols tell it apart (duplicates/symbols.ts).
  const keys = again.paragraphs.filter((p) => paragraphKey(p.text).length >= 20).map((p) => `${paragraphKey(p.text)}\u0000${symbolSet(p.text)}`);
  // Paragraph shapes are decided per block, so removing repeats leaves the other blocks read as they were.
  // The one exception is by design: a text left with no blank line at all is read one paragraph per line
  // (the scraped-article convention), so a hard-wrapped block may then show repeated lines. Counted.
  if (hasBlankLine(text) && !hasBlankLine(fixed)) {
    counts.blankLinesGone++;
    dropDocument(service, `${document.uri}#fixed`);
    return;
  }
  // The other exception: a furniture line read as a paragraph of its own inside a block of lines (the
  // block read line by line because of it) leaves that block to be read afresh once it is gone, and
  // the block may then read as a repeat of another. Nothing is lost; counted, idempotence not checked.
  if (analysis.furniture.some((r) => r.paragraphs.some((p) => insideBlock(text, p)))) {
    counts.blocksReread++;
    dropDocument(service, `${document.uri}#fixed`);
    return;
  }
  try {
    assert.strictEqual(new Set(keys).size, keys.length, 'one copy of every paragraph');
    assert.deepStrictEqual(service.getDuplicateRemovals({ uri: `${document.uri}#fixed`, version: 1, getText: () => fixed }, undefined, settings), [], 'fix-all is idempotent');
  } catch (error) {
    counts.lostCharacters++;
    throw error;
  } finally {
    dropDocument(service, `${document.uri}#fixed`);
  }
}

/** True when the paragraph's line has a non-blank line right before or after it (no blank line between). */
function insideBlock(text: string, p: OffsetRange): boolean {
  const before = text.slice(0, p.start).match(/(?:^|[\r\n])([^\r\n]*)(?:\r\n|\r|\n)[^\r\n]*$/);
  const after = text.slice(p.end).match(/^[^\r\n]*(?:\r\n|\r|\n)([^\r\n]*)/);
  return /\S/.test(before?.[1] ?? '') || /\S/.test(after?.[1] ?? '');
}

/** True when a blank line separates two non-blank lines. */
function hasBlankLine(text: string): boolean {
  return /\S[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)\s*\S/.test(text.replace(/\uFEFF/g, ''));
}
