import { statSync } from 'fs';

/**
 * Symbolic links in a walk of article folders, one rule for the command line (`cli/inputFiles.ts`) and
 * the editor's workspace scan (`lsp/workspaceScan.ts`): a link to a file is that file (a git-annex or
 * DataLad corpus is all links); a link to anything else — a folder, a pipe — is not followed, so no
 * walk loops or waits on a reader; a broken link and a loop of links are problems, said once each.
 */

/** What a symbolic link leads to: a file, something else (a folder), nothing, or itself through other links. */
export type LinkTarget = 'file' | 'other' | 'broken' | 'loop';

/** Where the symbolic link `link` leads (one `stat`: it follows the chain without reading anything). */
export function linkTarget(link: string): LinkTarget {
  try {
    return statSync(link).isFile() ? 'file' : 'other';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'broken';
  }
}

/** The problem of a link that is not followed, in words (`broken symbolic link`), or undefined for a file or a folder. */
export function linkProblem(target: LinkTarget): string | undefined {
  return target === 'broken' ? 'broken symbolic link' : target === 'loop' ? 'symbolic link in a loop' : undefined;
}
