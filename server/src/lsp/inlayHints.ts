import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { SpeakerHint } from '../core/actorNavigation';
import type { PositionMapper } from './positions';

/** Speaker hints as inlay hints: `he (Kerry) said`, with who and which role in the tooltip. */
export function speakerInlayHints(hints: readonly SpeakerHint[], positions: PositionMapper): InlayHint[] {
  return hints.map((h) => ({ position: positions.positionAt(h.offset), label: h.label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: h.tooltip }));
}
