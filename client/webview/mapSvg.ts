/**
 * The actor map as an SVG picture, written from what cytoscape.js has drawn (positions, sizes and the
 * resolved colours of each node and line, read through its public API in `actorMap.ts`).
 *
 * Why our own writer: cytoscape.js exports PNG and JPG only. The extension that adds SVG,
 * cytoscape-svg, is GPL-3.0 (bundling it would put the MIT extension under the GPL) and replays
 * cytoscape's private renderer (`renderer().drawElements`, `_private.rscratch`) into a canvas2svg
 * context, which breaks with cytoscape's internals. The map draws three shapes, straight lines,
 * arrows and names: a few lines of SVG each, and a picture that stays vector (names are text).
 */

/** One node as drawn: centre, size, shape, colours, name. */
export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly shape: 'ellipse' | 'round-rectangle' | 'round-diamond' | 'rectangle';
  readonly fill: string;
  readonly opacity: number;
  readonly label?: string;
  readonly fontSize: number;
  readonly textColor: string;
  readonly outlineColor: string;
  readonly borderColor?: string;
  readonly borderWidth?: number;
}

/** One line as drawn, from where it leaves its source to where it meets its target. */
export interface SvgEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
  readonly opacity: number;
  readonly arrow: boolean;
}

export interface SvgPicture {
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
  readonly background: string;
  readonly fontFamily: string;
}

const PADDING = 30;
/** How far below a node its name's baseline sits (cytoscape's `text-valign: bottom` with a small margin). */
const LABEL_GAP = 3;

/** The picture as an SVG document, its view box fitted to everything drawn. */
export function mapToSvg({ nodes, edges, background, fontFamily }: SvgPicture): string {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (x: number, y: number) => {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  };
  for (const n of nodes) {
    grow(n.x - n.width / 2, n.y - n.height / 2);
    grow(n.x + n.width / 2, n.y + n.height / 2 + (n.label ? n.fontSize * 1.4 + LABEL_GAP : 0));
    // A name is wider than its node: a little over half an em per letter.
    if (n.label) {
      grow(n.x - n.label.length * n.fontSize * 0.3, n.y);
      grow(n.x + n.label.length * n.fontSize * 0.3, n.y);
    }
  }
  for (const e of edges) {
    grow(e.x1, e.y1);
    grow(e.x2, e.y2);
  }
  if (!Number.isFinite(x1)) [x1, y1, x2, y2] = [0, 0, 0, 0];
  const [left, top, width, height] = [x1 - PADDING, y1 - PADDING, x2 - x1 + 2 * PADDING, y2 - y1 + 2 * PADDING];
  const colors = [...new Set(edges.filter((e) => e.arrow).map((e) => e.color))];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(left)} ${num(top)} ${num(width)} ${num(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" font-family="${attr(fontFamily)}">`,
    '<title>Actor map</title>',
  ];
  if (colors.length) {
    out.push('<defs>');
    colors.forEach((color, i) => out.push(`<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${attr(color)}"/></marker>`));
    out.push('</defs>');
  }
  out.push(`<rect x="${num(left)}" y="${num(top)}" width="${num(width)}" height="${num(height)}" fill="${attr(background)}"/>`);
  out.push('<g stroke-linecap="round">');
  for (const e of edges) {
    const marker = e.arrow ? ` marker-end="url(#arrow${colors.indexOf(e.color)})"` : '';
    out.push(`<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${attr(e.color)}" stroke-width="${num(e.width)}"${opacity(e.opacity)}${marker}/>`);
  }
  out.push('</g>');
  for (const n of nodes) {
    const border = n.borderWidth ? ` stroke="${attr(n.borderColor ?? n.fill)}" stroke-width="${num(n.borderWidth)}"` : '';
    out.push(`<g${opacity(n.opacity)}>${shape(n, border)}${n.label ? label(n) : ''}</g>`);
  }
  out.push('</svg>', '');
  return out.join('\n');
}

function shape(n: SvgNode, border: string): string {
  const [w, h] = [n.width / 2, n.height / 2];
  const fill = ` fill="${attr(n.fill)}"${border}`;
  switch (n.shape) {
    case 'ellipse':
      return `<ellipse cx="${num(n.x)}" cy="${num(n.y)}" rx="${num(w)}" ry="${num(h)}"${fill}/>`;
    case 'round-diamond':
      return `<polygon points="${num(n.x)},${num(n.y - h)} ${num(n.x + w)},${num(n.y)} ${num(n.x)},${num(n.y + h)} ${num(n.x - w)},${num(n.y)}" stroke-linejoin="round"${fill}/>`;
    default: {
      const radius = n.shape === 'round-rectangle' ? Math.min(w, h) / 2 : 0;
      return `<rect x="${num(n.x - w)}" y="${num(n.y - h)}" width="${num(n.width)}" height="${num(n.height)}" rx="${num(radius)}"${fill}/>`;
    }
  }
}

/** The name under the node, outlined in the background colour as the canvas draws it. */
function label(n: SvgNode): string {
  const y = n.y + n.height / 2 + LABEL_GAP + n.fontSize;
  return `<text x="${num(n.x)}" y="${num(y)}" font-size="${num(n.fontSize)}" text-anchor="middle" fill="${attr(n.textColor)}" stroke="${attr(n.outlineColor)}" stroke-width="2" paint-order="stroke">${text(n.label!)}</text>`;
}

function opacity(value: number): string {
  return value < 1 ? ` opacity="${num(value)}"` : '';
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A value as SVG text: `& < >` escaped, and the characters XML does not allow at all (control characters,
 * U+FFFE, U+FFFF) left out, which made the exported file one no XML reader opens.
 */
function text(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
