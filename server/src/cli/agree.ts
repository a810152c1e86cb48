/**
 * `article-lens agree A B [--json]`: agreement between two annotators. A and B are folders of the same
 * articles, each with one annotator's annotations (our store or brat `.ann` files, `cli/annotatedFolder.ts`);
 * articles annotated in both are compared (`core/agreement/`) and the table printed, or JSON with `--json`.
 * Bad input exits 2 with a one-line message.
 */
import { compareAnnotators, type AnnotatedPair } from '../core/agreement/compareAnnotators';
import { AnnotatedFolderError, readAnnotatedFolder, type AnnotatedArticle } from './annotatedFolder';
import { renderAgreementTable } from './agreementTable';
import { UnreadableArticle } from './readArticle';

export const AGREE_USAGE = `Usage: article-lens agree A B [--json] [--labels L1,L2,…]
  Agreement between two annotators: A and B are folders of the same articles (.txt), each with one
  annotator's annotations — Article Lens's store (.article-lens/annotations/) or brat .ann files beside
  the articles (x.ann or x_<annotator>.ann for x.txt). Articles are paired by their path in the
  folder, or by the one path that differs in case alone.
  Prints per label and overall: F1 with exact spans (A as the reference), F1 with overlapping spans,
  Cohen's κ over tokens, Krippendorff's αU; and F1 per article.
  --json           print {"labels": {…}, "overall": {…}, "documents": […]} instead of the table
  --labels L1,L2   compare only these labels (as printed, e.g. Source,Cue,Content); the others are ignored
Exit codes: 0 ok, 2 bad input.`;

/** Where the command writes. */
export interface AgreeOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

class AgreeUsageError extends Error {}

/** Runs the command on its arguments (those after `agree`); returns the exit code. */
export function runAgreeCommand(args: readonly string[], output: AgreeOutput): number {
  try {
    const folders: string[] = [];
    let json = false;
    let only: Set<string> | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      // `--` ends the options: the rest are the folders.
      if (arg === '--') {
        folders.push(...args.slice(i + 1));
        break;
      }
      if (arg === '--json') json = true;
      else if (arg === '--labels' || arg.startsWith('--labels=')) {
        const value = arg === '--labels' ? args[++i] : arg.slice('--labels='.length);
        // `--labels --json`: the list is missing, not a label named `--json`.
        if (value?.startsWith('--')) throw new AgreeUsageError(`--labels needs a comma-separated list of labels before ${value}, e.g. --labels Source,Cue,Content`);
        const labels = (value ?? '').split(',').map((l) => l.trim()).filter((l) => l !== '');
        if (labels.length === 0) throw new AgreeUsageError('--labels needs a comma-separated list of labels, e.g. --labels Source,Cue,Content');
        only = new Set(labels);
      }
      else if (arg === '--help' || arg === '-h') {
        output.out(`${AGREE_USAGE}\n`);
        return 0;
      } else if (arg.startsWith('-')) throw new AgreeUsageError(`unknown option ${arg} (usage: article-lens agree A B [--json] [--labels L1,L2,…])`);
      else folders.push(arg);
    }
    if (folders.length !== 2) throw new AgreeUsageError(`give two folders, A and B (usage: article-lens agree A B [--json] [--labels L1,L2,…]); got ${folders.length}`);
    const [folderA, folderB] = folders;
    const { articles: a, warnings: skippedInA } = readAnnotatedFolder(folderA);
    const { articles: b, warnings: skippedInB } = readAnnotatedFolder(folderB);
    const pairs: AnnotatedPair[] = [];
    const partnerInB = pairAcrossFolders([...a.keys()], [...b.keys()]);
    for (const [article, fromA] of a) {
      const partner = partnerInB.get(article);
      const fromB = partner === undefined ? undefined : b.get(partner);
      if (!fromB) continue;
      if (fromA.text !== fromB.text) throw new AgreeUsageError(`${article}: the text in ${folderA} and in ${folderB} differs (both annotators must have annotated the same text)`);
      const kept = (places: AnnotatedArticle['places']) => (only ? places.filter((p) => only.has(p.label)) : places);
      pairs.push({ document: article, text: fromA.text, a: kept(fromA.places), b: kept(fromB.places) });
    }
    if (pairs.length === 0) throw new AgreeUsageError(`no article is annotated in both ${folderA} (${a.size}) and ${folderB} (${b.size})`);
    const pairedInB = new Set(partnerInB.values());
    const onlyInA = [...a.keys()].filter((k) => !partnerInB.has(k));
    const onlyInB = [...b.keys()].filter((k) => !pairedInB.has(k));
    for (const warning of [...skippedInA, ...skippedInB]) output.err(`article-lens agree: warning: ${warning}\n`);
    reportProblems(folderA, a, output);
    reportProblems(folderB, b, output);
    if (only) reportUnknownLabels(only, [...a.values(), ...b.values()], output);
    const report = compareAnnotators(pairs);
    if (json) {
      output.out(`${JSON.stringify({ a: folderA, b: folderB, labels: report.labels, overall: report.overall, documents: report.documents, tokens: report.tokens, onlyInA, onlyInB }, null, 2)}\n`);
    } else {
      const unpaired = onlyInA.length + onlyInB.length > 0 ? `; not compared, annotated on one side only: ${onlyInA.length} in A, ${onlyInB.length} in B` : '';
      const heading = `Agreement of B (${folderB}) with A (${folderA}) as the reference: ${pairs.length} article${pairs.length === 1 ? '' : 's'}, ${report.tokens} tokens${unpaired}`;
      output.out(renderAgreementTable(report, heading));
    }
    return 0;
  } catch (error) {
    if (error instanceof AgreeUsageError || error instanceof AnnotatedFolderError || error instanceof UnreadableArticle) {
      output.err(`article-lens agree: ${error.message}\n`);
      return 2;
    }
    output.err(`article-lens agree: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/**
 * A label of `--labels` that neither annotator used (a typo, or another case: `source` for `Source`) would
 * print a table of dashes without a word: named on stderr with the labels there are.
 */
function reportUnknownLabels(only: ReadonlySet<string>, articles: readonly AnnotatedArticle[], output: AgreeOutput): void {
  const used = new Set(articles.flatMap((article) => article.places.map((place) => place.label)));
  for (const label of only) {
    if (!used.has(label)) output.err(`article-lens agree: warning: --labels ${label}: neither folder has it (labels: ${[...used].sort().join(', ') || 'none'})\n`);
  }
}

/** One line per annotation file with problems (lines that could not be used), on stderr. */
function reportProblems(folder: string, articles: ReadonlyMap<string, AnnotatedArticle>, output: AgreeOutput): void {
  for (const article of articles.values()) {
    if (article.problems.length === 0) continue;
    const more = article.problems.length > 1 ? ` (and ${article.problems.length - 1} more)` : '';
    output.err(`article-lens agree: warning: ${folder}/${article.annotationFile}: ${article.problems[0]}${more}\n`);
  }
}

/**
 * Which article of B each article of A is compared with: the same path, else the one path that differs from it
 * in case alone (`A/x.TXT` with `B/x.txt`: the two annotators' copies of one article, as a brat file pairs with its
 * article whatever the case, `cli/bratArticle.ts`). Two such paths in B, or a B path that has its exact twin in A,
 * are not guessed at: those articles stay unpaired and are counted as annotated on one side only.
 */
export function pairAcrossFolders(inA: readonly string[], inB: readonly string[]): Map<string, string> {
  const exactB = new Set(inB);
  const exactA = new Set(inA);
  const byCaseB = new Map<string, string[]>();
  for (const key of inB) {
    const folded = key.toLowerCase();
    const same = byCaseB.get(folded);
    if (same) same.push(key);
    else byCaseB.set(folded, [key]);
  }
  const partner = new Map<string, string>();
  const claimed = new Map<string, number>();
  for (const key of inA) {
    if (exactB.has(key)) {
      partner.set(key, key);
      continue;
    }
    const candidates = (byCaseB.get(key.toLowerCase()) ?? []).filter((other) => !exactA.has(other));
    if (candidates.length === 1) {
      partner.set(key, candidates[0]);
      claimed.set(candidates[0], (claimed.get(candidates[0]) ?? 0) + 1);
    }
  }
  // A B path that two A paths differing in case could both mean is nobody's.
  for (const [key, other] of partner) if (key !== other && claimed.get(other)! > 1) partner.delete(key);
  return partner;
}
