/**
 * True for the plural in -s or -es of a word `isSingular` accepts (`Democrats` of `democrat`, `Rickettses` of
 * `Ricketts`, `heroes` of `hero`): the one reading of a regular plural for the lists of singular words (group nouns,
 * surnames, person heads). Both endings are tried, as neither tells by itself which the word takes (`Khans`, `Joneses`).
 */
export function isPluralOf(word: string, isSingular: (singular: string) => boolean): boolean {
  return (word.endsWith('s') && isSingular(word.slice(0, -1))) || (word.endsWith('es') && isSingular(word.slice(0, -2)));
}
