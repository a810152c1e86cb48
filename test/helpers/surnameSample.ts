/**
 * The hand-labelled bare surnames shared by several people of a PolNeAR article
 * (`test/data/surname-referent-sample.tsv`): which person each means, against the actor the analysis gives it.
 * Shared by the regression test (`test/core/surnameReferents.test.ts`) and `scripts/surnameSample.ts`, which prints
 * the figure and the misses. Only file names, offsets and labels are committed, never the texts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, type AnalysisContext } from '../../server/src/core/analysis';
import { ROOT } from './seeds';

/** Where the PolNeAR texts are (outside the repository). */
export const POLNEAR_TEXT = (split: string) => path.resolve(ROOT, '..', 'shared', 'data', 'polnear', split, 'text');
export const SURNAME_LABELS = path.join(ROOT, 'test', 'data', 'surname-referent-sample.tsv');

export interface SurnameItem {
  readonly split: string;
  readonly file: string;
  readonly offset: number;
  readonly surname: string;
  /** The person meant, as the article names them in full; NONE for the family or someone not named in full. */
  readonly person: string;
  /** `a`: the items the choice was made on; `b`: labelled afterwards, held out. */
  readonly draw: string;
}

export function readSurnameItems(file = SURNAME_LABELS): SurnameItem[] {
  const items: SurnameItem[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [split, article, offset, surname, person, draw] = line.split('\t');
    if (!article || !person || !/^\d+$/.test(offset)) throw new Error(`${file}: bad line "${line}"`);
    items.push({ split, file: article, offset: Number(offset), surname, person, draw });
  }
  return items;
}

export interface SurnameScore {
  readonly correct: number;
  /** Items naming a person (NONE left out). */
  readonly scored: number;
  readonly misses: readonly { readonly item: SurnameItem; readonly got: string | undefined }[];
}

/** Analyses each labelled article once and scores the actor that owns each surname. */
export function scoreSurnames(context: AnalysisContext, items: readonly SurnameItem[]): SurnameScore {
  const byArticle = new Map<string, SurnameItem[]>();
  for (const item of items) {
    if (item.person === 'NONE') continue;
    const key = `${item.split}/${item.file}`;
    byArticle.set(key, [...(byArticle.get(key) ?? []), item]);
  }
  let correct = 0;
  let scored = 0;
  const misses: { item: SurnameItem; got: string | undefined }[] = [];
  for (const [, list] of byArticle) {
    const text = fs.readFileSync(path.join(POLNEAR_TEXT(list[0].split), list[0].file), 'utf8');
    const { actors } = analyzeArticle(text, context);
    for (const item of list) {
      if (text.slice(item.offset, item.offset + item.surname.length) !== item.surname) throw new Error(`${item.file}@${item.offset}: not "${item.surname}" (the text changed?)`);
      const owner = actors.find((a) => a.type === 'person' && a.mentions.some((m) => m.kind === 'name' && m.start === item.offset));
      scored++;
      if (owner && (owner.name === item.person || owner.spellings.includes(item.person))) correct++;
      else misses.push({ item, got: owner?.name });
    }
  }
  return { correct, scored, misses };
}
