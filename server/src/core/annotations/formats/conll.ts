import { effectiveEntities, withoutOverlaps, type LabeledSpan } from '../entityLayer';
import { conllTagOfLabel, labelOfExternalName } from '../labels';
import { sentencesOf } from '../../analysis';
import type { OffsetRange } from '../../types';
import { countLeftOut, type ArticleForExport, type ExportOutput } from './exchange';

/**
 * CoNLL-2003 columns: one token per line (`word POS chunk NER`, the POS and chunk columns written `-X-`
 * as in the `-DOCSTART-` line, since we do not tag them), a blank line after each sentence, a `-DOCSTART-`
 * line before each article. Tokens and sentences are the project's own (`core/tokenize.ts`, per paragraph),
 * as the tagger sees them. NER tags in IOB2 (`B-` starts every entity): `PER`, `ORG`, `LOC`, `MISC`, and
 * user labels as they are. BIO cannot nest: where entities overlap, the person's win over the machine's,
 * entity labels over user labels, then the longer. CoNLL tags whole tokens within one sentence: an entity
 * that starts or ends inside a token (`Obama` of `Obama-Putin`), or runs over a sentence end, is left out and
 * counted, never stretched to the tokens it touches (two labels in `Obama-Putin` had become one entity) or cut
 * in two.
 */

const DOCSTART = '-DOCSTART- -X- -X- O';

/** The CoNLL lines of one article, starting with `-DOCSTART-`. */
export function exportConll(article: ArticleForExport): ExportOutput {
  const { text } = article;
  const leftOut: string[] = [];
  for (const a of article.annotations.annotations) {
    if (a.status === 'orphaned') leftOut.push('orphaned annotation (no place in the text)');
    else if (a.body.kind !== 'label' && a.body.kind !== 'confirm' && a.body.kind !== 'reject') leftOut.push(`${a.body.kind} annotation (CoNLL holds entity tags only)`);
    else if (a.body.kind !== 'reject' && a.target.length > 1) leftOut.push('discontinuous label (one entity per fragment: CoNLL has no discontinuous spans)');
  }
  const sentences = sentencesOf(text);
  // Token starts and ends → the sentence they are in: an entity must start at one and end at one of the same sentence.
  const sentenceOfStart = new Map<number, number>();
  const sentenceOfEnd = new Map<number, number>();
  sentences.forEach((sentence, i) => {
    for (const token of sentence.tokens) {
      sentenceOfStart.set(token.start, i);
      sentenceOfEnd.set(token.end, i);
    }
  });
  const tokenAligned: LabeledSpan[] = [];
  for (const labelled of effectiveEntities(text, article.annotations.annotations, article.suggestions)) {
    const entity = onTokenEdges(text, labelled, sentenceOfStart, sentenceOfEnd);
    const first = sentenceOfStart.get(entity.start);
    const last = sentenceOfEnd.get(entity.end);
    if (first === undefined || last === undefined) leftOut.push('entity starting or ending inside a token (CoNLL tags whole tokens)');
    else if (first !== last) leftOut.push('entity running over a sentence end (CoNLL entities are within one sentence)');
    else tokenAligned.push(entity);
  }
  const entities = withoutOverlaps(tokenAligned);
  // One reason per entity left out: the note counts them.
  for (let dropped = tokenAligned.length - entities.length; dropped > 0; dropped--) leftOut.push('entity overlapping another (BIO cannot nest)');
  const lines = [DOCSTART, ''];
  let next = 0;
  for (const sentence of sentences) {
    let current: (typeof entities)[number] | undefined;
    for (const token of sentence.tokens) {
      while (next < entities.length && entities[next].end <= token.start) next++;
      const entity = next < entities.length && entities[next].start < token.end ? entities[next] : undefined;
      const tag = entity === undefined ? 'O' : `${entity === current ? 'I' : 'B'}-${conllTagOfLabel(entity.label)}`;
      current = entity;
      lines.push(`${token.text} -X- -X- ${tag}`);
    }
    lines.push('');
  }
  return { text: lines.join('\n') + '\n', leftOut: countLeftOut(leftOut) };
}

/**
 * The entity with the edges a reader means: white space selected with the words left out (`John Kerry `), and an
 * end just before the full stop of the token it ends in taken to that token's end (`Corp` of `Corp.`, `U.S` of
 * `U.S.`: the tokeniser keeps an abbreviation's dot, and a selection that stops at the sentence's mark leaves it).
 * Any other edge inside a token stays where it is, and the entity is left out.
 */
function onTokenEdges(text: string, entity: LabeledSpan, tokenStarts: ReadonlyMap<number, number>, tokenEnds: ReadonlyMap<number, number>): LabeledSpan {
  let { start, end } = entity;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (start === end) return entity;
  if (!tokenEnds.has(end) && text[end] === '.' && tokenEnds.has(end + 1) && !tokenStarts.has(end)) end++;
  return start === entity.start && end === entity.end ? entity : { ...entity, start, end };
}

/** A token read from a CoNLL file, with its tag. */
export interface ConllToken {
  readonly text: string;
  readonly tag: string;
}

/** One `-DOCSTART-` document: its sentences of tagged tokens. */
export interface ConllDocument {
  readonly sentences: ReadonlyArray<readonly ConllToken[]>;
}

/** An entity of a CoNLL document, by token positions (`[start, end)` counting tokens through the document). */
export interface ConllEntity {
  readonly startToken: number;
  readonly endToken: number;
  /** In our vocabulary: `PER` → `person`, …; user labels as written. */
  readonly label: string;
}

/**
 * Reads CoNLL columns (any number of columns, the token first, the NER tag last). Tags are read as IOB1 or
 * IOB2: `B-X` starts an entity, and so does `I-X` after `O` or after another label.
 */
export function parseConll(conll: string): { documents: ConllDocument[]; problems: string[] } {
  const documents: Array<{ sentences: ConllToken[][] }> = [];
  const problems: string[] = [];
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length === 0) return;
    if (documents.length === 0) documents.push({ sentences: [] });
    documents[documents.length - 1].sentences.push(sentence);
    sentence = [];
  };
  conll.split(/\r?\n/).forEach((line, i) => {
    const columns = line.trim().split(/\s+/);
    if (columns[0] === '') return endSentence();
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      documents.push({ sentences: [] });
      return;
    }
    const tag = columns.length > 1 ? columns[columns.length - 1] : '';
    if (tag !== 'O' && !/^[BI]-\S+$/.test(tag)) problems.push(`line ${i + 1}: "${tag}" is not a tag (O, B-X or I-X)`);
    sentence.push({ text: columns[0], tag: tag === 'O' || /^[BI]-\S+$/.test(tag) ? tag : 'O' });
  });
  endSentence();
  return { documents, problems };
}

/** The entities of a document by token positions. */
export function conllEntities(document: ConllDocument): ConllEntity[] {
  const entities: ConllEntity[] = [];
  let position = 0;
  for (const sentence of document.sentences) {
    let open: { startToken: number; stem: string } | undefined;
    const close = (end: number): void => {
      if (open) entities.push({ startToken: open.startToken, endToken: end, label: labelOfExternalName(open.stem) });
      open = undefined;
    };
    for (const token of sentence) {
      const stem = token.tag.slice(2);
      if (token.tag === 'O') close(position);
      else if (token.tag.startsWith('B-') || !open || open.stem !== stem) {
        close(position);
        open = { startToken: position, stem };
      }
      position++;
    }
    close(position);
  }
  return entities;
}

/**
 * The entities of a document as offsets into the article text it was made from: its tokens are found in
 * the text in order (white space between them skipped). `undefined` with a message when a token is not
 * where the text says.
 */
export function conllSpansInText(document: ConllDocument, text: string): { spans: Array<OffsetRange & { label: string }> } | { problem: string } {
  const tokenRanges: OffsetRange[] = [];
  let at = 0;
  for (const token of document.sentences.flat()) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (!text.startsWith(token.text, at)) return { problem: `token ${tokenRanges.length + 1} "${token.text}" is not at offset ${at} of the text` };
    tokenRanges.push({ start: at, end: at + token.text.length });
    at += token.text.length;
  }
  return {
    spans: conllEntities(document).map((e) => ({ start: tokenRanges[e.startToken].start, end: tokenRanges[e.endToken - 1].end, label: e.label })),
  };
}
