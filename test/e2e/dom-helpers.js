// Injected into the code-server page (page.addInitScript) by drive.ts. Plain browser JavaScript on purpose:
// functions written in TS and run through tsx get esbuild's `__name(...)` wrappers, which do not exist in the page.
// Everything here only READS the DOM, the way a person reads the screen.
(() => {
  const NBSP = /\u00a0/g; // Monaco renders spaces as U+00A0

  /** The visible text editor, optionally the one whose model URI ends with `suffix`. */
  function editor(suffix) {
    const all = [...document.querySelectorAll('.part.editor .monaco-editor')].filter(visible);
    if (!suffix) return all[0] || null;
    return all.find((e) => (decodeURIComponent(e.getAttribute('data-uri') || '')).endsWith(suffix)) || null;
  }

  /**
   * Text nodes of a rendered line that belong to the document: inlay hints are injected into the same DOM as text
   * (spans with a generated `dyn-rule-*` class), but are not part of the file.
   */
  function docTextNodes(els) {
    const nodes = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement && n.parentElement.closest('[class*="dyn-rule"], [class*="inlay"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let t;
      while ((t = walker.nextNode())) nodes.push(t);
    }
    return nodes;
  }

  /**
   * Rendered lines of an editor: [{ n, text, els }], sorted by line number (only lines in the viewport).
   * With word wrap a line is several .view-line elements; the ones below a line number belong to it.
   */
  function lineEls(ed) {
    if (!ed) return [];
    const numbers = [];
    for (const n of ed.querySelectorAll('.margin-view-overlays .line-numbers')) {
      const num = parseInt(n.textContent, 10);
      if (!Number.isNaN(num)) numbers.push({ top: Math.round(n.parentElement.getBoundingClientRect().top), num });
    }
    numbers.sort((a, b) => a.top - b.top);
    const views = [...ed.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ el, top: Math.round(el.getBoundingClientRect().top) }))
      .sort((a, b) => a.top - b.top);
    const byNum = new Map();
    for (const v of views) {
      let owner = null;
      for (const n of numbers) if (n.top <= v.top) owner = n; else break;
      if (!owner) continue; // a wrapped tail whose line number is scrolled out of view
      if (!byNum.has(owner.num)) byNum.set(owner.num, { n: owner.num, els: [], head: owner.top === v.top });
      byNum.get(owner.num).els.push(v.el);
    }
    // a line is whole when its first row is in view (head) and, at the bottom, when the next line's number is
    // rendered or there is room for one more row below its last row (else its tail may be cut off)
    const scroller = ed.querySelector('.monaco-scrollable-element.editor-scrollable') || ed;
    const bottom = scroller.getBoundingClientRect().bottom;
    const maxNum = numbers.length ? Math.max(...numbers.map((n) => n.num)) : 0;
    return [...byNum.values()]
      .filter((l) => l.head)
      .filter((l) => l.n < maxNum || l.els[l.els.length - 1].getBoundingClientRect().bottom + l.els[0].getBoundingClientRect().height <= bottom)
      .map((l) => ({ n: l.n, els: l.els, text: docTextNodes(l.els).map((t) => t.textContent).join('').replace(NBSP, ' ') }))
      .sort((a, b) => a.n - b.n);
  }

  /** DOM Range over the first whole-word occurrence of `word` (on line `line` if given). */
  function wordRange(ed, word, line) {
    for (const l of lineEls(ed)) {
      if (line && l.n !== line) continue;
      const re = new RegExp('(^|[^\\p{L}\\p{N}])' + word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![\\p{L}\\p{N}])', 'u');
      const m = re.exec(l.text);
      if (!m) continue;
      let start = m.index + m[1].length;
      const end = start + word.length;
      // walk text nodes to map the character offset to (node, offset)
      const nodes = docTextNodes(l.els);
      let pos = 0, startNode = null, startOff = 0, endNode = null, endOff = 0;
      for (const node of nodes) {
        const len = node.textContent.length;
        if (!startNode && start < pos + len) { startNode = node; startOff = start - pos; }
        if (startNode && end <= pos + len) { endNode = node; endOff = end - pos; break; }
        pos += len;
      }
      if (!startNode || !endNode) continue;
      const r = document.createRange();
      r.setStart(startNode, startOff);
      r.setEnd(endNode, endOff);
      return { range: r, line: l.n, node: startNode };
    }
    return null;
  }

  function rgbToHex(c) {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c || '');
    return m ? '#' + [m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('') : c;
  }

  /** Rows of a tree (the Outline, a view pane) in tree order: level, expansion, selection, label and description. */
  function treeRows(rows) {
    return [...rows]
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((r) => ({
        index: Number(r.getAttribute('data-index')),
        level: Number(r.getAttribute('aria-level') || 0),
        expanded: r.getAttribute('aria-expanded'),
        selected: r.getAttribute('aria-selected') === 'true' || r.classList.contains('selected'),
        name: ((r.querySelector('.label-name') || {}).innerText || '').replace(NBSP, ' '),
        detail: ((r.querySelector('.label-description') || {}).innerText || '').replace(NBSP, ' '),
        aria: r.getAttribute('aria-label') || '',
      }));
  }

  function visible(el) {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }

  window.__al = {
    lines(suffix) { return lineEls(editor(suffix)).map(({ n, text }) => ({ n, text })); },

    editorUris() { return [...document.querySelectorAll('.part.editor .monaco-editor')].filter(visible).map((e) => e.getAttribute('data-uri')); },

    /** Centre of a word on screen, for the mouse. */
    wordBox(word, line, suffix) {
      const w = wordRange(editor(suffix), word, line);
      if (!w) return null;
      const r = w.range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height, line: w.line };
    },

    /** Computed colour and token class of the span that renders `word`. */
    wordColor(word, line, suffix) {
      const w = wordRange(editor(suffix), word, line);
      if (!w) return null;
      const span = w.node.parentElement;
      return { color: rgbToHex(getComputedStyle(span).color), cls: span.className, spanText: span.textContent.replace(NBSP, ' '), line: w.line };
    },

    /**
     * The language status items shown in the hover of the status bar's "{ }" entry (null when it is not shown):
     * each item's label and detail as one line.
     */
    languageStatus() {
      const items = [...document.querySelectorAll('.hover-language-status .element .left')].filter(visible);
      return items.length ? items.map((e) => e.innerText.replace(NBSP, ' ').replace(/\s+/g, ' ').trim()) : null;
    },

    statusMode() { const e = document.querySelector('#status\\.editor\\.mode'); return e ? e.innerText.trim() : null; },
    statusSelection() { const e = document.querySelector('#status\\.editor\\.selection'); return e ? e.innerText.trim() : null; },
    statusProblems() { const e = document.querySelector('#status\\.problems'); return e ? (e.getAttribute('aria-label') || e.innerText) : null; },
    activeTab() { const t = document.querySelector('.part.editor .tab.active'); return t ? { label: t.getAttribute('aria-label'), dirty: t.classList.contains('dirty') } : null; },

    hoverTexts() {
      return [...document.querySelectorAll('.monaco-hover:not(.hidden)')].filter(visible)
        .map((h) => h.innerText.replace(NBSP, ' ')).filter((t) => t.trim());
    },

    quickInputRows() {
      return [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].filter(visible)
        .map((r) => (r.classList.contains('focused') ? '> ' : '') + (r.getAttribute('aria-label') || r.innerText));
    },

    /** Problems panel rows in tree order: resource rows, marker rows, related-information rows. */
    problems() {
      const panel = document.querySelector('.markers-panel');
      if (!panel || !visible(panel)) return null;
      const rows = [...panel.querySelectorAll('.monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
      return {
        message: (panel.querySelector('.markers-panel-container .message-box-container') || {}).innerText || '',
        rows: rows.map((r) => ({
          level: Number(r.getAttribute('aria-level') || 0),
          expanded: r.getAttribute('aria-expanded'),
          aria: r.getAttribute('aria-label') || '',
          kind: r.querySelector('.marker-message') || r.querySelector('.marker-message-details') ? 'marker'
            : r.querySelector('.related-info-resource, .related-info-resource-separator') ? 'related' : 'resource',
          message: ((r.querySelector('.marker-message') || {}).innerText || '').replace(NBSP, ' '),
          where: ((r.querySelector('.marker-line') || {}).innerText || '').replace(NBSP, ' '),
          text: r.innerText.replace(NBSP, ' ').replace(/\s+/g, ' ').trim(),
        })),
      };
    },

    /** Outline rows in tree order. */
    outline() {
      const pane = document.querySelector('.outline-pane');
      if (!pane || !visible(pane)) return null;
      return treeRows(pane.querySelectorAll('.monaco-list-row'));
    },

    /** Items of the code action menu (lightbulb / Ctrl+.). */
    codeActions() {
      return [...document.querySelectorAll('.action-widget .monaco-list-row')].filter(visible)
        .map((r) => ({ text: r.innerText.replace(NBSP, ' ').trim(), aria: r.getAttribute('aria-label') || '', cls: r.className }));
    },

    /** The small message bubble an editor shows, e.g. "No code actions available". */
    /** Rows of the Comments panel (threads and their comments), as shown. */
    commentRows() {
      return [...document.querySelectorAll('.comments-panel .monaco-list-row')].filter(visible).map((r) => r.innerText.replace(NBSP, ' '));
    },

    editorMessage() {
      const m = [...document.querySelectorAll('.part.editor .monaco-editor-overlaymessage')].find(visible);
      return m ? m.innerText.trim() : null;
    },

    /**
     * Rows of a view pane (a tree view in the side bar) whose header title is `title`, in tree order; null when the
     * pane is not shown. A collapsed pane has no rows.
     */
    viewRows(title) {
      const pane = [...document.querySelectorAll('.pane')].find((p) => {
        const t = p.querySelector('.pane-header .title');
        return t && t.textContent.trim().toLowerCase() === title.toLowerCase();
      });
      if (!pane || !visible(pane)) return null;
      return treeRows(pane.querySelectorAll('.pane-body .monaco-list-row'));
    },

    /** The Welcome page's walkthrough, when one is shown: its title and step titles. */
    walkthrough() {
      const page = [...document.querySelectorAll('.gettingStartedContainer')].find(visible);
      if (!page) return null;
      const slide = page.querySelector('.gettingStartedSlideDetails') || page;
      return {
        title: ((slide.querySelector('.getting-started-category h2, .category-title, h2') || {}).textContent || '').trim(),
        steps: [...slide.querySelectorAll('.getting-started-step')].map((s) => ((s.querySelector('.step-title') || {}).textContent || '').trim()),
      };
    },

    tokenInspector() {
      const w = document.querySelector('.token-inspect-widget');
      return w && visible(w) ? w.innerText.replace(NBSP, ' ') : null;
    },
  };
})();
