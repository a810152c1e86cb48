import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { WorkspaceSearchHit } from '../core/workspaceIndex';
import type { ArticleTexts } from './articleTexts';

/** How many hits a workspace symbol search returns; editors filter further as the user types. */
export const WORKSPACE_SYMBOL_LIMIT = 200;

/**
 * Workspace symbols: actors (people as classes, organisations as namespaces, as in the outline)
 * and quotes (strings), each in the article that holds it; the container names the article.
 */
export async function workspaceSymbols(hits: readonly WorkspaceSearchHit[], texts: ArticleTexts, articleLabel: (uri: string) => string): Promise<SymbolInformation[]> {
  const symbols: SymbolInformation[] = [];
  for (const hit of hits) {
    const positions = await texts.positions(hit.uri);
    if (!positions) continue;
    const kind = hit.kind === 'quote' ? SymbolKind.String : hit.type === 'organization' ? SymbolKind.Namespace : SymbolKind.Class;
    const name = hit.kind === 'quote' ? `“${hit.name}”` : hit.name;
    const container = hit.detail ? `${hit.detail} · ${articleLabel(hit.uri)}` : articleLabel(hit.uri);
    symbols.push({ name, kind, location: { uri: hit.uri, range: positions.rangeOf(hit) }, containerName: container });
  }
  return symbols;
}
