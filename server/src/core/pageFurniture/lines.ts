/**
 * What one paragraph is, read on its own: a furniture line by its wording (`Share this:`, `Post a
 * Comment`, `Follow Pam Key on Twitter @pamkeyNEN.`, `Getty Images`, `Advertisement`), the heading of
 * a teaser or a list of related stories (`Check Also`, `Related:`), a credit (`By Jane Doe`, `Wolf
 * reported from Washington.`), or a name alone. Whether a heading's following lines or a name alone
 * are furniture depends on where they are: `find.ts` decides.
 *
 * The patterns are general forms seen over the PolNeAR articles and the seed articles, not their
 * strings; `syntaxes/article.tmLanguage.json` marks the single-line forms the same way (a test keeps
 * the two in step).
 *
 * Removing furniture deletes the line, so a form that a sentence of the story can also take must
 * show what furniture has and a story sentence has not: a credit names a place and nothing more
 * (`Wolf reported from Washington.`, not `Kerry reported from Geneva that the talks had stalled.`);
 * a call to share or follow says where (a platform, a newsletter, a handle, `here`), or is only the
 * call; whom to follow is a name or a handle; a notice opens its sentence (`Copyright © 2015 …`,
 * not `… filed copyright claims in 2015 …`); a picture credit is a name and the agency, the whole
 * line or a caption's closing brackets. A line that reports speech (`said`, `told`) is the story.
 */
import type { TextSlice } from '../types';
import { isPersonName, namesIn, type FurnitureLexicon } from './names';

/** Kinds of page furniture. */
export type FurnitureKind =
  /** A line naming the article's author(s): `By Jane Doe`, a name alone at the end, `X reported from Washington.` */
  | 'byline'
  /** A note on the author at the end of an opinion piece: `Jane Doe is a columnist for …` */
  | 'author-bio'
  /** A teaser for another article: `Check Also`, its headline and the start of its text. */
  | 'teaser'
  /** A list of other articles: `Related:` and headlines, or `Read the rest of the story here.` */
  | 'related'
  /** Sharing, following, subscribing: `Share this:`, `Follow X on Twitter @x`, `Sign up to …` */
  | 'share'
  /** The comments section: `No comments:`, `Post a Comment`, comment widgets. */
  | 'comments'
  /** Picture credits and captions, pointers to video or audio: `Getty Images`, `Watch the video above.` */
  | 'media'
  /** Credits of the text: `(h/t Mediaite.)`, `Copyright © 2015 …`, `Reprinted with permission`. */
  | 'credit'
  /** `Advertisement`, `Story continues below`. */
  | 'advertisement'
  /** A section label among other furniture: `English Bulletin`. */
  | 'label';

/** What a paragraph reads as on its own. */
export type LineReading =
  | {
      readonly kind: FurnitureKind;
      readonly authors: readonly TextSlice[];
      /**
       * Where the story takes over inside the line (an offset in the paragraph's text, so that a reading cached for
       * the text holds wherever the paragraph moves), when only the line's start is furniture:
       * a live blog's comment widget glued to the heading of the next entry (`…FlagShareLikeReply…10:57PMJeb Bush
       * Hits Marco Rubio`). Removing the furniture then deletes the widget, not the heading.
       */
      readonly storyFrom?: number;
    }
  /** `- Jane Doe`: a byline, unless it signs the quotation just above. */
  | { readonly kind: 'signature'; readonly authors: readonly TextSlice[] }
  /** `Wolf reported from Washington.`: a byline, unless the story names a reporter (`Lavrov reported from Moscow.`). */
  | { readonly kind: 'reporters'; readonly authors: readonly TextSlice[] }
  /** `Twitter.`: the platform a picture comes from, unless it heads readers' posts signed by their handles (`@jdoe.`). */
  | { readonly kind: 'platform' }
  | { readonly kind: 'teaser-heading' | 'related-heading' | 'name' | 'short' };

const NONE: readonly TextSlice[] = [];

const TEASER_HEADING = /^(?:check also|read also|also read|see also|also see|don'?t miss|must read|read next|up next)\s*:?$/i;
const RELATED_HEADING =
  /^"?(?:related(?: articles?| stories| posts?| coverage| content| links| news| reading| videos?)?|more (?:stories|news|coverage|from [\p{L} .’'&-]{2,40}|on (?:this|[\p{L} .’'&-]{2,40}))|recommended(?: for you| stories| reading)?|you (?:may|might) also like|(?:most|more) (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular (?:now|stories)|editor'?s picks?|further reading|online)\s*:?"?\.?$/iu;
const RELATED_LINE = /^(?:read (?:the |it )?(?:rest|full|whole|all|more)\b.{0,60}(?:here|at [\p{L} .’'&-]{2,40})|continue reading\b.{0,40}|read more\b.{0,60}|(?:https?:\/\/|www\.)\S+)\s*[.:]?$/iu;
const COMMENTS =
  /^(?:no comments?|\d+ comments?|comments?(?: \(\d+\))?|post a comment|leave a (?:comment|reply)|add (?:a )?comment|join the (?:conversation|discussion)|show (?:more )?comments|view (?:all )?comments|comments are closed)\s*:?\.?$/iu;
/** A comment widget's buttons scraped into one word: furniture on a line of its own, never inside a block of the story's lines. */
const WIDGET = /(?:Flag)?ShareLikeReply/iu;
/**
 * Where a share, follow or subscribe call sends the reader: a platform, a newsletter or podcast, a
 * page, an address or handle, a link (`here`, `below`). `Like us, Russia wants …` and `Follow me to
 * the border` name none: they are sentences that open with the same verbs.
 */
const CHANNEL = /\b(?:twitter|facebook|instagram|youtube|linkedin|itunes|soundcloud|rss|newsletters?|podcasts?|e-?mails?|updates|alerts|page|here|below|above)\b|[@#]\w|https?:\/\/|www\./iu;
/** A call alone (`Share this:`, `Follow us`, `Sign up now!`): at most this many words. */
const BARE_CALL_WORDS = 3;
const SHARE =
  /^(?:share (?:this|on|via|the|article|story)\b.{0,40}|share and comment\b.{0,30}|share|tweet(?: this)?|email(?: this)?|print(?: this)?|like (?:us|the page|our page)\b.{0,40}|follow (?:us|me)\b.{0,60}|subscribe\b.{0,120}|sign up\b.{0,120}|send (?:news )?tips\b.{0,160}|click here\b.{0,100}|get (?:our|the) [\p{L} ]{0,30}newsletter\b.{0,60}|(?:on )?twitter\s*:\s*@\w+\.?|\(?subscribe to\b.{0,120})$/iu;
/** `Do you support Donald Trump? Like the page:` and `… Share and comment below.`: the call ends the paragraph. */
const SHARE_ENDING = /(?:\blike (?:the|our) (?:facebook )?page|\bshare and comment below|\bfollow us on (?:twitter|facebook)|\bsign up for (?:the |our |his |her |their )?[\p{L}’' ]{0,40}newsletter\b.{0,40}|^enter your email(?: address)?)\s*[.:!]?$/iu;
/** `Follow Pam Key on Twitter @pamkeyNEN.`, `On Twitter follow Ken Thomas https://…`: names the author. */
const FOLLOW = /^(?:on twitter,? follow\s+(.{3,160}?)|follow\s+(.{3,120}?)\s+(?:on|at)\s+(?:twitter|facebook|instagram)\b.{0,160})$/iu;
/** Pointers to media and picture captions (`Watch the video above.`, `Photo: …`); an agency's credit line is {@link agencyCreditLine}. */
const MEDIA =
  /^(?:(?:watch|listen to|see|view)\b.{0,80}\b(?:video|clip|interview|segment|ad|episode|podcast|footage|remarks|speech|moment|analysis|audio)s?\b.{0,60}\b(?:above|below|here)\b.{0,100}|\(?(?:photo|image|picture|video|graphic)s?(?: credit)?\s*:.{0,80})$/iu;
/** The agency or platform a picture-credit line opens with (`Getty Images / Jane Doe`, `AP Photo/Evan Vucci`, `Reuters`). */
const CREDIT_AGENCY = /^(?:getty(?: images)?|ap(?: photo)?|reuters|afp|epa|shutterstock|instagram|twitter|youtube)/iu;
/** A platform named alone (`Twitter.`, `YOUTUBE`): a picture's credit or the heading of posts taken from it ({@link LineReading}). */
const PLATFORM_ALONE = /^(?:instagram|twitter|youtube)\s*\.?$/iu;
/** What a part of a credit after the agency holds: letters, full stops and spaces (case-insensitive, as the agency). */
const CREDIT_PART_CHARS = /^[\p{L}. ]*$/iu;
/** The most characters (code points) of a part of a credit after the agency. */
const CREDIT_PART_MAX = 40;
/**
 * A picture agency after who took or supplied the picture: the whole line (`Scott Olson via Getty
 * Images.`, `Handout/Reuters.`) or a caption's closing brackets (`(FABRICE COFFRINI/AFP/Getty
 * Images.)`); group 1 or 2 is the supplier, which must read as a name ({@link SUPPLIER}), so `… and
 * later confirmed via Reuters.` is no credit.
 */
const AGENCY = String.raw`(?:getty(?: images)?|ap(?: photo| images)?|reuters|afp|epa|shutterstock|corbis|bloomberg)`;
const AGENCY_CREDIT = new RegExp(String.raw`^([^,;:()]{2,80}?)(?:\s+via\s+|\s*\/\s*)${AGENCY}\s*\.?$|\((?:([^()]{2,80}?)(?:\s+via\s+|\s*\/\s*))?${AGENCY}\s*\.?\)\.?$`, 'iu');
/** Who supplied a picture: capitalised words, slashes between suppliers (`Jim Urquhart`, `POOL New`, `FABRICE COFFRINI/AFP`). */
const SUPPLIER = /^\p{Lu}[\p{L}.'’&-]*(?:(?:\s+|\s*\/\s*)\p{Lu}[\p{L}.'’&-]*)*$/u;
/** Pointers to embedded audio or video anywhere in a short paragraph. */
const EMBEDDED = /\bembedded (?:above|below)\b/iu;
/** `(h/t Mediaite.)`, `h/t: The Hill.`, `Source: NATO.` */
const HAT_TIP = /^\(?h\/t\b.{0,60}$|^source:\s.{2,60}$/iu;
/**
 * A sentence of a copyright or reprint notice, which opens with it: `Copyright © 2015 by …`, `© 2016
 * …`, `All rights reserved.`, `Reprinted courtesy of …`. A story sentence can hold the same words
 * further on (`The studio filed copyright claims in 2015 …`, `… reprinted with the senator's
 * permission …`, `… with all rights reserved to the coastal states …`).
 */
const NOTICE = /^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s*(?:©|\(c\))|©\s*\d{4}|all rights reserved\b|(?:reprinted|republished) (?:with permission|by permission|courtesy)\b)/iu;
/** The source of an excerpt, beside its notice: `From STEALING AMERICA by Dinesh D’Souza.` */
const EXCERPT_SOURCE = /^(?:(?:[Ee]xcerpted|[Aa]dapted) from|From)\s.{2,100}?\sby\s\p{Lu}[^.]*(?:\.\s*\p{Lu}[^.]*)*\.?$/u;
/** Sentences of a line: after `.`, `!` or `?` and a space, before a capital or `©` (not after an initial: `Dinesh D. Souza`). */
const SENTENCE_BREAK = /(?<=(?:\p{Ll}|[\d)”’"])[.!?])\s+(?=[\p{Lu}©])/u;
/**
 * Reported speech: `… to end, he said.`, `…, Trump told the crowd.`, `according to …`. Furniture
 * reports nobody (over PolNeAR train + dev no furniture line holds these words in lower case).
 */
const REPORTED_SPEECH = /\b(?:said|says|told|tells|according to)\b/u;
/** An embedded post left as an empty placeholder: `<tweet tweet-id="…"><tweet/>.` */
const EMBED_PLACEHOLDER = /^<(tweet|embed|iframe|video)\b[^>]*>\s*<\/?\1\s*\/?>\.?$/iu;
/**
 * `Facebook/Leaders’ College.`: a picture taken from a platform, with whose page or account it is (capitalised
 * words, a possessive's apostrophe). The slash straight after the platform's name is what no sentence has.
 */
const PLATFORM_CREDIT = /^(?:Facebook|FACEBOOK|Twitter|TWITTER|Instagram|INSTAGRAM|YouTube|Youtube|YOUTUBE|Flickr|FLICKR)\s*\/\s*\p{Lu}[\p{L}\d'’.&-]*(?:\s+\p{Lu}[\p{L}\d'’.&-]*){0,5}\.?$/u;
/** `Samantha-Jo Roth/HuffPost.`: a picture credit, a name and where the picture comes from. */
const CREDIT = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*\/\s*[\p{L}. ]{2,40}\.?$/u;
/**
 * A line that ends as a sentence or a clause does, so no label: with a mark, a closing quotation mark or
 * bracket, or a sentence's mark inside ASCII single quotes, as PolNeAR's texts quote (`'It's over.'`,
 * `''We'll see.''`); a word's own apostrophe (`Voters'`) does not close it.
 */
const CLOSED = /[.!?:;,"”’)]$|[.!?,]'+$/u;
const ADVERTISEMENT = /^(?:advertisement|advert|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading the main story|skip (?:ad|advertisement))\s*\.?$/iu;
const BY = /^by\s+(.+?)\s*\.?$/iu;
const SIGNATURE = /^[-—–]\s*(.+?)\.?$/u;
/**
 * Where a reporter filed from: a place name, capitalised words with commas between them (`Oakland,
 * Calif.`, `Washington, D.C.`, `Kaneohe Bay, Hawaii`, `the United Nations`) and nothing more. `in a
 * letter to Congress that …` or `from Geneva that the talks had stalled` is the story.
 */
const PLACE = String.raw`(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{Lu}[\p{L}'’.-]*)*`;
/** The end of a credit sentence: a full stop or semicolon, the line's end, or `, and` before another reporter. */
const CREDIT_END = String.raw`\s*(?:[.;]\s+|,\s+(?=and\s)|[.;]?$)`;
/**
 * A credit sentence: who reported or contributed (`Associated Press writer X contributed to this
 * report.`, `Wolf reported from Washington.`). Case-sensitive, so that {@link PLACE} is capitalised.
 */
const CONTRIBUTED = new RegExp(
  String.raw`^(?:(?:[Tt]he )?(?:Associated Press|AP|Reuters|AFP|\p{Lu}\p{L}+ (?:Times|Post|News))?\s*(?:[Ss]taff )?(?:writers?|reporters?|correspondents?)\s+)?(.+?),?\s+(?:also\s+)?(?:contributed(?: reporting| to this (?:report|story|article))?|reported)(?:\s+(?:from|in)\s+${PLACE})?${CREDIT_END}`,
  'u',
);
/** A further reporter of the same credit, the verb left out: `; Gearan, from Washington.`, `, and Mark Landler and Coral Davenport from Kaneohe Bay, Hawaii.` */
const ELLIPTIC_CREDIT = new RegExp(String.raw`^(?:and\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and))*),?\s+from\s+${PLACE}${CREDIT_END}`, 'u');
/** The longest paragraph read as a furniture line. */
export const MAX_LINE = 300;
/**
 * A paragraph of more than {@link QUICK_WORDS} words that ends a sentence is furniture only when it
 * opens with one of {@link OPENERS} or holds one of {@link CUES}: plain string tests that rule out
 * most of an article's paragraphs before any pattern runs (furniture is read on every keystroke).
 */
const QUICK_WORDS = 12;
const OPENERS = new Set(['follow', 'on', 'share', 'subscribe', '(subscribe', 'sign', 'send', 'click', 'get', 'like', 'watch', 'listen', 'see', 'view', 'read', 'continue', 'by', 'for', 'want', 'enter', 'photo', '(photo', 'image', 'video', 'source:', 'h/t', '(h/t', 'twitter:']);
const CUES = ['contributed', 'reported', 'Getty', 'Reuters', 'AFP', 'AP Photo', 'embedded', 'opyright', '©', 'eprinted', 'ights reserved', 'ShareLikeReply', 'ike the page', 'hare and comment', 'ewsletter', 'ollow us', 'h/t', ' via ', 'Twitter'];
/** Any of {@link CUES}: one scan of the line instead of one per cue (most paragraphs hold none). */
const ANY_CUE = new RegExp(CUES.map((cue) => cue.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));

/** False when a long paragraph that ends a sentence has nothing that furniture lines have. */
function mayBeFurniture(line: string): boolean {
  if (!closesSentence(line) || !hasMoreSpaces(line, QUICK_WORDS - 1)) return true;
  const space = line.indexOf(' ');
  if (OPENERS.has((space < 0 ? line : line.slice(0, space)).toLowerCase())) return true;
  return ANY_CUE.test(line);
}

/**
 * True when a line ends as a sentence does: a full stop, `!` or `?`, closing quotation marks and brackets after it
 * allowed (`… he said.”`, `(See the full list.)`). One test for the line readings here and the headlines of `find.ts`.
 */
export function closesSentence(line: string): boolean {
  return /[.!?]["”’)]*$/.test(line);
}

/** True when `line` has more than `count` spaces (U+0020): more than `count + 1` words as `split(' ')` counts them, without making them. */
function hasMoreSpaces(line: string, count: number): boolean {
  let seen = 0;
  for (let at = line.indexOf(' '); at >= 0; at = line.indexOf(' ', at + 1)) if (++seen > count) return true;
  return false;
}

/**
 * A comment widget's buttons and the time stamp of a live blog's entry after them (`FlagShareLikeReplyAni Vrabel
 * 5ptsmoderatorFeaturedFebruary 6, 2016 10:57PM`): scraped without line breaks, the next entry's heading follows
 * on the same line. The time is the entry's stamp, after its date's year: a time in the story after a widget without
 * a stamp (`… the debate began at 8:05 PM`) is no end of the widget.
 */
const WIDGET_THEN_TIME = /(?:Flag)?ShareLikeReply.*?\b(?:19|20)\d{2},?\s*\d{1,2}:\d{2}\s?[AP]\.?M\.?(?!.*ShareLikeReply)/iu;

/**
 * The most characters before a comment widget's buttons in a paragraph longer than {@link MAX_LINE}: the
 * commenter's name (`Zach Carter`), not a sentence of the story.
 */
const MAX_BEFORE_WIDGET = 60;

/**
 * A paragraph too long to read as a line that opens with a comment widget and its time stamp: the entry's
 * heading and a picture's caption follow on the same line (`…FlagShareLikeReply…10:14PMBuddiesASSOCIATED
 * PRESSOhio Gov. John Kasich shakes hands …`). Only the widget is furniture; only its start is read.
 */
function widgetOpening(text: string): LineReading | undefined {
  const head = text.slice(0, MAX_LINE);
  const widget = WIDGET.exec(head);
  if (!widget || widget.index > MAX_BEFORE_WIDGET || /[.!?\r\n]/.test(head.slice(0, widget.index))) return undefined;
  const story = storyAfterWidget(head);
  return story === undefined || /[\r\n]/.test(head.slice(0, story)) ? undefined : { kind: 'comments', authors: NONE, storyFrom: story };
}

/**
 * Offset in `line` of the heading glued after a widget's time stamp (letters, not another widget), or
 * undefined; the headline reading (`headlines.ts`) reads the heading from there.
 */
export function storyAfterWidget(line: string): number | undefined {
  const widget = WIDGET_THEN_TIME.exec(line);
  if (!widget) return undefined;
  const end = widget.index + widget[0].length;
  const rest = line.slice(end);
  const lead = rest.length - rest.trimStart().length;
  return /\p{L}{2}/u.test(rest) ? end + lead : undefined;
}

/** Reads one paragraph (`start` is its offset in the document, for the authors' offsets). */
export function readLine(text: string, start: number, lexicon: FurnitureLexicon): LineReading | undefined {
  if (text.length > MAX_LINE + 20) return widgetOpening(text);
  let line = text.trim();
  // A stray quotation mark around a whole line (transcripts quote every line) is not part of it.
  if (line.startsWith('"') || line.startsWith('“')) line = line.replace(/^["“](?=[^"“”]*["”]?$)/u, '').replace(/(?<=^[^"“”]*)["”]$/u, '').trim();
  if (line.length === 0) return undefined;
  if (line.length > MAX_LINE) return widgetOpening(text);
  if (!mayBeFurniture(line)) return undefined;
  const at = start + text.indexOf(line);
  if (TEASER_HEADING.test(line)) return { kind: 'teaser-heading' };
  if (RELATED_HEADING.test(line)) return { kind: 'related-heading' };
  if (COMMENTS.test(line) || (WIDGET.test(line) && !/[\r\n]/.test(line))) {
    const story = storyAfterWidget(line);
    return story === undefined ? { kind: 'comments', authors: NONE } : { kind: 'comments', authors: NONE, storyFrom: at - start + story };
  }
  if (ADVERTISEMENT.test(line)) return { kind: 'advertisement', authors: NONE };
  // Comment widgets quote readers; any other line that reports speech is the story's.
  if (reportsSpeech(line)) return undefined;
  if (RELATED_LINE.test(line)) return { kind: 'related', authors: NONE };
  const follow = FOLLOW.exec(line);
  if (follow) {
    // Whom to follow names the author: the capitalised words before "on Twitter", after any
    // description (`Follow Breitbart News reporter Lee Stranahan on Twitter`), one or two of them.
    // Addresses are not names: `On Twitter follow Ken Thomas https://twitter.com/KThomasDC and …`.
    const who = (follow[1] ?? follow[2]).replace(/\s*(?:https?:\/\/|@)\S+/g, (m) => ' '.repeat(m.length));
    const whoAt = at + line.indexOf(who);
    const authors: TextSlice[] = [];
    for (const part of who.matchAll(/[^,]+?(?=\s+and\s+|,|$)/g)) {
      const run = /(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]*$/u.exec(part[0].trim());
      if (!run) continue;
      const offset = whoAt + part.index + part[0].indexOf(part[0].trim()) + run.index;
      authors.push({ start: offset, end: offset + run[0].length, text: run[0] });
    }
    // Whom to follow is someone named or a handle: `Follow the money on Twitter and …` is no such line.
    const whom = (follow[1] ?? follow[2]).trimStart();
    if (/^[\p{Lu}@#]/u.test(whom) && (authors.length > 0 || /[@#]\w/.test(whom))) return { kind: 'share', authors };
  }
  if ((SHARE.test(line) && (CHANNEL.test(line) || !hasMoreSpaces(line, BARE_CALL_WORDS - 1))) || SHARE_ENDING.test(line)) return { kind: 'share', authors: NONE };
  if (PLATFORM_ALONE.test(line)) return { kind: 'platform' };
  if (MEDIA.test(line) || agencyCreditLine(line) || (line.length <= 200 && (agencyCredit(line) || EMBEDDED.test(line)))) return { kind: 'media', authors: NONE };
  if (HAT_TIP.test(line) || copyrightNotice(line)) return { kind: 'credit', authors: NONE };
  if (EMBED_PLACEHOLDER.test(line) || PLATFORM_CREDIT.test(line)) return { kind: 'media', authors: NONE };
  const credit = CREDIT.exec(line);
  if (credit && isPersonName(credit[1], lexicon)) return { kind: 'media', authors: NONE };
  const by = BY.exec(line);
  if (by) {
    const authors = onlyNames(by[1], at + line.indexOf(by[1]), lexicon, false, true);
    if (authors) return { kind: 'byline', authors };
  }
  const signature = SIGNATURE.exec(line);
  if (signature && isPersonName(signature[1], lexicon)) return { kind: 'signature', authors: namesIn(signature[1], at + line.indexOf(signature[1]), lexicon) };
  const contributors = contributorNames(line, at, lexicon);
  if (contributors) return { kind: 'reporters', authors: contributors };
  if (isPersonName(line, lexicon)) return { kind: 'name' };
  if (line.split(/\s+/).length <= 4 && /\p{L}/u.test(line) && !CLOSED.test(line)) return { kind: 'short' };
  return undefined;
}

/** True when the line reports speech: a sentence of the story, whatever it opens with. */
export function reportsSpeech(line: string): boolean {
  return REPORTED_SPEECH.test(line);
}

/**
 * A picture-credit line that opens with the agency: `Getty Images`, `Getty Images / Jane Doe`, `AP
 * Photo/Evan Vucci.`, `AP / John Smith of the Associated Press staff`: after the agency,
 * parts between slashes of 2 to {@link CREDIT_PART_MAX} letters, full stops and spaces, then an
 * optional full stop and closing bracket. As `agency(?:\s*\/\s*[\p{L}. ]{2,40})*\s*\.?\)?$` reads,
 * but part by part: as one pattern, a line that fails (a share bar: `Twitter / Facebook / … / More
 * (12)`) was tried every way of sharing its spaces between parts (14 parts: over a minute).
 */
export function agencyCreditLine(line: string): boolean {
  const agency = CREDIT_AGENCY.exec(line);
  if (!agency) return false;
  const parts = line.slice(agency[0].length).split('/');
  let last = parts.pop()!;
  if (last.endsWith(')')) last = last.slice(0, -1);
  if (parts.length === 0) return /^\s*\.?$/.test(last);
  // Only white space between the agency and the first slash.
  if (parts[0].trim().length > 0) return false;
  for (let i = 1; i < parts.length; i++) if (!isCreditPart(parts[i])) return false;
  // The closing full stop is the last part's own (`J.`) or follows it (after a part of 40 letters).
  return isCreditPart(last) || (last.endsWith('.') && isCreditPart(last.slice(0, -1)));
}

/**
 * A part of an agency's credit line between slashes (white space around it allowed): 2 to {@link
 * CREDIT_PART_MAX} letters, full stops and spaces, the spaces beside the part included (so `Reuters /
 * J` is a credit, as it was when one pattern read the line, and `Reuters/J` is not).
 */
function isCreditPart(part: string): boolean {
  const core = part.trim();
  if (!CREDIT_PART_CHARS.test(core)) return false;
  const size = codePoints(core);
  if (size > CREDIT_PART_MAX) return false;
  if (size >= 2) return true;
  if (size === 0) return part.includes('  ');
  const at = part.indexOf(core);
  return part[at - 1] === ' ' || part[at + core.length] === ' ';
}

/** The number of code points of `text` (a letter outside the BMP is one, as a `u` pattern counts it). */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    count++;
  }
  return count;
}

/** A picture credit (see {@link AGENCY_CREDIT}): the agency after a supplier that reads as a name, or alone in a caption's brackets. */
function agencyCredit(line: string): boolean {
  const credit = AGENCY_CREDIT.exec(line);
  if (!credit) return false;
  const supplier = credit[1] ?? credit[2];
  return supplier === undefined || SUPPLIER.test(supplier.trim());
}

/** A line made only of a copyright or reprint notice and the source of the excerpt it closes. */
function copyrightNotice(line: string): boolean {
  const sentences = line.split(SENTENCE_BREAK);
  return sentences.some((s) => NOTICE.test(s)) && sentences.every((s) => NOTICE.test(s) || EXCERPT_SOURCE.test(s));
}

/**
 * Names of a credit line made only of credit sentences (`Phillip reported from Oakland, Calif.;
 * Gearan, from Washington.`), or undefined when any sentence says something else.
 */
function contributorNames(line: string, at: number, lexicon: FurnitureLexicon): TextSlice[] | undefined {
  if (!/\b(?:contributed|reported)\b/i.test(line)) return undefined;
  const authors: TextSlice[] = [];
  let rest = line;
  let offset = at;
  while (rest.length > 0) {
    const credit = CONTRIBUTED.exec(rest);
    // `; Gearan, from Washington.`: a second reporter in the same credit.
    const elliptic = credit || authors.length === 0 ? undefined : ELLIPTIC_CREDIT.exec(rest);
    const match = credit ?? elliptic;
    if (!match) return undefined;
    const at = offset + rest.indexOf(match[1]);
    // The reporters after the first credit are names by their place in it (`Coral Davenport`, whose given name no list knows).
    const names = credit ? onlyNames(match[1], at, lexicon, true, false) : capitalisedRuns(match[1], at);
    if (!names) return undefined;
    authors.push(...names);
    offset += match[0].length;
    rest = rest.slice(match[0].length);
  }
  return authors.length > 0 ? authors : undefined;
}

/** The parts of a list (`Mark Landler and Coral Davenport`) when each is one to four capitalised words, else undefined. */
function capitalisedRuns(list: string, at: number): TextSlice[] | undefined {
  const runs: TextSlice[] = [];
  for (const part of list.matchAll(/[^,]+?(?=\s+and\s+|,|$)/g)) {
    const text = part[0].replace(/^\s*(?:and\s+)?/, '');
    if (!/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(text)) return undefined;
    const start = at + part.index + part[0].length - text.length;
    runs.push({ start, end: start + text.length, text });
  }
  return runs.length > 0 ? runs : undefined;
}

/**
 * The names of a list that holds nothing else (`Jane Doe and John Roe`, `Jane Doe, Reuters` when
 * `outletLast`), or undefined: `By contrast, Daniel Hamermesh, a labor economist …` is no byline.
 */
function onlyNames(list: string, at: number, lexicon: FurnitureLexicon, surnamesToo: boolean, outletLast: boolean): TextSlice[] | undefined {
  const names = namesIn(list, at, lexicon, surnamesToo);
  const parts = list.split(/\s*(?:,|;|&|\band\b)\s*/).filter((p) => p.trim().length > 0);
  const outlet = outletLast && parts.length > 1 && /^(?:the\s+)?\p{Lu}[\p{L}.&’'-]*(?:\s+\p{Lu}[\p{L}.&’'-]*){0,3}\.?$/u.test(parts[parts.length - 1]) ? 1 : 0;
  return names.length > 0 && names.length >= parts.length - outlet ? names : undefined;
}
