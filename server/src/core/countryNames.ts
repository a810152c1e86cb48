/**
 * The names of one country, however an article writes it: `United States`, `U.S.`, `USA`, `America`; `Syria` and
 * `Syrian Arab Republic`; `Britain`, `U.K.`, `United Kingdom`. Most share neither initials nor words, so the alias rules
 * (`aliases.ts`: acronyms and long forms) cannot relate them; the names come from a list.
 *
 * The list is i18n-iso-countries' English names (MIT; the ISO 3166 names with the variants its maintainers keep, for
 * the 250 countries and territories), read from its data file alone, and {@link NEWS_NAMES}: the names news uses that
 * it lacks. No country's name, for the grouping:
 * - a name two countries share (`Congo`);
 * - a name that ends another country's name (`Republic of Korea`, the tagger's cut of `Democratic People's Republic of
 *   Korea`; `Guinea` of `Papua New Guinea`; `Sudan` of `South Sudan`): the text may have lost the longer name's start;
 * - a name written with a comma or a bracket (`Korea, Republic of`, `Falkland Islands (Malvinas)`), a catalogue's,
 *   never an article's;
 * - a name with another common meaning in news: `Holland` (Holland, Michigan; a surname), `Macedonia` (the Greek
 *   region), which the list leaves out.
 */
import countryData from 'i18n-iso-countries/langs/en.json';
import { normalizeName } from './names';

/**
 * News spellings of countries that i18n-iso-countries does not give, by ISO 3166 alpha-2 code. `America` alone is the
 * United States in English-language news (`Make America Great Again`; the continents are `North America`, `the
 * Americas`).
 */
const NEWS_NAMES: readonly (readonly [code: string, names: readonly string[]])[] = [
  ['US', ['America']],
  ['GB', ['Britain', 'U.K.']],
  ['SY', ['Syria']],
  ['MM', ['Burma']],
  ['VA', ['Vatican', 'Vatican City', 'Holy See']],
  ['LA', ['Laos']],
  ['MD', ['Moldova']],
  ['BN', ['Brunei']],
  ['FM', ['Micronesia']],
  ['KP', ['DPRK', "Democratic People's Republic of Korea"]],
  ['CD', ['DRC', 'Democratic Republic of Congo']],
  ['CV', ['Cabo Verde']],
  ['SZ', ['Swaziland']],
  ['VN', ['Viet Nam']],
  ['AE', ['U.A.E.']],
];

/** Country codes by normalised name ({@link normalizeName}, a leading `the` dropped); built on first use. */
let codes: Map<string, string> | undefined;

/** The key a name is looked up by: normalised, without a leading article (`The Netherlands`, `the United States`). */
function keyOf(name: string): string {
  return normalizeName(name).replace(/^the /, '');
}

function build(): Map<string, string> {
  const byName = new Map<string, string | null>();
  const add = (code: string, name: string) => {
    if (/[,()]/.test(name)) return;
    const key = keyOf(name);
    const known = byName.get(key);
    // A name of two countries (`Congo`) names neither.
    byName.set(key, known === undefined || known === code ? code : null);
  };
  const countries = (countryData as { countries: Record<string, string | readonly string[]> }).countries;
  for (const [code, names] of Object.entries(countries)) for (const name of typeof names === 'string' ? [names] : names) add(code, name);
  for (const [code, names] of NEWS_NAMES) for (const name of names) add(code, name);
  // A name that ends another country's name (`republic of korea` of `democratic people's republic of korea`) is none.
  // Each name's endings after a space, with the countries whose names end so: one look-up per name, where comparing
  // every name with every other (a quarter of a million `endsWith`) cost every process 25 ms at its first analysis.
  const endingsOf = new Map<string, Set<string>>();
  for (const [other, otherCode] of byName) {
    if (otherCode === null) continue;
    for (let space = other.indexOf(' '); space >= 0; space = other.indexOf(' ', space + 1)) {
      const ending = other.slice(space + 1);
      let codes = endingsOf.get(ending);
      if (!codes) endingsOf.set(ending, (codes = new Set()));
      codes.add(otherCode);
    }
  }
  const endsAnother = (name: string, code: string): boolean => {
    const codes = endingsOf.get(name);
    return codes !== undefined && (codes.size > 1 || !codes.has(code));
  };
  const out = new Map<string, string>();
  for (const [name, code] of byName) if (code !== null && !endsAnother(name, code)) out.set(name, code);
  return out;
}

/** The ISO 3166 alpha-2 code of the country a name names (`U.S.`, `America` → `US`), or undefined. */
export function countryCode(name: string): string | undefined {
  // Country names are short: a long name is never looked up (organisations' names run long).
  if (name.length > 48) return undefined;
  codes ??= build();
  return codes.get(keyOf(name));
}
