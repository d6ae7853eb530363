// The overlay's one entry, started by the script tag (web/embed/) and by the
// extension's content script alike: createOverlay({ engine, ... }) finds the
// article, sends its blocks to the engine, highlights the claims and explains
// them in a panel. No extension API, no network request; destroy() leaves
// the page as it found it. The contract is in docs/overlay.md.
import { rangeFor, rangeText, reanchor, selectorFor } from './anchor.js';
import { articleOf, createReadabilityMemo, extractArticle } from './extract.js';
import { createPainter } from './highlight.js';
import { articleLanguage, englishShare, languageMessage } from './language.js';
import { createLive } from './live.js';
import { createPanel } from './panel.js';
import { freeArea, GAP, intersects, restingSide, scrollFor, sideFor } from './placement.js';

export { extractArticle, isProbablyArticle, articleOf, createReadabilityMemo } from './extract.js';
export { rangeFor, reanchor, selectorFor } from './anchor.js';
export { buildLedger } from './ledger.js';
export { articleLanguage, englishShare } from './language.js';
export { summaryLine } from './panel.js';

const STATUSES = ['attributed', 'vague', 'unattributed'];
const FLAG_STATUSES = new Set(['vague', 'unattributed']);
const MODES = new Set(['flags', 'all']);
const POSITIONS = new Set(['right', 'left', 'bottom']);

// Whether an engine error says the page's CSP forbids WebAssembly.
export function isCspError(error) {
  return /Content.Security.Policy|wasm-unsafe-eval|wasm-eval/i.test(String(error && (error.message || error)));
}

export const CSP_MESSAGE = "whosays can't run on this page: its Content-Security-Policy does not allow WebAssembly. "
  + "The site needs 'wasm-unsafe-eval' in its script-src (see docs/embed.md).";

// The summary when nothing was analysed. Otherwise the core's own summary is
// shown as it comes (core/include/whosays/claim.h summarize()): the counts
// are made in one place only.
const EMPTY_SUMMARY = Object.freeze({ claims: 0, attributed: 0, vague: 0, unattributed: 0, casualty: 0, responsibility: 0, flags: 0 });

// Checks one claim from the engine against the blocks it was given.
function validClaim(claim, blocks) {
  return claim && Number.isInteger(claim.block) && claim.block >= 0 && claim.block < blocks.length
    && Number.isInteger(claim.start) && Number.isInteger(claim.end)
    && claim.start >= 0 && claim.start < claim.end && claim.end <= blocks[claim.block].text.length
    && STATUSES.includes(claim.status);
}

export function createOverlay(options = {}) {
  const {
    engine,
    document = globalThis.document,
    root = null,
    signal = null,
    live = true,
    forceFallbackHighlights = false,
  } = options;
  if (!engine || typeof engine.analyze !== 'function') throw new TypeError('whosays: createOverlay needs an engine with analyze(article)');
  if (!document || !document.body) throw new TypeError('whosays: createOverlay needs a document with a body');
  const mode = MODES.has(options.mode) ? options.mode : 'flags';
  const position = POSITIONS.has(options.position) ? options.position : 'right';
  const window = document.defaultView;

  const events = new EventTarget();
  const listeners = new AbortController();
  const state = {
    destroyed: false,
    generation: 0,
    blocks: [],
    claims: [],
    result: null,
    summary: null,
    statuses: new Set(mode === 'flags' ? FLAG_STATUSES : STATUSES),
    kind: 'all',
    highlights: options.highlights !== false,
    active: -1,
    hovered: -1,
    carded: -1,
    article: null,
    roots: [],
  };

  const panel = createPanel({
    document,
    position,
    actions: {
      open: (how) => controller.open(how),
      close: (how) => controller.close(how),
      setMode: (next) => controller.setMode(next),
      setStatuses: (next) => {
        state.statuses = next;
        applyFilter();
      },
      setKind: (kind) => {
        state.kind = kind;
        applyFilter();
      },
      setHighlights: (on) => controller.setHighlights(on),
      select: (index, how) => select(index, how),
    },
  });
  document.body.appendChild(panel.host);
  const painter = createPainter({ document, layer: panel.marks, forceFallback: forceFallbackHighlights });
  // Readability's answer kept while the page provably leaves it unchanged
  // (extract.js); a given root needs no Readability.
  const memo = root ? null : createReadabilityMemo(document);
  // The language check's count of English words and the blocks it counted:
  // a function of their text alone, so blocks of the same text (the memo's
  // kept ones, or read afresh) count the same.
  let counted = { blocks: [], count: null };
  if (options.collapsed === false) panel.open();

  function emit(type, detail) {
    events.dispatchEvent(new CustomEvent(type, { detail }));
  }

  function isShown(claim) {
    return state.statuses.has(claim.status) && (state.kind === 'all' || (claim.kinds || []).includes(state.kind));
  }

  function paint() {
    painter.paint(state.claims
      .map((claim, index) => ({ id: index, status: claim.status, range: claim.range, claim }))
      .filter((entry) => entry.range && isShown(entry.claim)));
  }

  function applyFilter() {
    panel.setFilter({
      statuses: state.statuses,
      kind: state.kind,
      mode: [...state.statuses].sort().join() === [...FLAG_STATUSES].sort().join() ? 'flags' : 'all',
      highlights: state.highlights,
    });
    paint();
  }

  // Turns engine claims into the overlay's: reading order, ranges, selectors.
  function anchorClaims(blocks, claims) {
    return claims
      .filter((claim) => validClaim(claim, blocks))
      .sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end)
      .map((claim) => {
        const text = blocks[claim.block].text.slice(claim.start, claim.end);
        const range = rangeFor(blocks[claim.block], claim.start, claim.end, document);
        const anchored = Boolean(range) && rangeText(range) === text;
        return {
          ...claim,
          text: claim.text || text,
          range: anchored ? range : null,
          anchored,
          selector: selectorFor(blocks, claim),
        };
      });
  }

  // The claims found again in freshly extracted blocks (text unchanged, DOM
  // nodes possibly replaced): by position, checked by quote, else searched.
  function reanchorClaims(blocks) {
    for (const claim of state.claims) {
      const found = reanchor(blocks, claim.selector);
      const range = found && rangeFor(blocks[found.block], found.start, found.end, document);
      claim.anchored = Boolean(range) && rangeText(range) === claim.selector.exact;
      claim.range = claim.anchored ? range : null;
    }
  }

  // Why nothing was analysed, in the panel's words.
  const NO_ARTICLE = {
    'no-article': 'No article found on this page, so nothing was analysed.',
    hidden: 'No article in sight on this page yet, so nothing was analysed (whosays looks again when the page shows).',
    listing: 'This looks like a home or section page of many stories, not one article, so nothing was analysed.',
  };

  // `article` is false, or the message when it was not analysed.
  function show(result, claims, blocks, article, message = '') {
    state.blocks = blocks;
    state.claims = claims;
    state.result = result;
    state.summary = result.summary ?? EMPTY_SUMMARY;
    if (state.active >= claims.length) state.active = -1;
    panel.setResult(claims, state.summary, { article });
    panel.showMessage(message);
    applyFilter();
    emit('result', {
      result,
      summary: state.summary,
      article,
      anchored: claims.filter((claim) => claim.anchored).length,
      unanchored: claims.filter((claim) => !claim.anchored).length,
    });
    // The highlights are set: the reader sees them in the next frame, and
    // the panel's list and ledger follow in a task after it.
    panel.fillAfterPaint();
  }

  function fail(error) {
    const csp = isCspError(error);
    const message = csp ? CSP_MESSAGE : `whosays could not analyse this page: ${error && error.message ? error.message : error}`;
    panel.showFailure(message);
    panel.open();
    emit('error', { message, name: (error && error.name) || 'Error', csp, cause: error });
  }

  // Extracts, analyses and draws. With `reuse`, an unchanged article is only
  // re-anchored (no engine call).
  async function run({ reuse = false } = {}) {
    if (state.destroyed) return null;
    const generation = ++state.generation;
    const extraction = extractArticle(document, { root, memo });
    state.roots = extraction.roots;
    if (reuse && state.result && sameText(extraction.blocks, state.blocks)) {
      reanchorClaims(extraction.blocks);
      state.blocks = extraction.blocks;
      paint();
      return state.result;
    }
    const nothing = (message, article) => {
      state.article = article;
      const result = { claims: [], summary: EMPTY_SUMMARY };
      show(result, [], extraction.blocks, false, message);
      return result;
    };
    if (!extraction.probablyArticle) {
      return nothing(NO_ARTICLE[extraction.reason] || NO_ARTICLE['no-article'], { found: false, analysed: false, reason: extraction.reason || 'no-article', language: null, blocks: [] });
    }
    if (!counted.count || !sameText(extraction.blocks, counted.blocks)) {
      counted = { blocks: extraction.blocks, count: englishShare(extraction.blocks.map((block) => block.text).join('\n')) };
    }
    const language = articleLanguage(document, extraction.roots[extraction.roots.length - 1], null, counted.count);
    if (!language.english) {
      return nothing(languageMessage(language), { found: true, analysed: false, reason: 'language', language: language.language, blocks: [] });
    }
    const article = articleOf(extraction.blocks);
    state.article = { found: true, analysed: true, reason: null, language: language.language, blocks: article.blocks };
    let result;
    try {
      result = await engine.analyze(article);
      if (!result || !Array.isArray(result.claims)) throw new Error('the engine returned no claims');
    } catch (error) {
      if (generation === state.generation && !state.destroyed) fail(error);
      throw error;
    }
    // A newer run (or destroy) superseded this one.
    if (generation !== state.generation || state.destroyed) return result;
    show(result, anchorClaims(extraction.blocks, result.claims), extraction.blocks, true);
    return result;
  }

  function sameText(blocks, previous) {
    if (blocks.length !== previous.length) return false;
    return blocks.every((block, index) => block.text === previous[index].text && block.kind === previous[index].kind);
  }

  // The claim's box: all its lines (the card goes beside the whole claim).
  function rectOf(claim) {
    return claim.range ? claim.range.getBoundingClientRect() : null;
  }

  // The viewport without its scroll bars (fixed elements stand inside it).
  function viewport() {
    const root = document.documentElement;
    return { width: root.clientWidth || window.innerWidth, height: window.innerHeight };
  }

  // The part of the viewport the panel leaves free.
  function freeNow() {
    return freeArea(viewport(), panel.panelRect(), panel.placement);
  }

  // Where the panel stands with nothing selected: its side, a sheet on a phone.
  function settle() {
    panel.setPlacement(restingSide(viewport().width, position));
    panel.limitHeight(null);
  }

  // Shows a claim where nothing hides it: the panel moves to the side the
  // claim leaves free (a bottom sheet when neither does, or on a phone), the
  // claim scrolls into the free part with room for its card, and the card
  // goes beside it there.
  function reveal(claim, index, withCard) {
    const start = claim.range.startContainer;
    const element = start.nodeType === 1 ? start : start.parentElement;
    // Any scrolling box around the claim first, without animation, so that
    // what is measured next is where it ends.
    if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    let rect = rectOf(claim);
    const view = viewport();
    panel.limitHeight(null);
    if (panel.isOpen) panel.setPlacement(sideFor(rect, view, position, Math.min(400, view.width - 24)));
    let area = freeNow();
    const size = withCard ? panel.measureCard(claim, Math.min(360, area.right - area.left - 2 * GAP)) : null;
    window.scrollBy({ top: scrollFor(rect, area, size ? size.height : 0), left: 0, behavior: 'instant' });
    rect = rectOf(claim);
    // Near the page's end the page can't scroll so far: the sheet gives way.
    const sheet = panel.panelRect();
    if (sheet && panel.placement === 'bottom' && intersects(rect, sheet)) {
      panel.limitHeight(Math.max(96, view.height - rect.bottom - 2 * GAP - (size ? size.height + GAP : 0)));
      area = freeNow();
    }
    if (withCard) {
      state.carded = index;
      panel.showCard(claim, rect, area);
    } else {
      panel.hideCard();
    }
  }

  // Makes claim `index` the current one: shows it where nothing hides it
  // (with its card when `card`) and pulses it.
  function select(index, { focus = false, card = false } = {}) {
    const claim = state.claims[index];
    if (!claim) return;
    state.active = index;
    panel.setCurrent(index, { focus });
    if (claim.range) {
      reveal(claim, index, card);
      painter.pulse(index);
    }
    emit('select', { index, claim });
  }

  // The next (+1) or previous (-1) flag in reading order, wrapping round.
  function step(direction) {
    const flags = state.claims.map((claim, index) => index).filter((index) => FLAG_STATUSES.has(state.claims[index].status) && state.claims[index].anchored);
    if (!flags.length) return -1;
    let next;
    if (direction > 0) next = flags.find((index) => index > state.active) ?? flags[0];
    else next = [...flags].reverse().find((index) => index < state.active) ?? flags[flags.length - 1];
    select(next, { card: true, focus: panel.isOpen && panel.shadow.activeElement !== null });
    return next;
  }

  // Global keys: Alt+Shift+N / Alt+Shift+P move between flags.
  document.addEventListener('keydown', (event) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code === 'KeyN' || event.key === 'N' || event.key === 'n') {
      event.preventDefault();
      step(1);
    } else if (event.code === 'KeyP' || event.key === 'P' || event.key === 'p') {
      event.preventDefault();
      step(-1);
    }
  }, { signal: listeners.signal });

  // Hovering a highlight shows its card (highlights are not elements, so the
  // pointer's text position is tested against the ranges).
  let hoverFrame = 0;
  let pointer = null;
  const caretAt = (x, y) => {
    if (typeof document.caretPositionFromPoint === 'function') {
      const position = document.caretPositionFromPoint(x, y);
      return position && { node: position.offsetNode, offset: position.offset };
    }
    if (typeof document.caretRangeFromPoint === 'function') {
      const range = document.caretRangeFromPoint(x, y);
      return range && { node: range.startContainer, offset: range.startOffset };
    }
    return null;
  };
  const hover = () => {
    hoverFrame = 0;
    if (!pointer || !painter.visible) return;
    const { x, y } = pointer;
    let found = -1;
    const caret = caretAt(x, y);
    if (caret && !panel.contains(caret.node)) {
      state.claims.some((claim, index) => {
        if (!claim.range || !isShown(claim)) return false;
        try {
          if (!claim.range.isPointInRange(caret.node, caret.offset)) return false;
        } catch {
          return false;
        }
        const rects = [...claim.range.getClientRects()];
        if (!rects.some((rect) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)) return false;
        found = index;
        return true;
      });
    }
    if (found === state.hovered) return;
    state.hovered = found;
    if (found >= 0) {
      state.carded = found;
      panel.showCard(state.claims[found], rectOf(state.claims[found]), freeNow());
    } else {
      state.carded = -1;
      panel.hideCard();
    }
  };
  document.addEventListener('pointermove', (event) => {
    pointer = { x: event.clientX, y: event.clientY };
    if (!hoverFrame) hoverFrame = window.requestAnimationFrame(hover);
  }, { passive: true, signal: listeners.signal });
  // Scrolling moves the card with its claim (a card from the keyboard) or
  // drops it (a hover card: the pointer is elsewhere now).
  let scrollFrame = 0;
  document.addEventListener('scroll', (event) => {
    if (panel.contains(event.target) || scrollFrame || !panel.cardVisible) return;
    scrollFrame = window.requestAnimationFrame(() => {
      scrollFrame = 0;
      const claim = state.claims[state.carded];
      const rect = claim && claim.range ? rectOf(claim) : null;
      if (state.hovered < 0 && rect && rect.bottom > 0 && rect.top < window.innerHeight) {
        panel.showCard(claim, rect, freeNow());
        return;
      }
      state.hovered = -1;
      state.carded = -1;
      panel.hideCard();
    });
  }, { passive: true, capture: true, signal: listeners.signal });

  // A new viewport size (a phone turned round) puts the panel back at rest.
  window.addEventListener('resize', () => {
    settle();
    panel.hideCard();
    state.carded = -1;
  }, { passive: true, signal: listeners.signal });
  settle();

  // A page without a working MutationObserver (removed or replaced by its
  // scripts) still gets the analysis, only not its live updates; createLive
  // throws before it has registered anything.
  let liveUpdates = null;
  if (live) {
    try {
      liveUpdates = createLive({
        document,
        ignore: (node) => panel.contains(node),
        roots: () => state.roots,
        refresh: ({ navigated }) => run({ reuse: !navigated }).catch(() => {}),
        onNavigate: () => {
          state.generation += 1;
          state.claims = [];
          painter.paint([]);
          panel.hideCard();
        },
      });
    } catch {
      liveUpdates = null;
    }
  }

  const controller = {
    analyze: () => run(),
    open(how = {}) {
      panel.open(how);
    },
    close(how = {}) {
      panel.close(how);
      panel.hideCard();
    },
    setMode(next) {
      if (!MODES.has(next)) throw new RangeError(`whosays: mode must be 'flags' or 'all', not ${JSON.stringify(next)}`);
      state.statuses = new Set(next === 'flags' ? FLAG_STATUSES : STATUSES);
      applyFilter();
    },
    setHighlights(on) {
      state.highlights = Boolean(on);
      painter.setVisible(state.highlights);
      if (!state.highlights) panel.hideCard();
      applyFilter();
    },
    next: () => step(1),
    previous: () => step(-1),
    select: (index) => select(index, { card: true }),
    get result() {
      return state.result;
    },
    get summary() {
      return state.summary;
    },
    get claims() {
      return state.claims;
    },
    get blocks() {
      return state.blocks;
    },
    // What the last analysis read: { found, analysed, reason, language,
    // blocks: [{ kind, text }] } with the blocks sent to the engine (none
    // when it was not called); null before the first analysis.
    get article() {
      return state.article;
    },
    get active() {
      return state.active;
    },
    get host() {
      return panel.host;
    },
    get highlightsNative() {
      return painter.native;
    },
    addEventListener: (type, handler, how) => events.addEventListener(type, handler, how),
    removeEventListener: (type, handler, how) => events.removeEventListener(type, handler, how),
    on(type, handler) {
      events.addEventListener(type, handler);
      return controller;
    },
    off(type, handler) {
      events.removeEventListener(type, handler);
      return controller;
    },
    destroy() {
      if (state.destroyed) return;
      state.destroyed = true;
      state.generation += 1;
      if (hoverFrame) window.cancelAnimationFrame(hoverFrame);
      if (scrollFrame) window.cancelAnimationFrame(scrollFrame);
      listeners.abort();
      if (liveUpdates) liveUpdates.destroy();
      if (memo) memo.disconnect();
      painter.destroy();
      panel.destroy();
      state.claims = [];
      emit('destroy', {});
    },
    get destroyed() {
      return state.destroyed;
    },
  };

  if (signal) {
    if (signal.aborted) controller.destroy();
    else signal.addEventListener('abort', () => controller.destroy(), { once: true, signal: listeners.signal });
  }
  applyFilter();
  return controller;
}
