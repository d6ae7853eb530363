// Highlights. With the CSS Custom Highlight API the page's DOM is untouched:
// ranges go into CSS.highlights under whosays- names, styled by a constructed
// style sheet adopted by the document. Without it (older browsers) the
// fallback draws translucent boxes from each range's client rectangles in the
// overlay's own shadow root, following scroll and resize.
//
// Status is never told by colour alone: attributed = thin solid underline,
// vague = wavy underline, unattributed = double underline. Every underline
// stays inside the line's own descent (offset + drawn height <= 4 px, so at
// line-height 1.2 it never reaches the next line and reads as no
// strike-through) and runs through descenders rather than breaking at them.

export const STATUSES = ['attributed', 'vague', 'unattributed'];
export const PREFIX = 'whosays-';

// Translucent backgrounds read on light and dark pages; the underline colours
// are mid-tones that keep contrast on both, and the shapes differ per status
// (Okabe-Ito blue, orange and vermilion, distinguishable with colour-blindness).
export const UNDERLINES = {
  attributed: { style: 'solid', thickness: 1, offset: 2 },
  vague: { style: 'wavy', thickness: 1, offset: 1 },
  unattributed: { style: 'double', thickness: 1, offset: 1 },
};

// How far below the baseline an underline reaches: a double line is drawn
// three thicknesses high, a wavy one about three too.
export function underlineDepth({ style, thickness, offset }) {
  return offset + thickness * (style === 'double' || style === 'wavy' ? 3 : 1);
}

const COLOURS = {
  attributed: { background: 'rgba(0, 114, 178, 0.16)', line: 'rgba(0, 114, 178, 0.9)' },
  vague: { background: 'rgba(230, 159, 0, 0.3)', line: 'rgb(200, 120, 0)' },
  unattributed: { background: 'rgba(213, 94, 0, 0.3)', line: 'rgb(213, 94, 0)' },
};

export const HIGHLIGHT_CSS = `${Object.entries(UNDERLINES).map(([status, { style, thickness, offset }]) => `
::highlight(whosays-${status}) {
  background-color: ${COLOURS[status].background};
  text-decoration: underline ${style} ${COLOURS[status].line} ${thickness}px;
  text-underline-offset: ${offset}px;
  text-decoration-skip-ink: none;
}`).join('')}
::highlight(whosays-active) {
  background-color: rgba(204, 121, 167, 0.45);
  outline: 2px solid rgb(204, 121, 167);
}
`;

export const FALLBACK_CSS = `
.marks { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.mark { position: fixed; pointer-events: none; border-radius: 2px; }
.mark[data-status="attributed"] { background: rgba(0, 114, 178, 0.16); border-bottom: 1px solid rgba(0, 114, 178, 0.9); }
.mark[data-status="vague"] { background: rgba(230, 159, 0, 0.3); border-bottom: 2px dashed rgb(200, 120, 0); }
.mark[data-status="unattributed"] { background: rgba(213, 94, 0, 0.3); border-bottom: 4px double rgb(213, 94, 0); }
.mark[data-active] { background: rgba(204, 121, 167, 0.45); }
`;

export function supportsHighlights(window) {
  return Boolean(window && window.CSS && window.CSS.highlights && typeof window.Highlight === 'function');
}

// A painter draws entries [{ id, status, range }]. `layer` is an element in
// the overlay's shadow root for the fallback's boxes.
export function createPainter({ document, layer, forceFallback = false }) {
  const window = document.defaultView;
  const native = !forceFallback && supportsHighlights(window);
  let entries = [];
  let visible = true;
  let activeId = null;
  let pulseTimers = [];
  let sheet = null;
  let styleElement = null;
  let frame = 0;
  const listeners = new AbortController();

  if (native) {
    if ('adoptedStyleSheets' in document && typeof window.CSSStyleSheet === 'function') {
      try {
        sheet = new window.CSSStyleSheet();
        sheet.replaceSync(HIGHLIGHT_CSS);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      } catch {
        sheet = null;
      }
    }
    if (!sheet) {
      styleElement = document.createElement('style');
      styleElement.id = 'whosays-highlight-style';
      styleElement.textContent = HIGHLIGHT_CSS;
      (document.head || document.documentElement).appendChild(styleElement);
    }
  } else {
    const redraw = () => {
      if (frame) return;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        drawFallback();
      });
    };
    window.addEventListener('scroll', redraw, { passive: true, capture: true, signal: listeners.signal });
    window.addEventListener('resize', redraw, { passive: true, signal: listeners.signal });
  }

  function drawNative() {
    const registry = window.CSS.highlights;
    for (const status of STATUSES) registry.delete(PREFIX + status);
    registry.delete(PREFIX + 'active');
    if (!visible) return;
    for (const status of STATUSES) {
      const ranges = entries.filter((entry) => entry.status === status).map((entry) => entry.range);
      if (ranges.length) registry.set(PREFIX + status, new window.Highlight(...ranges));
    }
    const active = entries.find((entry) => entry.id === activeId);
    if (active && !active.dimmed) {
      const highlight = new window.Highlight(active.range);
      highlight.priority = 1;
      registry.set(PREFIX + 'active', highlight);
    }
  }

  function drawFallback() {
    if (!layer) return;
    layer.replaceChildren();
    if (!visible) return;
    const height = window.innerHeight;
    for (const entry of entries) {
      for (const rect of entry.range.getClientRects()) {
        if (rect.bottom < 0 || rect.top > height || rect.width === 0) continue;
        const mark = document.createElement('div');
        mark.className = 'mark';
        mark.dataset.status = entry.status;
        if (entry.id === activeId && !entry.dimmed) mark.dataset.active = '';
        mark.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
        layer.appendChild(mark);
      }
    }
  }

  const draw = () => (native ? drawNative() : drawFallback());

  return {
    native,
    paint(next) {
      entries = next;
      draw();
    },
    setVisible(value) {
      visible = Boolean(value);
      draw();
    },
    get visible() {
      return visible;
    },
    setActive(id) {
      activeId = id;
      draw();
    },
    // Blinks the active mark a few times to catch the eye.
    pulse(id) {
      for (const timer of pulseTimers) window.clearTimeout(timer);
      pulseTimers = [];
      activeId = id;
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) return;
      for (let step = 0; step < 6; step++) {
        pulseTimers.push(window.setTimeout(() => {
          entry.dimmed = step % 2 === 0;
          draw();
        }, step * 180));
      }
      pulseTimers.push(window.setTimeout(() => {
        entry.dimmed = false;
        draw();
      }, 6 * 180));
    },
    destroy() {
      for (const timer of pulseTimers) window.clearTimeout(timer);
      if (frame) window.cancelAnimationFrame(frame);
      listeners.abort();
      if (native) {
        for (const status of STATUSES) window.CSS.highlights.delete(PREFIX + status);
        window.CSS.highlights.delete(PREFIX + 'active');
      }
      if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
      if (styleElement) styleElement.remove();
      if (layer) layer.replaceChildren();
      entries = [];
    },
  };
}
