import { promises as fs } from 'fs';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { newAnnotationId } from '../annotationStore/annotationFiles';
import { readOtherAnnotations } from '../annotationStore/otherAnnotator';
import { findDisagreements, type Disagreement } from '../core/agreement/disagreements';
import { ATTRIBUTION_LABELS, labeledPlaces, placeKey, type LabeledPlace } from '../core/agreement/spanSets';
import { withDecision } from '../core/annotations/decisions';
import { bratTypeOfLabel, isEntityLabel } from '../core/annotations/labels';
import { isLabelling, type Annotation, type ArticleAnnotations } from '../core/annotations/model';
import { shortQuote } from '../core/annotations/describe';
import { createAnnotation, type Outcome } from '../core/annotations/operations';
import { reanchor } from '../core/annotations/reanchor';
import { overlaps } from '../core/search';
import { DIAGNOSTIC_SOURCE, DISAGREEMENT_CODE, REVIEW_COMMANDS, type CompareResult, type ResolveDisagreementParams } from '../protocol';
import { actorFor, argumentObject, CommandError, stringField, type CommandHost } from './annotationCommands';
import { wantsKind } from './edits';
import type { PositionMapper } from './positions';

/**
 * Curation (issue 13): *Compare with Annotations in…* sets a folder holding another annotator's work
 * (their copy of the workspace with our store, or brat files); every open article — and every article
 * opened while comparing — is compared with their annotations of it: each place where the two differ
 * (entity labels; grouped where they overlap, `core/agreement/disagreements.ts`) is an Information
 * diagnostic with two quick fixes, *Keep mine* (this disagreement is settled as it is) and *Take
 * theirs* (this article's labels there are replaced by theirs, or rejected where they marked nothing).
 * What the person keeps or takes is written to their own store: the curated set. Quote attributions
 * are not compared here (the `agree` CLI measures them).
 */

/** The other annotator's annotations of one open article, placed in the text they were last placed in. */
interface Theirs {
  readonly file: string;
  text: string;
  annotations: readonly Annotation[];
}

/** What curation needs from the server besides the commands' host. */
export interface CurationHost extends CommandHost {
  /** The open documents. */
  openArticles(): readonly string[];
  /** A comparison changed for an article: publish its diagnostics again. */
  changed(uri: string): void;
}

export class Curation {
  private folder: string | undefined;
  private readonly theirs = new Map<string, Theirs>();
  /** Per article, the disagreements the person settled with *Keep mine* (by id). */
  private readonly kept = new Map<string, Set<string>>();

  constructor(private readonly host: CurationHost) {}

  /** `articleLens.annotation.compare`: compares the open articles with the folder's annotations (`null`: stop). */
  async compareCommand(args: unknown[] | undefined): Promise<CompareResult> {
    const where = REVIEW_COMMANDS.compare;
    const params = argumentObject(where, args);
    const before = [...this.theirs.keys()];
    this.theirs.clear();
    this.kept.clear();
    if (params.folder === null) {
      this.folder = undefined;
      for (const uri of before) this.host.changed(uri);
      return { articles: 0, disagreements: 0, problems: [] };
    }
    const given = stringField(params, 'folder', where);
    const folder = given.startsWith('file:') ? folderOfUri(given, where) : given;
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) throw new CommandError(`${where}: ${folder} is not a folder`);
    this.folder = folder;
    const problems: string[] = [];
    for (const uri of this.host.openArticles()) problems.push(...(await this.read(uri)));
    for (const uri of new Set([...before, ...this.host.openArticles()])) this.host.changed(uri);
    const articles = [...this.theirs.keys()];
    return { folder, articles: articles.length, disagreements: articles.reduce((n, uri) => n + this.disagreements(uri).length, 0), problems };
  }

  /** An article opened while comparing: its counterpart is read. */
  async opened(uri: string): Promise<void> {
    if (this.folder === undefined) return;
    await this.read(uri);
    this.host.changed(uri);
  }

  /** Released when the article closes. */
  delete(uri: string): void {
    this.theirs.delete(uri);
    this.kept.delete(uri);
  }

  /** Reads the other annotator's annotations of an open article; returns what could not be read. */
  private async read(uri: string): Promise<string[]> {
    const folder = this.folder;
    const place = this.host.storePlace(uri);
    const text = this.host.document(uri)?.getText();
    if (folder === undefined || !place || text === undefined) return [];
    const found = await readOtherAnnotations(folder, place.article, text);
    if (found.kind === 'invalid') return [`${found.file}: ${found.message}`];
    if (found.kind === 'found' && this.folder === folder) this.theirs.set(uri, { file: found.file, text, annotations: found.annotations });
    return found.kind === 'found' ? found.problems.map((p) => `${found.file}: ${p}`) : [];
  }

  /** The disagreements of an open article now (theirs placed again when the text changed), without those kept. */
  disagreements(uri: string): Disagreement[] {
    const theirs = this.theirs.get(uri);
    const mine = this.host.layer.peek(uri)?.annotations;
    const text = this.host.document(uri)?.getText();
    if (!theirs || !mine || text === undefined) return [];
    if (theirs.text !== text) {
      theirs.annotations = reanchor(theirs.annotations, text).annotations;
      theirs.text = text;
    }
    const kept = this.kept.get(uri);
    return findDisagreements(entityPlaces(mine.annotations), entityPlaces(theirs.annotations)).filter((d) => !kept?.has(d.id));
  }

  /** The Information diagnostics of an article's disagreements. */
  diagnostics(uri: string, positions: PositionMapper): Diagnostic[] {
    const theirs = this.theirs.get(uri);
    const text = this.host.document(uri)?.getText();
    if (!theirs || text === undefined) return [];
    const describe = (places: readonly LabeledPlace[]): string =>
      places.length === 0 ? 'nothing' : places.map((p) => `${bratTypeOfLabel(p.label)} ${shortQuote(p.fragments.map((f) => text.slice(f.start, f.end)).join(' '))}`).join(', ');
    return this.disagreements(uri).map((d) => ({
      range: positions.rangeOf(d),
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: DISAGREEMENT_CODE,
      message: `Annotators disagree: yours ${describe(d.mine)}; theirs ${describe(d.theirs)} (${theirs.file}).`,
      data: { id: d.id },
    }));
  }

  /** *Keep mine* and *Take theirs* for the disagreement diagnostics of a code-action request. */
  actions(uri: string, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    if (!wantsKind(only, CodeActionKind.QuickFix)) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const id = (diagnostic.data as { id?: unknown } | undefined)?.id;
      if (diagnostic.code !== DISAGREEMENT_CODE || typeof id !== 'string') continue;
      for (const [title, take] of [['Keep mine', 'mine'], ['Take theirs', 'theirs']] as const) {
        const params: ResolveDisagreementParams = { uri, id, take };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: REVIEW_COMMANDS.resolveDisagreement, arguments: [params] } });
      }
    }
    return actions;
  }

  /** `articleLens.annotation.resolveDisagreement`. */
  async resolveCommand(args: unknown[] | undefined): Promise<null> {
    const where = REVIEW_COMMANDS.resolveDisagreement;
    const params = argumentObject(where, args);
    const uri = stringField(params, 'uri', where);
    const id = stringField(params, 'id', where);
    if (params.take !== 'mine' && params.take !== 'theirs') throw new CommandError(`${where}: "take" must be "mine" or "theirs"`);
    const disagreement = this.disagreements(uri).find((d) => d.id === id);
    if (!disagreement) throw new CommandError(`${where}: no such disagreement in ${uri} (settled already, or the comparison stopped)`);
    if (params.take === 'mine') {
      let kept = this.kept.get(uri);
      if (!kept) this.kept.set(uri, (kept = new Set()));
      kept.add(id);
      this.host.changed(uri);
      return null;
    }
    await this.takeTheirs(uri, disagreement);
    return null;
  }

  /**
   * This article's labels of the disagreement replaced by theirs; where they marked nothing, the machine's
   * suggestions are rejected, except where this article decided an entity already (a name both labelled
   * inside a sentence only one of them labelled a claim was rejected beside its label). Each is added as a
   * decision (`withDecision`): a rejection of mine on the span their label takes is replaced, not kept
   * beside it.
   */
  private async takeTheirs(uri: string, disagreement: Disagreement): Promise<void> {
    const version = this.host.document(uri)?.version;
    const analysis = await this.host.analysis(uri);
    const actor = await actorFor(this.host, uri);
    const mineKeys = new Set(disagreement.mine.map(placeKey));
    const suggestions = (analysis?.recognized ?? []).filter((e) => overlaps(e, disagreement) && e.type !== 'date' && e.type !== 'number');
    const outcome = await this.host.layer.update(uri, (article, text): Outcome<ArticleAnnotations> => {
      if (this.host.document(uri)?.version !== version) return { ok: false, message: 'the article changed meanwhile: try again' };
      const annotations = article.annotations.filter((a) => !(isLabelling(a.body) && labeledPlaces([a]).some((place) => mineKeys.has(placeKey(place)))));
      const decided = annotations.filter((a) => a.status === 'anchored' && (a.body.kind === 'confirm' || a.body.kind === 'reject' || (a.body.kind === 'label' && isEntityLabel(a.body.label))));
      const added: Annotation[] = [];
      for (const place of disagreement.theirs) {
        const made = createAnnotation(text, place.fragments, { kind: 'label', label: place.label }, newAnnotationId(), actor);
        if (!made.ok) return made;
        added.push(made.value);
      }
      if (disagreement.theirs.length === 0) {
        for (const entity of suggestions) {
          if (decided.some((a) => a.target.some((span) => overlaps(span, entity)))) continue;
          const made = createAnnotation(text, [entity], { kind: 'reject', extent: 'occurrence' }, newAnnotationId(), actor);
          if (!made.ok) return made;
          added.push(made.value);
        }
      }
      return { ok: true, value: added.reduce(withDecision, { ...article, annotations }) };
    });
    if (!outcome.ok) throw new CommandError(outcome.message);
    this.host.changed(uri);
  }
}

/** The places that label entities (attribution parts are left to the `agree` CLI). */
function entityPlaces(annotations: readonly Annotation[]): LabeledPlace[] {
  const attribution = new Set<string>(Object.values(ATTRIBUTION_LABELS));
  return labeledPlaces(annotations).filter((place) => !attribution.has(place.label));
}

/**
 * The folder a `file:` URI names. A URI whose escapes do not decode (`file://%%%`), or that names no folder
 * but the root, is refused: parsed leniently it named `/`, and the whole file system was compared.
 */
function folderOfUri(given: string, where: string): string {
  let valid = true;
  try {
    decodeURIComponent(given);
  } catch {
    valid = false;
  }
  const uri = URI.parse(given);
  if (!valid || uri.path === '' || uri.path === '/') throw new CommandError(`${where}: ${given} is not a valid file URI`);
  return uri.fsPath;
}
