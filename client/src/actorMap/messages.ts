/**
 * Messages between the actor map's host (`panel.ts`, in the extension host) and its script
 * (`client/webview/actorMap.ts`, in the webview), typed once for both sides.
 */
import type { ActorMap, ArticleTarget, QuoteRow } from '../../../server/src/protocol';

/** Host → webview. */
export type ToMap =
  /** The map to draw (again). `limit` is the node count asked for. */
  | { readonly type: 'map'; readonly map: ActorMap; readonly limit: number }
  /** The quotes of the selected actor. */
  | { readonly type: 'quotes'; readonly id: string; readonly quotes: readonly QuoteRow[]; readonly total: number }
  /** Select this actor (revealed elsewhere). */
  | { readonly type: 'select'; readonly id: string }
  /** The workspace changed since the map was drawn; while the scan runs, the map is redrawn when it ends. */
  | { readonly type: 'stale'; readonly indexing: boolean }
  /** What happened to an export. */
  | { readonly type: 'exported'; readonly message: string };

/** Webview → host. */
export type FromMap =
  | { readonly type: 'ready' }
  /** The user asked for a map with this many actors (or the same again, after `stale`). */
  | { readonly type: 'load'; readonly limit: number }
  | { readonly type: 'selected'; readonly id: string }
  | { readonly type: 'open'; readonly target: ArticleTarget }
  | { readonly type: 'export'; readonly format: 'png'; readonly dataUrl: string }
  | { readonly type: 'export'; readonly format: 'svg'; readonly svg: string }
  /** Drawn: how many nodes and lines, and how long the layout took. */
  | { readonly type: 'rendered'; readonly nodes: number; readonly edges: number; readonly ms: number }
  /** The Content-Security-Policy blocked something: a bug to report, never expected. */
  | { readonly type: 'cspViolation'; readonly directive: string; readonly blocked: string };
