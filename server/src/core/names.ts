/**
 * Name normalisation and comparison, shared by actor grouping within an article and across the
 * workspace. Transliterated names vary in spelling (Sergei / Sergey, Moallem / Moallen), case
 * (de Mistura / De Mistura), apostrophes (Ja’afari / Ja'afari) and diacritics.
 */

/** Lower case, no diacritics, straight apostrophes, single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Name particles that do not count as a first name or surname on their own. */
const PARTICLES = new Set(['al', 'el', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'abu', 'le', 'la', 'du']);

/** The words of a person's name, normalised, honorifics dropped. */
export function nameParts(name: string): string[] {
  return normalizeName(name)
    .replace(/^(mr|mrs|ms|dr|prof|sir|sheikh)\.?\s+/, '')
    .split(' ')
    .filter((w) => w.length > 0);
}

/**
 * The surname used to join a full name with surname-only mentions: the last word, with a leading
 * `al-` kept (`al-Khatib` is written whole in the text). Particles written apart (`de Mistura`)
 * are skipped so that `Mistura` alone would still match.
 */
export function surnameOf(name: string): string {
  const parts = nameParts(name);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!PARTICLES.has(parts[i])) return parts[i];
  }
  return parts[parts.length - 1] ?? '';
}

/** The given names, without particles. */
export function givenNamesOf(name: string): string[] {
  const parts = nameParts(name);
  const surname = surnameOf(name);
  const index = parts.lastIndexOf(surname);
  return parts.slice(0, index).filter((w) => !PARTICLES.has(w));
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * True when two spellings of a word are plausibly one transliterated or mistyped name: equal, or
 * within one edit for short words and two for long ones, with the same first letter.
 */
export function similarNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  const limit = Math.min(a.length, b.length) >= 7 ? 2 : 1;
  return Math.min(a.length, b.length) >= 4 && editDistance(a, b, limit) <= limit;
}

/** True when two full person names plausibly name the same person (Sergei / Sergey Lavrov). */
export function similarPersonNames(a: string, b: string): boolean {
  if (!similarNameWord(surnameOf(a), surnameOf(b))) return false;
  const givenA = givenNamesOf(a);
  const givenB = givenNamesOf(b);
  if (givenA.length === 0 || givenB.length === 0) return true;
  return similarNameWord(givenA[0], givenB[0]) || givenA[0][0] === givenB[0][0] && (givenA[0].length === 1 || givenB[0].length === 1);
}
