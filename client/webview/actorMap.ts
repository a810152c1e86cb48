/**
 * The actor map's script, running in the webview (bundled by esbuild to dist/webview/actorMap.js).
 * It draws what the extension sends (`articleLens/actorMap`, computed by the server) and reports
 * what the user picks; it fetches nothing.
 *
 * Libraries: cytoscape.js draws the network on a canvas, with pan, zoom, selection and PNG export
 * built in (SVG is written from what it drew: `mapSvg.ts` says why), and stays usable with thousands of nodes (labels hide when zoomed out, edges while
 * panning). d3-force lays it out: its Barnes–Hut simulation is O(n log n) per step (cytoscape's own
 * force layout is quadratic) and takes a target x per node, which is how actors are placed along
 * the time axis when articles carry dates. Steps run a few per frame, so the page stays responsive.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { ActorMap, MapNode, QuoteRow } from '../../server/src/protocol';
import type { FromMap, ToMap } from '../src/actorMap/messages';
import { mapToSvg, type SvgEdge, type SvgNode } from './mapSvg';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const host = acquireVsCodeApi();
const post = (message: FromMap): void => host.postMessage(message);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const TYPE_LABEL: Record<string, string> = { person: 'person', organization: 'organisation', location: 'place' };
/** Rows of the list beside the map: the rest are found with the search box. */
const LISTED = 300;
/** Time for layout steps in each frame. */
const FRAME_BUDGET_MS = 14;
/** Above this many actors, the map is drawn once its layout is done, and names keep no room of their own. */
const LARGE_MAP = 1000;
/** How often the nodes are moved on screen while the layout settles. */
const REDRAW_MS = 500;
/** The exported picture's longer side, at most (a full map at twice the screen's scale could be 10,000 pixels). */
const EXPORT_MAX_PX = 3000;

let cy: Core | undefined;
let current: ActorMap | undefined;
let selected: string | undefined;
let violations = 0;

document.addEventListener('securitypolicyviolation', (event) => {
  violations++;
  document.body.dataset.cspViolations = String(violations);
  post({ type: 'cspViolation', directive: event.violatedDirective, blocked: event.blockedURI || 'inline' });
});

// ------------------------------------------------------------------------------------------ theme

/** The colour theme's colours, read from the CSS variables VS Code sets on the webview. */
function theme() {
  const css = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    person: get('--vscode-charts-blue', '#3794ff'),
    organization: get('--vscode-charts-orange', '#d18616'),
    location: get('--vscode-charts-green', '#89d185'),
    other: get('--vscode-charts-foreground', '#cccccc'),
    together: get('--vscode-charts-lines', '#888888'),
    quotes: get('--vscode-charts-purple', '#b180d7'),
    text: get('--vscode-editor-foreground', '#cccccc'),
    background: get('--vscode-editor-background', '#1e1e1e'),
    focus: get('--vscode-focusBorder', '#007fd4'),
    font: get('--vscode-font-family', 'sans-serif'),
  };
}

function stylesheet(): StylesheetJson {
  const t = theme();
  return [
    {
      selector: 'node.actor',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': t.other,
        label: 'data(name)',
        color: t.text,
        'font-family': t.font,
        // The more mentioned, the larger the name: zoomed out, only theirs stay readable.
        'font-size': 'data(fontSize)',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': t.background,
        'text-outline-width': 2,
        // Names hide when they would be drawn smaller than this: thousands of names would be a grey smear.
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'node.person', style: { 'background-color': t.person } },
    { selector: 'node.organization', style: { 'background-color': t.organization, shape: 'round-rectangle' } },
    { selector: 'node.location', style: { 'background-color': t.location, shape: 'round-diamond' } },
    { selector: 'node.actor:selected', style: { 'border-width': 3, 'border-color': t.focus } },
    { selector: 'edge.together', style: { width: 'data(width)', 'line-color': t.together, opacity: 0.3, 'curve-style': 'haystack' } },
    { selector: 'edge.quotes', style: { width: 'data(width)', 'line-color': t.quotes, 'target-arrow-color': t.quotes, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'edge.pending', style: { display: 'none' } },
    { selector: 'node.tick', style: { shape: 'rectangle', width: 1, height: 'data(fontSize)', 'background-color': t.text, label: 'data(label)', color: t.text, 'font-family': t.font, 'font-size': 'data(fontSize)', 'text-valign': 'bottom', 'text-margin-y': 4, events: 'no' } },
    { selector: 'edge.axis', style: { width: 1, 'line-color': t.text, 'curve-style': 'straight', events: 'no' } },
  ];
}

// ------------------------------------------------------------------------------------------ layout

interface SimNode extends SimulationNodeDatum {
  readonly id: string;
  readonly radius: number;
  /** The circle and its name: what the collision force keeps apart. */
  readonly room: number;
  /** Where the time axis wants the node, when the map has one. */
  readonly targetX?: number;
}

const radiusOf = (node: MapNode): number => Math.min(40, 4 + 2.5 * Math.sqrt(node.mentions));
/** Room a node keeps around it: its circle and about half its name, which is drawn under it. */
const roomOf = (node: MapNode): number => radiusOf(node) + 6 + Math.min(60, node.name.length * fontSizeOf(node) * 0.3);
const fontSizeOf = (node: MapNode): number => Math.round(Math.min(18, 9 + radiusOf(node) / 4));
const DAY = 86_400_000;

/** The time axis: x per date, when at least two dates are known. */
function timeAxis(nodes: readonly MapNode[]) {
  const times = nodes.filter((n) => n.firstDate).map((n) => Date.parse(n.firstDate!));
  if (new Set(times).size < 2) return undefined;
  const from = Math.min(...times);
  const to = Math.max(...times);
  const width = Math.max(900, Math.sqrt(nodes.length) * 140);
  const x = (time: number) => ((time - from) / Math.max(DAY, to - from)) * width - width / 2;
  const ticks = Array.from({ length: 6 }, (_, i) => from + ((to - from) * i) / 5);
  // Dates are drawn at a size that stays readable when the whole map is fitted to the window.
  return { x, ticks, undatedX: -width / 2 - 160, fontSize: Math.max(12, Math.round(width / 60)) };
}

/** Runs the force layout a frame at a time, moving the drawn nodes as it goes (a small map) or saying how far it got (a large one). */
function layOut(map: ActorMap, graph: Core, progress: (fraction: number) => void, done: () => void): void {
  const axis = timeAxis(map.nodes);
  const nodes: SimNode[] = map.nodes.map((n) => {
    const targetX = axis ? (n.firstDate ? axis.x(Date.parse(n.firstDate)) : axis.undatedX) : undefined;
    return { id: n.id, radius: radiusOf(n), room: roomOf(n), ...(targetX !== undefined ? { targetX, x: targetX } : {}) };
  });
  const links: (SimulationLinkDatum<SimNode> & { weight: number })[] = map.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const large = nodes.length > LARGE_MAP;
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody<SimNode>().strength((d) => -60 - d.radius * 8).theta(0.9).distanceMax(1500))
    .force('link', forceLink<SimNode, (typeof links)[number]>(links).id((d) => d.id).distance(120).strength((l) => Math.min(0.3, 0.02 + 0.03 * l.weight)))
    // Keeping names apart costs the most; on a large map they show only zoomed in, so circles are kept apart.
    .force('collide', forceCollide<SimNode>(large ? (d) => d.radius + 3 : (d) => d.room))
    .force('x', axis ? forceX<SimNode>((d) => d.targetX ?? 0).strength(0.7) : forceX<SimNode>(0).strength(0.05))
    .force('y', forceY<SimNode>(0).strength(axis ? 0.1 : 0.05))
    .stop();
  // Each step costs in proportion to the actors and lines: a large map takes fewer, enough to settle.
  const steps = nodes.length <= 500 ? 300 : nodes.length <= LARGE_MAP ? 200 : 120;
  simulation.alphaDecay(1 - Math.pow(simulation.alphaMin(), 1 / steps));
  const byId = new Map(nodes.map((n) => [n.id, graph.getElementById(n.id)]));
  const place = () =>
    graph.batch(() => {
      for (const n of nodes) byId.get(n.id)?.position({ x: n.x ?? 0, y: n.y ?? 0 });
    });
  // Drawing is what costs: the lines stay hidden and the nodes move on screen only a few times a second
  // while the layout settles; the steps themselves take a slice of each frame.
  graph.edges().addClass('pending');
  place();
  graph.fit(undefined, 30);
  let shown = performance.now();
  const step = () => {
    const start = performance.now();
    while (simulation.alpha() > simulation.alphaMin() && performance.now() - start < FRAME_BUDGET_MS) simulation.tick();
    if (simulation.alpha() > simulation.alphaMin()) {
      if (start - shown > REDRAW_MS) {
        shown = start;
        // A large map is drawn once, at the end: drawing thousands of nodes costs more than the steps.
        if (large) progress(1 - Math.log(simulation.alpha()) / Math.log(simulation.alphaMin()));
        else {
          place();
          graph.fit(undefined, 30);
        }
      }
      requestAnimationFrame(step);
      return;
    }
    place();
    graph.edges().removeClass('pending');
    if (axis) addAxis(graph, axis, nodes);
    graph.fit(undefined, 30);
    done();
  };
  requestAnimationFrame(step);
}

/** Tick marks and dates under the nodes, as graph elements so they pan, zoom and export with it. */
function addAxis(graph: Core, axis: NonNullable<ReturnType<typeof timeAxis>>, nodes: readonly SimNode[]): void {
  const y = Math.max(...nodes.map((n) => (n.y ?? 0) + n.radius)) + 50;
  const elements: ElementDefinition[] = axis.ticks.map((time, i) => ({ group: 'nodes', data: { id: `tick:${i}`, label: new Date(time).toISOString().slice(0, 10), fontSize: axis.fontSize }, position: { x: axis.x(time), y }, classes: 'tick', selectable: false, grabbable: false }));
  for (let i = 1; i < axis.ticks.length; i++) elements.push({ group: 'edges', data: { id: `axis:${i}`, source: `tick:${i - 1}`, target: `tick:${i}` }, classes: 'axis', selectable: false });
  if (nodes.some((n) => n.targetX === axis.undatedX)) elements.push({ group: 'nodes', data: { id: 'tick:undated', label: 'undated', fontSize: axis.fontSize }, position: { x: axis.undatedX, y }, classes: 'tick', selectable: false, grabbable: false });
  graph.add(elements);
}

// ------------------------------------------------------------------------------------------ drawing

function draw(map: ActorMap, limit: number): void {
  current = map;
  selected = undefined;
  document.body.dataset.state = 'layout';
  ($('limit') as HTMLSelectElement).value = String(limit);
  $('stale').hidden = true;
  $('details').hidden = true;
  const started = performance.now();
  const large = map.nodes.length > 1000;
  const elements: ElementDefinition[] = [
    ...map.nodes.map((n): ElementDefinition => ({ group: 'nodes', data: { id: n.id, name: n.name, size: radiusOf(n) * 2, fontSize: fontSizeOf(n) }, classes: `actor ${n.type}` })),
    ...map.edges.map((e, i): ElementDefinition => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.source, target: e.target, width: e.kind === 'quotes' ? 1 + Math.log2(e.weight) : 0.5 + Math.log2(e.weight + 1) },
      classes: e.kind,
    })),
  ];
  cy?.destroy();
  cy = cytoscape({
    container: $('map'),
    elements,
    style: stylesheet(),
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    // Large maps: draw a cached picture while panning and zooming, and leave edges out meanwhile.
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
  });
  cy.on('tap', 'node.actor', (event) => select(event.target.id(), false));
  cy.on('tap', (event) => {
    if (event.target === cy) clearSelection();
  });
  const quotesLines = map.edges.filter((e) => e.kind === 'quotes').length;
  $('summary').textContent = `${count(map.nodes.length, 'actor')}${map.totalActors > map.nodes.length ? ` of ${map.totalActors.toLocaleString('en')}, the most mentioned` : ''} · ${count(map.edges.length - quotesLines, 'line')} between actors of the same articles · ${count(quotesLines, 'line')} from speakers`;
  listActors('');
  const graph = cy;
  const summary = $('summary').textContent;
  layOut(map, graph, (fraction) => ($('summary').textContent = `Laying out ${count(map.nodes.length, 'actor')}: ${Math.round(fraction * 100)}%`), () => {
    $('summary').textContent = summary;
    if (graph !== cy) return;
    const ms = Math.round(performance.now() - started);
    document.body.dataset.state = 'rendered';
    document.body.dataset.nodes = String(map.nodes.length);
    document.body.dataset.edges = String(map.edges.length);
    post({ type: 'rendered', nodes: map.nodes.length, edges: map.edges.length, ms });
  });
}

/** The list beside the map: the first actors matching the search, as buttons that select them. */
function listActors(query: string): void {
  const list = $('actors');
  list.replaceChildren();
  if (!current) return;
  const q = query.trim().toLowerCase();
  const rows = current.nodes.filter((n) => !q || n.name.toLowerCase().includes(q)).slice(0, LISTED);
  for (const node of rows) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = node.id;
    button.className = `actor ${node.type}`;
    button.textContent = node.name;
    button.addEventListener('click', () => select(node.id, true));
    const counts = document.createElement('span');
    counts.textContent = `${count(node.mentions, 'mention')} · ${count(node.articles, 'article')}`;
    item.append(button, counts);
    list.append(item);
  }
}

function select(id: string, center: boolean): void {
  const graph = cy;
  const node = current?.nodes.find((n) => n.id === id);
  if (!graph || !node) return;
  selected = id;
  const element = graph.getElementById(id);
  graph.batch(() => {
    graph.elements().unselect().addClass('faded');
    element.closedNeighborhood().removeClass('faded');
    graph.elements('.tick, .axis').removeClass('faded');
    element.select();
  });
  if (center) graph.animate({ center: { eles: element }, zoom: Math.max(graph.zoom(), 1) }, { duration: 250 });
  showDetails(node);
  post({ type: 'selected', id });
}

function clearSelection(): void {
  selected = undefined;
  cy?.elements().removeClass('faded').unselect();
  $('details').hidden = true;
}

function showDetails(node: MapNode, quotes?: { rows: readonly QuoteRow[]; total: number }): void {
  const details = $('details');
  details.hidden = false;
  details.replaceChildren();
  const title = document.createElement('h2');
  title.textContent = node.name;
  const facts = document.createElement('p');
  facts.textContent = [TYPE_LABEL[node.type] ?? node.type, count(node.mentions, 'mention'), count(node.articles, 'article'), node.firstDate ? `${node.firstDate}${node.lastDate !== node.firstDate ? ` – ${node.lastDate}` : ''}` : ''].filter(Boolean).join(' · ');
  details.append(title, facts);
  if (node.roles.length) {
    const roles = document.createElement('p');
    roles.className = 'roles';
    roles.textContent = node.roles.join('; ');
    details.append(roles);
  }
  const heading = document.createElement('h3');
  heading.textContent = quotes ? (quotes.total ? `Quotes (${quotes.total.toLocaleString('en')})` : 'No quotes') : 'Quotes…';
  details.append(heading);
  if (!quotes) return;
  const list = document.createElement('ul');
  list.className = 'quotes';
  for (const quote of quotes.rows) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    // A speaker the server's rankers are unsure of says so, as in the Quotes view.
    const uncertain = quote.uncertainty === undefined ? '' : ` — speaker ${quote.uncertainty}`;
    button.textContent = `“${quote.text}”${uncertain}`;
    button.title = quote.title;
    button.addEventListener('click', () => post({ type: 'open', target: { uri: quote.uri, start: quote.start, end: quote.end } }));
    item.append(button);
    list.append(item);
  }
  details.append(list);
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : `${word}s`}`;
}

// ------------------------------------------------------------------------------------------ messages and controls

window.addEventListener('message', (event: MessageEvent<ToMap>) => {
  const message = event.data;
  switch (message.type) {
    case 'map':
      draw(message.map, message.limit);
      return;
    case 'quotes': {
      const node = current?.nodes.find((n) => n.id === message.id);
      if (node && selected === message.id) showDetails(node, { rows: message.quotes, total: message.total });
      return;
    }
    case 'select':
      select(message.id, true);
      return;
    case 'stale':
      $('stale-text').textContent = message.indexing ? 'Indexing articles: the map is redrawn when the index is complete.' : 'Articles changed.';
      $('stale').hidden = false;
      return;
    case 'exported':
      $('summary').textContent = message.message;
      return;
  }
});

$('limit').addEventListener('change', () => {
  document.body.dataset.state = 'loading';
  post({ type: 'load', limit: Number(($('limit') as HTMLSelectElement).value) });
});
$('reload').addEventListener('click', () => post({ type: 'load', limit: Number(($('limit') as HTMLSelectElement).value) }));
$('fit').addEventListener('click', () => cy?.fit(undefined, 30));
$('find').addEventListener('input', () => listActors(($('find') as HTMLInputElement).value));
$('export').addEventListener('click', () => {
  if (!cy) return;
  const box = cy.elements().boundingBox();
  const scale = Math.min(2, EXPORT_MAX_PX / Math.max(box.w, box.h, 1));
  const dataUrl = cy.png({ output: 'base64uri', full: true, scale, bg: theme().background });
  post({ type: 'export', format: 'png', dataUrl });
});
$('export-svg').addEventListener('click', () => {
  if (cy) post({ type: 'export', format: 'svg', svg: svgOf(cy) });
});

/** The drawing as SVG: every shown node and line as cytoscape placed and styled it (colours resolved). */
function svgOf(graph: Core): string {
  const t = theme();
  const nodes: SvgNode[] = [];
  graph.nodes().forEach((node) => {
    if (!node.visible()) return;
    const { x, y } = node.position();
    const label = node.style('label') as string;
    const border = node.numericStyle('border-width') as number;
    nodes.push({
      x,
      y,
      width: node.width(),
      height: node.height(),
      shape: node.style('shape') as SvgNode['shape'],
      fill: node.style('background-color') as string,
      opacity: node.numericStyle('opacity') as number,
      ...(label ? { label } : {}),
      fontSize: node.numericStyle('font-size') as number,
      textColor: node.style('color') as string,
      outlineColor: t.background,
      ...(border > 0 ? { borderWidth: border, borderColor: node.style('border-color') as string } : {}),
    });
  });
  const edges: SvgEdge[] = [];
  graph.edges().forEach((edge) => {
    if (!edge.visible()) return;
    const [from, to] = [edge.sourceEndpoint(), edge.targetEndpoint()];
    edges.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y, color: edge.style('line-color') as string, width: edge.numericStyle('width') as number, opacity: edge.numericStyle('opacity') as number, arrow: edge.style('target-arrow-shape') !== 'none' });
  });
  return mapToSvg({ nodes, edges, background: t.background, fontFamily: t.font });
}

// A theme change rewrites the CSS variables and the body's class: restyle the drawing.
new MutationObserver(() => cy?.style(stylesheet())).observe(document.body, { attributes: true, attributeFilter: ['class'] });

post({ type: 'ready' });
