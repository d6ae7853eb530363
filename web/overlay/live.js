// Live pages: a MutationObserver marks the article dirty and a scheduler
// re-runs the analysis, debounced (QUIET_MS of quiet) but bounded (at least
// every MAX_WAIT_MS while the page keeps changing, never two at once, and
// further apart when a run is slow), so a page that mutates constantly is not
// slowed. A new URL (popstate, the Navigation API, or a changed location seen
// with a mutation) re-runs the whole analysis.
//
// Besides text, what a reader can see counts: a style sheet added to or taken
// from the page (a flicker-control style hiding <body> until a script removes
// it), the page's visibility, and the class, style and hidden attributes of
// the article, of its ancestors, or of anything while no article is found
// (a body hidden at load, a "read more" that expands).

export const QUIET_MS = 300;
export const MAX_WAIT_MS = 1000;

// Attributes that change what a reader sees.
const SIGHT_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'open', 'lang'];

// `roots()` gives the article's root elements now (none: no article found).
export function createLive({ document, ignore, refresh, onNavigate, roots = () => [], quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS }) {
  const window = document.defaultView;
  const listeners = new AbortController();
  let href = window.location.href;
  let firstDirty = 0;
  let timer = 0;
  let running = false;
  let pending = false;
  let navigated = false;
  let lastCost = 0;
  let destroyed = false;

  const fire = async () => {
    timer = 0;
    if (destroyed) return;
    if (running) {
      pending = true;
      return;
    }
    running = true;
    const wasNavigation = navigated;
    navigated = false;
    firstDirty = 0;
    const started = window.performance.now();
    try {
      await refresh({ navigated: wasNavigation });
    } finally {
      lastCost = window.performance.now() - started;
      running = false;
      if (pending && !destroyed) {
        pending = false;
        schedule();
      }
    }
  };

  // Debounce with a ceiling: wait for quiet, but not past maxWait since the
  // first change; a slow refresh stretches the ceiling (20x its cost).
  function schedule() {
    if (destroyed) return;
    const now = window.performance.now();
    if (!firstDirty) firstDirty = now;
    const ceiling = Math.max(maxWaitMs, lastCost * 20);
    const delay = Math.max(0, Math.min(quietMs, firstDirty + ceiling - now));
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(fire, delay);
  }

  function checkLocation() {
    if (window.location.href === href) return false;
    href = window.location.href;
    navigated = true;
    onNavigate();
    schedule();
    return true;
  }

  const isStyle = (node) => node.nodeType === 1 && (node.localName === 'style' || (node.localName === 'link' && /stylesheet/i.test(node.getAttribute('rel') || '')))
    && !/^whosays-/.test(node.id || '');
  const inBody = (node) => Boolean(document.body) && document.body.contains(node);

  // Whether a change can change the article or whether it can be seen.
  function matters(record) {
    const target = record.target;
    if (ignore(target)) return false;
    if (record.type === 'attributes') {
      const current = roots();
      if (!current.length) return true;
      return current.some((root) => root === target || root.contains(target) || target.contains(root));
    }
    if (inBody(target)) return true;
    // Outside the body only style sheets count (and their text).
    if (record.type === 'characterData') return Boolean(target.parentNode) && isStyle(target.parentNode);
    return [...record.addedNodes, ...record.removedNodes].some(isStyle);
  }

  const observer = new window.MutationObserver((records) => {
    if (checkLocation()) return;
    if (records.some(matters)) schedule();
  });
  observer.observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: SIGHT_ATTRIBUTES,
  });

  // A page opened in a background tab shows later.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') schedule();
  }, { signal: listeners.signal });

  window.addEventListener('popstate', checkLocation, { signal: listeners.signal });
  if (window.navigation && typeof window.navigation.addEventListener === 'function') {
    window.navigation.addEventListener('currententrychange', checkLocation, { signal: listeners.signal });
  }

  return {
    schedule,
    destroy() {
      destroyed = true;
      observer.disconnect();
      listeners.abort();
      if (timer) window.clearTimeout(timer);
    },
  };
}
