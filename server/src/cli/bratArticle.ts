/**
 * Which article a brat `.ann` file annotates, for `article-lens agree` and `import`: one rule for both.
 * `x.ann` annotates `x.txt` or `x.article` beside it; PolNeAR's `x_<annotator>.ann` annotates `x.txt`.
 * Extensions are matched without regard to case, as the command line's walk and the editor's article
 * patterns read them (`X.TXT` is an article, `X.ANN` an annotation file). The name before the
 * extension is matched exactly first; when no article has exactly that name, an article whose name
 * differs only in case is taken if it is the only one (`X.ann` made on a case-insensitive file
 * system for `x.txt`); two such articles are ambiguous and said so, never guessed between.
 */

/** A brat annotation file's name, whatever the case of its extension. */
export const BRAT_FILE = /\.ann$/i;

/** An article file's name (`.txt`, `.article`), whatever the case of its extension. */
export const ARTICLE_NAME = /\.(txt|article)$/i;

const ARTICLE_EXTENSIONS = ['.txt', '.article'] as const;

/** The article found for a brat file, or the names that made it ambiguous. */
export type BratArticle = { readonly article: string } | { readonly ambiguous: readonly string[] } | undefined;

/**
 * The article of the brat file `annName` among `articleNames`, the article file names of the folder
 * it is looked for in (names only, no folders).
 */
export function articleOfBratName(annName: string, articleNames: readonly string[]): BratArticle {
  const stem = annName.replace(BRAT_FILE, '');
  const underscore = stem.lastIndexOf('_');
  const stems = underscore > 0 ? [stem, stem.slice(0, underscore)] : [stem];
  for (const candidate of stems) {
    // The exact name first: .txt, then .article, then either with its extension in another case.
    for (const extension of ARTICLE_EXTENSIONS) if (articleNames.includes(candidate + extension)) return { article: candidate + extension };
    const sameStem = articleNames.filter((name) => stemOf(name) === candidate);
    if (sameStem.length > 0) return { article: sameStem[0] };
  }
  for (const candidate of stems) {
    const lower = candidate.toLowerCase();
    const caseOnly = articleNames.filter((name) => stemOf(name)?.toLowerCase() === lower);
    if (caseOnly.length === 1) return { article: caseOnly[0] };
    if (caseOnly.length > 1) return { ambiguous: caseOnly };
  }
  return undefined;
}

/** The name without its article extension (any case), or undefined when it is not an article's name. */
function stemOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  const extension = ARTICLE_EXTENSIONS.find((e) => lower.endsWith(e));
  return extension === undefined ? undefined : name.slice(0, -extension.length);
}

/**
 * The one-line message for a brat file whose article is missing or ambiguous; `otherwise` says what
 * else the command accepts (`give --article FILE`).
 */
export function bratArticleProblem(annFile: string, found: BratArticle, otherwise?: string): string {
  const stem = annFile.replace(/^.*[/\\]/, '').replace(BRAT_FILE, '');
  const orElse = otherwise ? `, or ${otherwise}` : '';
  if (found && 'ambiguous' in found) return `${annFile}: ${found.ambiguous.join(' and ')} differ only in case and either could be its article (rename one${orElse})`;
  return `${annFile}: no article beside it (${stem}.txt or .article, in any case, or without the _annotator suffix${orElse})`;
}
