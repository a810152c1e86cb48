import { actorAt, type Actor, type ActorMention, type ActorMentionKind } from './actors';
import type { ArticleAnalysis } from './analysis';
import { findNameVariants, type NameVariant } from './nameVariants';
import { normalizeName, similarNameWord, type PersonNames } from './names';
import type { ArticleSettings } from './settings';
import type { OffsetRange } from './types';
import { isWordBoundary } from './tokenize';
import { isHighSurrogate, isLowSurrogate } from './surrogates';
import { summaryMentions, type WorkspaceIndex, type WorkspaceSearchHit } from './workspaceIndex';

/**
 * Navigation over actors: definition, references, highlights, rename, workspace search, inlay
 * hints and spelling variants. Pure functions of the analysis and the workspace index; the
 * language service mixes them in, the LSP layer converts offsets.
 */

/** The document shapes the navigation needs (structurally the service's `ArticleDocument`). */
export interface NavigationDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

interface Signal {
  readonly isCancellationRequested: boolean;
}

/** What navigation needs from the language service. */
export interface NavigationDeps {
  analyze(document: NavigationDocument, settings?: ArticleSettings, token?: Signal): ArticleAnalysis;
  readonly workspace: WorkspaceIndex;
  readonly names: PersonNames;
  /** True when the full analysis of this document version is already cached. */
  isAnalysed(document: NavigationDocument): boolean;
}

/** One mention found by find-references, with its kind. */
export interface ReferenceRange extends OffsetRange {
  readonly kind: ActorMentionKind;
}

/** What a name starts with: a letter or a digit. */
const NAME_START = /^[\p{L}\p{N}]/u;
/** What a name ends with: a letter, a digit, a mark (`e` + U+0301 of a decomposed `Compaoré`), or an initial's dot or a bracket. */
const NAME_END = /[\p{L}\p{M}\p{N}.)]$/u;

/**
 * True when `[start, end)` of `text` starts and ends with a name's character and cuts no word. Characters are read
 * whole: a name may start with one outside the BMP (`𠮷田`) or end with a combining mark.
 */
function isWholeWords(text: string, start: number, end: number): boolean {
  if (end <= start || !NAME_START.test(String.fromCodePoint(text.codePointAt(start)!))) return false;
  const lastStart = end - 2 >= start && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2)) ? end - 2 : end - 1;
  if (!NAME_END.test(text.slice(lastStart, end))) return false;
  return isWordBoundary(text, start) && isWordBoundary(text, end);
}

/** True when the mention under the cursor can be renamed: a name (not a pronoun or nominal) of a person or organisation. */
function isRenamable(hit: { readonly mention: { readonly kind: ActorMentionKind }; readonly actor: { readonly type: string } }): boolean {
  return hit.mention.kind === 'name' && (hit.actor.type === 'person' || hit.actor.type === 'organization');
}

/** The mentions of an actor in one article. `version` is set when the article is open. */
export interface ArticleRanges {
  readonly uri: string;
  readonly version?: number;
  readonly ranges: readonly ReferenceRange[];
}

/** One replacement of a rename. */
export interface RenameReplacement {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** The replacements of a rename in one article, pinned to the open version when there is one. */
export interface ArticleRename {
  readonly uri: string;
  readonly version?: number;
  readonly edits: readonly RenameReplacement[];
}

/** An inlay hint: a label shown after `offset` (`(Lavrov)` after `he`). */
export interface SpeakerHint {
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

/** Creates the navigation functions over a language service's analysis and workspace index. */
export function createActorNavigation({ analyze, workspace, names, isAnalysed }: NavigationDeps) {
  function hitAt(document: NavigationDocument, offset: number, settings?: ArticleSettings, token?: Signal): { actor: Actor; mention: ActorMention } | undefined {
    return actorAt(analyze(document, settings, token).actors, offset);
  }

  /** The same actor in other articles, with the open ones analysed first so the index has their latest text. */
  function elsewhere(document: NavigationDocument, actor: Actor, openDocuments: readonly NavigationDocument[], token?: Signal): { uri: string; version?: number; mentions: ReferenceRange[] }[] {
    const open = new Map<string, NavigationDocument>();
    for (const other of openDocuments) {
      if (other.uri === document.uri) continue;
      analyze(other, undefined, token);
      open.set(other.uri, other);
    }
    return workspace.findReferences(actor, document.uri).map((reference) => {
      const article = workspace.get(reference.uri)!;
      const version = open.get(reference.uri)?.version;
      return { uri: reference.uri, ...(version !== undefined ? { version } : {}), mentions: summaryMentions(article, reference.actor) };
    });
  }

  return {
    /** Where the actor under the cursor is introduced: the first mention with a role, else the first mention. */
    getDefinition(document: NavigationDocument, offset: number, settings?: ArticleSettings, token?: Signal): OffsetRange | undefined {
      const hit = hitAt(document, offset, settings, token);
      return hit && { start: hit.actor.introduction.start, end: hit.actor.introduction.end };
    },

    /** Every mention of the actor under the cursor in this document (names, nominals, pronouns). */
    getDocumentHighlights(document: NavigationDocument, offset: number, settings?: ArticleSettings, token?: Signal): readonly ActorMention[] {
      return hitAt(document, offset, settings, token)?.actor.mentions ?? [];
    },

    /**
     * Every mention of the actor under the cursor in every article: this document, the open ones
     * and the indexed files, across spelling variants, nominals and pronouns in attributions.
     * `includeDeclaration: false` leaves out the introducing mention in this document.
     */
    getReferences(document: NavigationDocument, offset: number, openDocuments: readonly NavigationDocument[], includeDeclaration = true, settings?: ArticleSettings, token?: Signal): ArticleRanges[] {
      const hit = hitAt(document, offset, settings, token);
      if (!hit) return [];
      const here = hit.actor.mentions.filter((m) => includeDeclaration || m !== hit.actor.introduction).map(({ start, end, kind }) => ({ start, end, kind }));
      const result: ArticleRanges[] = [{ uri: document.uri, version: document.version, ranges: here }];
      for (const other of elsewhere(document, hit.actor, openDocuments, token)) result.push({ uri: other.uri, ...(other.version !== undefined ? { version: other.version } : {}), ranges: other.mentions });
      return result;
    },

    /** The name mention under the cursor and its text, when it can be renamed (not a pronoun or nominal). */
    prepareRename(document: NavigationDocument, offset: number, settings?: ArticleSettings, token?: Signal): { range: OffsetRange; placeholder: string } | undefined {
      const hit = hitAt(document, offset, settings, token);
      if (!hit || !isRenamable(hit)) return undefined;
      return { range: { start: hit.mention.start, end: hit.mention.end }, placeholder: hit.mention.text };
    },

    /**
     * The replacements that rename the actor under the cursor in every article: full names become
     * the new full name (or keep their given names when the new name is a surname alone typed over
     * a surname), surname-only mentions become the new surname; nominals and pronouns stay. The
     * mention under the cursor always reads as typed: a one-word name typed over a full name is the
     * new full name (`Sergei Lavrov` → `Sergei`, never `Sergei Sergei`). `readText` gives the text of
     * an article that is not open; a mention whose text there no longer looks like the actor (the
     * file changed since it was indexed) is left alone. A new name with a `newNameProblem` renames
     * nothing.
     */
    getRenameEdits(
      document: NavigationDocument,
      offset: number,
      newName: string,
      openDocuments: readonly NavigationDocument[],
      readText: (uri: string) => string | undefined,
      settings?: ArticleSettings,
      token?: Signal,
    ): ArticleRename[] {
      const hit = hitAt(document, offset, settings, token);
      // What prepareRename refuses is not renamed either (a client may skip asking it): places keep their names.
      if (!hit || newNameProblem(newName) !== undefined || !isRenamable(hit)) return [];
      const name = newName.trim().replace(/\s+/g, ' ');
      const isPerson = hit.actor.type === 'person';
      // The new name is read as the kind of name it was typed over (see renamedPersonMention).
      const newIsFull = names.isFullName(name) || (isPerson && names.isFullName(withoutHonorific(hit.mention.text, names).rest));
      const expected = names.bareSurname(hit.actor.name);
      // A given name alone stands for the actor (`Hillary`, `Charles` of `Charles and David Koch`): it takes the new
      // name's given name, never its surname (`Hillary said` became `Clinton said`), and stays when the new name has none.
      const oldGiven = isPerson && names.isFullName(hit.actor.name) ? names.givenNamesOf(hit.actor.name)[0] : undefined;
      const newGiven = isPerson && names.isFullName(name) ? withoutHonorific(name, names).rest.split(' ')[0] : undefined;
      const isGivenNameAlone = (mention: string) => oldGiven !== undefined && !/\s/.test(mention.trim()) && normalizeName(mention) === oldGiven && names.bareSurname(mention) !== expected;
      const renameIn = (text: string, mentions: readonly ReferenceRange[]): RenameReplacement[] => {
        const edits: RenameReplacement[] = [];
        for (const m of mentions) {
          if (m.kind !== 'name' || m.end > text.length) continue;
          const old = text.slice(m.start, m.end);
          // A name is whole words: a file changed on disk since it was indexed (a character added above) showed
          // ` Sergei Lavro` at the old offsets, near enough the name for the check below, and the edit garbled it.
          if (!isWholeWords(text, m.start, m.end)) continue;
          if (isPerson && !similarNameWord(names.bareSurname(old), expected) && !hit.actor.mentions.some((x) => x.text === old)) continue;
          if (!isPerson && normalizeName(old) !== normalizeName(hit.mention.text) && !hit.actor.spellings.includes(old)) continue;
          const replacement = isGivenNameAlone(old) ? (newGiven ?? old) : isPerson ? renamedPersonMention(old, name, names, newIsFull) : name;
          if (replacement !== old) edits.push({ range: { start: m.start, end: m.end }, newText: replacement });
        }
        return edits;
      };
      const renames: ArticleRename[] = [{ uri: document.uri, version: document.version, edits: renameIn(document.getText(), hit.actor.mentions) }];
      const open = new Map(openDocuments.map((d) => [d.uri, d]));
      for (const other of elsewhere(document, hit.actor, openDocuments, token)) {
        const text = open.get(other.uri)?.getText() ?? readText(other.uri);
        if (text === undefined) continue;
        const edits = renameIn(text, other.mentions);
        if (edits.length > 0) renames.push({ uri: other.uri, ...(other.version !== undefined ? { version: other.version } : {}), edits });
      }
      return renames.filter((r) => r.edits.length > 0);
    },

    /** The URIs of every indexed article. */
    indexedArticles(): string[] {
      return [...workspace.uris()];
    },

    /** Actors and quotes across the workspace whose words match the query. */
    searchWorkspace(query: string, limit?: number): WorkspaceSearchHit[] {
      return workspace.search(query, limit);
    },

    /**
     * Who a pronoun or nominal refers to, as a hint after it: `he (Kerry) said`, `The foreign
     * minister (Lavrov) said`. Optionally only within `range`.
     */
    getSpeakerHints(document: NavigationDocument, range?: OffsetRange, settings?: ArticleSettings, token?: Signal): SpeakerHint[] {
      const hints: SpeakerHint[] = [];
      for (const actor of analyze(document, settings, token).actors) {
        for (const m of actor.mentions) {
          if (m.kind === 'name' || (range && (m.end < range.start || m.end > range.end))) continue;
          const role = actor.roles[0] ? ` (${actor.roles[0]})` : '';
          hints.push({ offset: m.end, label: `(${names.shortNameOf(actor.name)})`, tooltip: `“${m.text}” refers to ${actor.name}${role}` });
        }
      }
      return hints.sort((a, b) => a.offset - b.offset);
    },

    /** People whose name is spelled two ways in this document. */
    getNameVariants(document: NavigationDocument, settings?: ArticleSettings, token?: Signal): NameVariant[] {
      return findNameVariants(analyze(document, settings, token).actors, names);
    },

    /**
     * The name variants when this version is already analysed, else undefined: diagnostics run on
     * every keystroke from the cheap paragraph layer and must not force a full analysis.
     */
    getNameVariantsIfAnalysed(document: NavigationDocument): NameVariant[] | undefined {
      return isAnalysed(document) ? findNameVariants(analyze(document).actors, names) : undefined;
    },
  };
}

/**
 * Why `newName` cannot be an actor's new name, in a sentence for the person who typed it, or
 * undefined when it can: an empty name would delete every mention, and so would one of invisible
 * characters alone (a zero-width space, a soft hyphen); a line break or another control character
 * would split or garble each line the name is written on, and a bidirectional embedding, override
 * or isolate would print the rest of each such line in another order.
 */
export function newNameProblem(newName: string): string | undefined {
  if (newName.trim() === '') return 'The new name is empty: type the name the actor should have.';
  if (/[\n\r\u0085\u2028\u2029]/.test(newName)) return 'The new name contains a line break: a name is written on one line.';
  const control = /\p{Cc}/u.exec(newName);
  if (control) return `The new name contains a control character (U+${codePointOf(control[0])}): type the name as it should be printed.`;
  // Format characters (\p{Cf}: zero-width space and joiners, soft hyphen, word joiner) print as nothing.
  if (!/[^\s\p{Cf}]/u.test(newName)) return 'The new name has no visible character: every mention would vanish. Type the name the actor should have.';
  // Half of a character (an unpaired surrogate) is written to UTF-8 as U+FFFD: the name would be saved damaged.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(newName)) return 'The new name contains half of a character (an unpaired surrogate): type the name again.';
  const reordering = /[\u202A-\u202E\u2066-\u2069]/.exec(newName);
  if (reordering) return `The new name contains a character that changes the direction of the text (U+${codePointOf(reordering[0])}): the rest of each line with the name would print in another order.`;
  return undefined;
}

/** A character's code point as four or more upper-case hexadecimal digits (`0000`, `202E`). */
function codePointOf(character: string): string {
  return character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * A person mention split into an honorific before it (with the white space after it) and the name itself, both as
 * written: a rename changes the words it renames and no separator (`John\u00a0Kerry` kept its no-break space).
 */
function withoutHonorific(mention: string, names: PersonNames): { honorific: string; rest: string } {
  const trimmed = mention.trim();
  const first = /^(\S+)\s+(?=\S)/.exec(trimmed);
  if (first && names.vocabulary.isHonorific(first[1])) return { honorific: first[0], rest: trimmed.slice(first[0].length) };
  return { honorific: '', rest: trimmed };
}

/** Where the surname ({@link PersonNames.shortNameOf}, particles included) starts in `name` as written. */
function surnameStart(name: string, names: PersonNames): number {
  const words = [...name.matchAll(/\S+/g)];
  const surnameWords = names.shortNameOf(name).split(' ').length;
  return words[Math.max(0, words.length - surnameWords)]?.index ?? 0;
}

/**
 * The new text of one person mention: a full name becomes the new full name, a surname alone the
 * new surname (`Lavrov` → `Lavrova`), and a new surname alone keeps the mention's given names
 * (`Sergei Lavrov` → `Sergei Lavrova`). An honorific before the name stays. `newIsFull` says the
 * new name is a full name even when it looks like a surname alone: the rename typed it over a full
 * name (`Sergei Lavrov` → `Sergei` makes full names `Sergei`, not `Sergei Sergei`).
 */
export function renamedPersonMention(old: string, newName: string, names: PersonNames, newIsFull = names.isFullName(newName)): string {
  const { honorific, rest } = withoutHonorific(old, names);
  const newSurname = names.shortNameOf(newName);
  if (names.isFullName(rest)) {
    if (newIsFull) return honorific + newName;
    return `${honorific}${rest.slice(0, surnameStart(rest, names))}${newSurname}`;
  }
  // A surname with its particles ("de Mistura") takes the new one's particles; a bare one its last word.
  const words = rest.split(/\s+/);
  const bare = words.length > 1 && names.shortNameOf(rest) === words.join(' ') ? newSurname : newSurname.split(' ').pop()!;
  return honorific + (newIsFull ? bare : newName);
}
