import { readListFile, readOrFail, type DataSource } from '../dataSource';
import { loadNameHeads } from '../nameLexicon';
import { loadVocabulary } from '../vocabulary';
import { tokenize } from '../tokenize';
import { WordClusters } from './clusters';
import { charClass, hashLower, mix } from './hash';
import { HashTable } from './hashTable';

/**
 * Name lists the tagger uses as features (never as the final word: the model weighs them against
 * context). Each list is a data file under `server/data/ner/`; phrases are tokenised with the runtime
 * tokeniser so that `al-Nusra`, `U.S.` or `Co-operation` match the way the text is split.
 */

/** The lists, in bit order. The order is part of the model's features: append, never reorder. */
export const GAZETTEER_FILES = [
  'countries.txt',
  'cities.txt',
  'nationalities.txt',
  'organizations.txt',
  'agencies.txt',
  'firstnames.txt',
  'lastnames.txt',
  'people.txt',
] as const;

/** Bits of the lists in {@link GAZETTEER_FILES}. */
export const LIST_BIT = { countries: 1, cities: 2, nationalities: 4, organizations: 8, agencies: 16, firstnames: 32, lastnames: 64, people: 128 } as const;

/** The word clusters' file under `server/data/ner/` (see {@link WordClusters}). */
export const CLUSTER_FILE = 'clusters.tsv';

/** The embedding clusters' file under `server/data/ner/`: lower-cased words, classes of their GloVe vectors. */
export const EMBEDDING_CLUSTER_FILE = 'embedding-clusters.tsv';

/** Longest phrase (in tokens) we try to match; longer list entries are ignored. */
export const MAX_PHRASE = 8;
const PHRASE_SEED = 0x3c6ef372;

/** Compiled gazetteers: phrase hashes to list bits, plus the cue-word lists. */
export class Gazetteers {
  // The hash-keyed lists below are typed tables, not a Map or Set of numbers: hashTable.ts says why.
  /** Hash of a full phrase → bit mask of the lists containing it (never 0). */
  private readonly phrases = new HashTable();
  /** Hashes of proper prefixes of phrases, so matching stops as soon as no phrase can continue. */
  private readonly prefixes = new HashTable();
  /** Lower-case hashes of title and role words (`minister`, `dr.`, `envoy`). */
  readonly titles = new HashTable();
  /** Lower-case hashes of the head nouns of bodies whose names go on with `of` or `for` (`Institute of California`; `name-heads.tsv`). */
  readonly institutionHeads = new HashTable();
  /** Lower-case hashes of the head nouns of bodies whose names go on with `on` (`Committee on Taxation`; `name-heads.tsv`). */
  readonly topicHeads = new HashTable();
  /** Lower-case hashes of the head nouns that end organisations' names (`Press`, `News`, `Committee`; `name-heads.tsv`). */
  readonly organizationHeads = new HashTable();
  /** Lower-cased strings that are never reported as entities (page furniture, function words). */
  readonly nonEntities = new Set<string>();
  /** Lower-case hashes of words news text writes in lower case (`lowercase-words.txt`), for reading Title Case headlines. */
  readonly lowercaseWords = new HashTable();
  /** Word clusters learned from unlabelled news (`clusters.tsv`), read as features of each word. */
  clusters = WordClusters.empty();
  /**
   * Clusters of lower-cased words' GloVe vectors (`embedding-clusters.tsv`, from Wikipedia and newswire
   * text far larger than {@link clusters}'), read as features of each word by its lower-cased hash.
   */
  embeddings = WordClusters.empty();

  /**
   * Reads every list from `server/data/ner/`. `options.without` leaves out some of the
   * {@link GAZETTEER_FILES} (or a clusters file): for ablations in training and benchmarks only.
   */
  static load(source: DataSource, options: { without?: readonly string[] } = {}): Gazetteers {
    const readList = (file: string) => readListFile(source, `ner/${file}`);
    const g = new Gazetteers();
    const without = new Set(options.without ?? []);
    GAZETTEER_FILES.forEach((file, bit) => {
      if (without.has(file)) return;
      for (const phrase of readList(file)) g.addPhrase(phrase, 1 << bit);
    });
    if (!without.has(CLUSTER_FILE)) g.clusters = readOrFail(`ner/${CLUSTER_FILE}`, () => WordClusters.parseBytes(source.readBytes(`ner/${CLUSTER_FILE}`)));
    if (!without.has(EMBEDDING_CLUSTER_FILE)) {
      g.embeddings = readOrFail(`ner/${EMBEDDING_CLUSTER_FILE}`, () => WordClusters.parseBytes(source.readBytes(`ner/${EMBEDDING_CLUSTER_FILE}`)));
    }
    // Titles are the shared vocabulary's (core/vocabulary.ts): one list for the tagger, roles and quotes.
    for (const title of loadVocabulary(source).titles) g.titles.add(hashLower(title));
    for (const [word, head] of loadNameHeads(source)) {
      if (head.institution) g.institutionHeads.add(hashLower(word));
      if (head.topic) g.topicHeads.add(hashLower(word));
      if (head.kind === 'organization') g.organizationHeads.add(hashLower(word));
    }
    for (const phrase of readList('nonentities.txt')) g.nonEntities.add(phrase.toLowerCase());
    for (const word of readList('lowercase-words.txt')) g.lowercaseWords.add(hashLower(word));
    return g;
  }

  private addPhrase(phrase: string, bit: number): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0 || tokens.length > MAX_PHRASE) return;
    let h = PHRASE_SEED;
    for (let i = 0; i < tokens.length; i++) {
      h = mix(h, hashLower(tokens[i].text));
      if (i < tokens.length - 1) this.prefixes.add(h);
    }
    this.phrases.set(h, this.phrases.get(h) | bit);
  }

  /** Bit mask of the lists that contain exactly this phrase (given as its tokens), 0 if none. */
  lookup(words: readonly string[]): number {
    // No list holds a longer phrase (`addPhrase`): nothing to hash.
    if (words.length > MAX_PHRASE) return 0;
    let h = PHRASE_SEED;
    for (const w of words) h = mix(h, hashLower(w));
    return this.phrases.get(h);
  }

  /** As {@link lookup} for a single word, without allocating. */
  lookupWord(word: string): number {
    return this.phrases.get(mix(PHRASE_SEED, hashLower(word)));
  }

  /** The CoNLL type the lists suggest for a phrase: `LOC` (countries, cities), `ORG` (organisations, agencies), or undefined. */
  typeOf(words: readonly string[]): string | undefined {
    const bits = this.lookup(words);
    if (bits & (LIST_BIT.countries | LIST_BIT.cities)) return 'LOC';
    if (bits & (LIST_BIT.organizations | LIST_BIT.agencies)) return 'ORG';
    return undefined;
  }

  /** True when the phrase is in the country list (national teams and governments are places in CoNLL too). */
  isCountry(words: readonly string[]): boolean {
    return (this.lookup(words) & LIST_BIT.countries) !== 0;
  }

  /**
   * Marks list matches in one sentence. A match must start on a capitalised (or all-caps) token;
   * for each list the longest match starting at a token wins. `begin[i]` gets the bits of lists
   * whose match starts at token i, `inside[i]` those of matches that continue through token i.
   * The arrays may hold the whole document: the sentence's token i is at index `at + i`.
   */
  match(words: readonly string[], lower: Int32Array, begin: Uint8Array, inside: Uint8Array, at = 0): void {
    const n = words.length;
    begin.fill(0, at, at + n);
    inside.fill(0, at, at + n);
    for (let i = 0; i < n; i++) {
      if (charClass(words[i].charCodeAt(0)) !== 1) continue;
      let h = PHRASE_SEED;
      const limit = Math.min(n, i + MAX_PHRASE);
      for (let j = i; j < limit; j++) {
        h = mix(h, lower[at + j]);
        const bits = this.phrases.get(h);
        if (bits !== 0) {
          begin[at + i] |= bits;
          for (let k = i + 1; k <= j; k++) inside[at + k] |= bits;
        }
        if (!this.prefixes.has(h)) break;
      }
    }
  }
}
