import { Minimatch } from 'minimatch';

/**
 * Which files are articles. Mirrors the `filenamePatterns` the extension contributes for the
 * `article` language, so the workspace index covers the same files the editor opens as articles;
 * the `articleLens.files` setting adds more patterns. minimatch is the glob library VS Code's own
 * language client uses, so patterns mean the same on both sides.
 */
export const DEFAULT_ARTICLE_PATTERNS: readonly string[] = ['**/*.article', '**/seeds/**/*.txt', '**/articles/**/*.txt', '**/news/**/*.txt'];

/** True when a workspace-relative path (forward slashes) names an article. */
export function isArticlePath(relativePath: string, extraPatterns: readonly string[] = []): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return DEFAULT_ARTICLE_PATTERNS.some((pattern) => matcher(pattern).match(path)) || extraPatterns.some((pattern) => matcher(pattern).match(path));
}

/** True when a workspace-relative path matches one of the `articleLens.index.exclude` globs. */
export function isExcludedPath(relativePath: string, excludePatterns: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return excludePatterns.some((pattern) => matcher(pattern).match(path));
}

/**
 * Each pattern compiled once: compiling on every call made the scan of a 10,000-file folder hold
 * the server for a quarter of a second. Patterns come from the defaults and the settings, so few.
 */
const matchers = new Map<string, Minimatch>();
function matcher(pattern: string): Minimatch {
  let compiled = matchers.get(pattern);
  if (!compiled) {
    if (matchers.size >= 256) matchers.clear();
    compiled = new Minimatch(pattern, { dot: false, nocase: true, matchBase: !pattern.includes('/') });
    matchers.set(pattern, compiled);
  }
  return compiled;
}

/** Folders the workspace scan never enters. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/**
 * Folders a walk of the folders named on the command line skips: hidden ones (`.git`, the annotation store's
 * `.article-lens`) and `node_modules`, which hold tools' files, never a corpus. Unlike the workspace scan, which
 * leaves a code project's `out` and `dist` alone, it walks them: a folder named on the command line is a corpus,
 * and a scraper's output folder is often `out` (its articles were skipped without a word).
 */
export function isToolFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}
