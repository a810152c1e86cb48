import * as path from 'path';
import { URI } from 'vscode-uri';
import { authorsOf } from '../core/analysis';
import { describeRepeat } from '../core/duplicates';
import { limitedAnalysisMessage, limitedReason, type ArticleService } from '../core/languageService';
import { nameVariantMessage } from '../core/nameVariants';
import { quoteSpeakers } from '../core/quoteSpeakers';
import { DEFAULT_SETTINGS } from '../core/settings';
import { PositionMapper } from '../lsp/positions';

/** A warning, linter-style: 1-based line and column. */
export interface ReportDiagnostic {
  readonly line: number;
  readonly column: number;
  /**
   * `hint` for what the editor shows as a hint by default (`name-variant`), `information` for a note
   * about the analysis itself (`limited-analysis`): neither counts as a warning.
   */
  readonly severity: 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
  /** For `duplicate-paragraph`: the line of the first copy. */
  readonly firstLine?: number;
}

/** What the command line reports of one article. Everything in it comes from that article alone. */
export interface FileReport {
  readonly file: string;
  /** Present (true) when the file has no content: nothing but white space. */
  readonly empty?: true;
  readonly diagnostics: readonly ReportDiagnostic[];
  /** Who wrote the article: the names its byline and credits give (not among its actors). */
  readonly authors?: readonly string[];
  /** People, organisations and places. */
  readonly actors: readonly { name: string; type: string; roles: string[]; spellings: string[]; mentions: number; quotes: number }[];
  /** `confidence`: how sure the trained rankers are of the speaker (`Attribution.confidence`), cut to three decimals; absent when none decided. */
  readonly quotes: readonly { line: number; column: number; speaker: string | null; confidence?: number; kind: string; text: string }[];
}

/** True when a text has nothing but white space (a byte-order mark included). */
export function isBlank(text: string): boolean {
  return !/[^\s\uFEFF]/.test(text);
}

/**
 * Analyses one article; nothing is kept, so a run over a million files holds one analysis at a
 * time. No workspace index: nothing in the report depends on the other articles (the CLI used to
 * index every file first, for nothing), which is also why a run split into shards reports each file
 * exactly as a single run does. With `strict`, an empty file gets an `empty-file` warning.
 */
export function reportArticle(service: ArticleService, file: string, text: string, strict: boolean): FileReport {
  if (isBlank(text)) {
    const diagnostics: ReportDiagnostic[] = strict ? [{ line: 1, column: 1, severity: 'warning', code: 'empty-file', message: 'No content: the file is empty.' }] : [];
    return { file, empty: true, diagnostics, actors: [], quotes: [] };
  }
  const analysis = service.analyzeText(URI.file(path.resolve(file)).toString(), text, DEFAULT_SETTINGS);
  const positions = new PositionMapper(text);
  const speakers = quoteSpeakers(analysis.quotes, analysis.actors);
  const diagnostics: ReportDiagnostic[] = analysis.duplicates.map((repeat) => {
    const at = positions.positionAt(repeat.duplicate.start);
    const firstLine = positions.positionAt(repeat.original.start).line + 1;
    return { line: at.line + 1, column: at.character + 1, severity: 'warning', code: 'duplicate-paragraph', message: describeRepeat(repeat, firstLine), firstLine };
  });
  // One person spelled two ways, as the editor's hint says it.
  for (const variant of service.nameVariantsOf(analysis)) {
    for (const other of variant.spellings.slice(1)) {
      for (const range of other.ranges) {
        const at = positions.positionAt(range.start);
        diagnostics.push({ line: at.line + 1, column: at.character + 1, severity: 'hint', code: 'name-variant', message: nameVariantMessage(variant, other) });
      }
    }
  }
  // Over the size limit only repeated paragraphs are looked for, over the line limit nothing: say so, as the
  // editor does, rather than print an article without actors or quotes as if it had none. (Binary files never
  // get here: readArticle.ts refuses them.)
  const limited = limitedReason(text, DEFAULT_SETTINGS);
  if (limited !== undefined) {
    diagnostics.push({ line: 1, column: 1, severity: 'information', code: 'limited-analysis', message: capitalised(limitedAnalysisMessage(limited, `${DEFAULT_SETTINGS.maxFileSize.toLocaleString('en')} characters`)) });
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const authors = authorsOf(analysis);
  return {
    file,
    diagnostics,
    ...(authors.length > 0 ? { authors } : {}),
    actors: analysis.actors
      .filter((a) => a.type === 'person' || a.type === 'organization' || a.type === 'location')
      .map((a) => ({ name: a.name, type: a.type, roles: [...a.roles], spellings: [...a.spellings], mentions: a.mentions.length, quotes: a.quotes.length })),
    quotes: analysis.quotes.map((q) => {
      const at = positions.positionAt(q.start);
      const confidence = q.attribution?.confidence;
      return { line: at.line + 1, column: at.character + 1, speaker: speakers.get(q)?.label ?? null, ...(confidence === undefined ? {} : { confidence: reportedConfidence(confidence) }), kind: q.kind, text: q.text };
    }),
  };
}

/**
 * A confidence as the reports print it: three decimals, cut rather than rounded, so that the printed value is below
 * `UNCERTAIN_SPEAKER_BELOW` exactly when the confidence is (0.6996 prints 0.699, and the text report, which reads the
 * printed value, marks it as the editor does).
 */
export function reportedConfidence(confidence: number): number {
  return Math.floor(confidence * 1000) / 1000;
}

function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
