import * as assert from 'assert';
import { mapToSvg, type SvgNode } from '../../client/webview/mapSvg';

/** The actor map's SVG writer (client/webview/mapSvg.ts): what cytoscape drew, as an SVG document. */
describe('the actor map as SVG', () => {
  const node = (over: Partial<SvgNode>): SvgNode => ({ x: 0, y: 0, width: 20, height: 20, shape: 'ellipse', fill: 'rgb(55,148,255)', opacity: 1, fontSize: 12, textColor: '#ccc', outlineColor: '#1e1e1e', ...over });
  const picture = mapToSvg({
    nodes: [
      node({ label: 'Sergei Lavrov' }),
      node({ x: 200, y: 100, shape: 'round-rectangle', fill: 'rgb(209,134,22)', label: 'AT&T <News> "Corp"' }),
      node({ x: -100, y: 50, shape: 'round-diamond', fill: 'rgb(137,209,133)', opacity: 0.12, borderWidth: 3, borderColor: '#007fd4' }),
    ],
    edges: [
      { x1: 10, y1: 0, x2: 190, y2: 100, color: 'rgb(136,136,136)', width: 1.5, opacity: 0.3, arrow: false },
      { x1: 190, y1: 100, x2: -90, y2: 50, color: 'rgb(177,128,215)', width: 1, opacity: 0.85, arrow: true },
    ],
    background: '#1e1e1e',
    fontFamily: '"Segoe WPC", sans-serif',
  });

  it('draws each node in its shape, each line, an arrow for quotes, names as text', () => {
    assert.strictEqual((picture.match(/<ellipse /g) ?? []).length, 1);
    assert.strictEqual((picture.match(/<polygon /g) ?? []).length, 1);
    assert.strictEqual((picture.match(/<rect /g) ?? []).length, 2, 'the organisation and the background');
    assert.strictEqual((picture.match(/<line /g) ?? []).length, 2);
    assert.strictEqual((picture.match(/marker-end="url\(#arrow0\)"/g) ?? []).length, 1, 'only the quote line has an arrow');
    assert.match(picture, /<text [^>]*>Sergei Lavrov<\/text>/);
    assert.match(picture, /<g opacity="0.12"><polygon [^>]*stroke="#007fd4" stroke-width="3"/, 'a faded node keeps its opacity, a selected one its border');
  });

  it('escapes names and attributes, and is balanced XML', () => {
    assert.match(picture, />AT&amp;T &lt;News&gt; "Corp"<\/text>/);
    assert.match(picture, /font-family="&quot;Segoe WPC&quot;, sans-serif"/);
    const opened: string[] = [];
    for (const [, closing, name, selfClosing] of picture.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (closing) assert.strictEqual(opened.pop(), name, `</${name}> closes what was opened`);
      else if (!selfClosing) opened.push(name);
    }
    assert.deepStrictEqual(opened, []);
  });

  it('leaves out characters XML does not allow (a name with a control character made a file no XML reader opens)', () => {
    const svg = mapToSvg({ nodes: [node({ label: 'John\u0001Kerry\u001f\ufffe' })], edges: [], background: '#1e1e1e', fontFamily: 'sans-serif' });
    assert.match(svg, />JohnKerry<\/text>/);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(svg));
  });

  it('fits the view box around every node, its name and every line, with a margin', () => {
    const [left, top, width, height] = /viewBox="([^"]+)"/.exec(picture)![1].split(' ').map(Number);
    assert.ok(left <= -110 - 30 && top <= -10 - 30, `the left and top nodes are inside: ${left} ${top}`);
    assert.ok(left + width >= 210 + 30 && top + height >= 110 + 12, `the right node and its name are inside: ${left + width} ${top + height}`);
  });

  it('gives an empty map a small empty picture', () => {
    assert.match(mapToSvg({ nodes: [], edges: [], background: '#fff', fontFamily: 'serif' }), /viewBox="-30 -30 60 60"/);
  });
});
