/**
 * The actor map's page: a strict Content-Security-Policy (only this page's nonce-tagged script and
 * styles, images from the extension or the canvas's own exports, no connections), the drawing, and
 * the list and details beside it. Pure (no `vscode` import), so the map's benchmark loads the very
 * page the panel shows.
 */
export interface ActorMapPage {
  /** A fresh random value per page: the one script and the stylesheets carry it. */
  readonly nonce: string;
  /** The origin the webview serves the extension's files from (`webview.cspSource`). */
  readonly cspSource: string;
  /** URLs of `dist/webview/actorMap.js` and `.css` as the webview can load them. */
  readonly script: string;
  readonly style: string;
}

export function actorMapHtml({ nonce, cspSource, script, style }: ActorMapPage): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style}">
<!-- cytoscape.js inserts this rule as an inline <style> unless an element with this id exists; the CSP would block that one. -->
<style nonce="${nonce}" id="__________cytoscape_stylesheet">.__________cytoscape_container { position: relative; }</style>
<title>Actor Map</title>
</head>
<body data-state="loading">
<main id="map" aria-label="Actor map: actors as circles, lines between actors of the same articles and from speakers to the actors they quote about"></main>
<aside id="side" aria-label="Actors on the map">
  <header>
    <p id="summary" role="status">Loading the actors…</p>
    <div class="controls">
      <label>Actors <select id="limit" aria-label="How many actors to draw">
        <option value="100">100</option><option value="300" selected>300</option><option value="1000">1,000</option><option value="3000">3,000</option><option value="5000">5,000</option>
      </select></label>
      <button id="fit" type="button" title="Fit the map to the window">Fit</button>
      <button id="export" type="button" title="Save the map as a PNG picture">Export PNG</button>
      <button id="export-svg" type="button" title="Save the map as an SVG picture (vector, names as text)">Export SVG</button>
    </div>
    <p id="stale" hidden><span id="stale-text">Articles changed.</span> <button id="reload" type="button">Redraw</button></p>
    <p id="legend"><span class="dot person"></span>person <span class="dot organization"></span>organisation <span class="dot location"></span>place <span class="line together"></span>same article <span class="line quotes"></span>quotes about</p>
    <input id="find" type="search" placeholder="Find an actor" aria-label="Find an actor on the map">
  </header>
  <section id="details" aria-live="polite" hidden></section>
  <ul id="actors" aria-label="Actors, most mentioned first"></ul>
</aside>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
