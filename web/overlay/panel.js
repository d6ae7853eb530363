// The panel, the hover card and the ledger, in an open shadow root on a
// <whosays-overlay> element. Page text only ever enters through textContent.
import { buildLedger } from './ledger.js';
import { cardPlace } from './placement.js';
import { PANEL_CSS } from './styles.js';

export const STATUS_LABELS = {
  attributed: { symbol: '✓', word: 'Attributed' },
  vague: { symbol: '?', word: 'Vague' },
  unattributed: { symbol: '!', word: 'Unattributed' },
};

const KIND_LABELS = { casualty: 'casualty', responsibility: 'responsibility' };

// The card's width where there is room for it.
const CARD_WIDTH = 360;

// Builds an element: el(document, 'p', { class: 'x', text: '...' }, child...).
function el(document, name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') element.textContent = value;
    else if (key === 'class') element.className = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.appendChild(child);
  return element;
}

// "11 claims: 7 attributed, 3 vague, 1 unattributed".
export function summaryLine(summary) {
  if (!summary) return 'Not analysed yet';
  const count = summary.claims;
  const head = `${count} claim${count === 1 ? '' : 's'}`;
  if (!count) return `${head} found`;
  const parts = ['attributed', 'vague', 'unattributed']
    .filter((status) => summary[status] > 0)
    .map((status) => `${summary[status]} ${status}`);
  return `${head}: ${parts.join(', ')}`;
}

export function badge(document, status) {
  const label = STATUS_LABELS[status] || { symbol: '•', word: status };
  return el(document, 'span', { class: 'badge', 'data-status': status, text: `${label.symbol} ${label.word}` });
}

// The facts of one claim, shared by the list and the card.
function claimBody(document, claim) {
  const fragment = document.createDocumentFragment();
  const verdict = el(document, 'div', { class: 'verdict' }, badge(document, claim.status));
  for (const kind of claim.kinds || []) verdict.appendChild(el(document, 'span', { class: 'kind', text: KIND_LABELS[kind] || kind }));
  fragment.appendChild(verdict);
  fragment.appendChild(el(document, 'p', { class: 'quote', text: `“${claim.text}”` }));
  const facts = el(document, 'dl', { class: 'facts' });
  facts.append(el(document, 'dt', { text: 'Source' }), el(document, 'dd', { class: 'source', text: claim.source || 'none named' }));
  if (claim.cue) facts.append(el(document, 'dt', { text: 'Cue' }), el(document, 'dd', { class: 'cue', text: `“${claim.cue}”` }));
  fragment.appendChild(facts);
  if (claim.explanation) fragment.appendChild(el(document, 'p', { class: 'explanation', text: claim.explanation }));
  return fragment;
}

// The panel. `actions` are the controller's: select(index), setStatuses(set),
// setKind(kind), setHighlights(bool), open(), close().
export function createPanel({ document, position = 'right', actions }) {
  const host = document.createElement('whosays-overlay');
  // Out of the page's flow and reading order; its children are fixed.
  host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647';
  const shadow = host.attachShadow({ mode: 'open' });
  const window = document.defaultView;
  if ('adoptedStyleSheets' in shadow && window && typeof window.CSSStyleSheet === 'function') {
    const sheet = new window.CSSStyleSheet();
    sheet.replaceSync(PANEL_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.appendChild(el(document, 'style', { text: PANEL_CSS }));
  }

  // data-position: where the reader asked for it (the launcher's corner);
  // data-placement: where the panel stands now (placement.js).
  const root = el(document, 'div', { class: 'whosays', 'data-position': position, 'data-placement': position });
  const launcher = el(document, 'button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'whosays-panel' },
    el(document, 'span', { class: 'logo', text: 'whosays' }), el(document, 'span', { class: 'count', text: '…' }));
  const panel = el(document, 'section', { class: 'panel', id: 'whosays-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'whosays-heading', hidden: true });
  const heading = el(document, 'h2', { id: 'whosays-heading', tabindex: '-1', text: 'Who says so?' });
  const closeButton = el(document, 'button', { class: 'icon-button close', type: 'button', 'aria-label': 'Close the whosays panel', text: '×' });
  const summary = el(document, 'p', { class: 'summary', role: 'status', 'aria-live': 'polite', text: 'Not analysed yet' });
  const statusChips = {};
  const statusGroup = el(document, 'div', { role: 'group', 'aria-label': 'Show claims by verdict', class: 'controls' });
  for (const status of ['unattributed', 'vague', 'attributed']) {
    const chip = el(document, 'button', { class: 'chip', type: 'button', 'data-status': status, 'aria-pressed': 'true' });
    statusChips[status] = chip;
    statusGroup.appendChild(chip);
  }
  const kindSelect = el(document, 'select', { 'aria-label': 'Show claims of kind' },
    el(document, 'option', { value: 'all', text: 'All kinds' }),
    el(document, 'option', { value: 'casualty', text: 'Casualties' }),
    el(document, 'option', { value: 'responsibility', text: 'Responsibility' }));
  const highlightBox = el(document, 'input', { type: 'checkbox', checked: true });
  const highlightLabel = el(document, 'label', {}, highlightBox, el(document, 'span', { text: 'Highlights' }));
  const modeButton = el(document, 'button', { class: 'chip mode', type: 'button', 'aria-pressed': 'false', text: 'Flags only' });
  const controls = el(document, 'div', { class: 'controls' }, modeButton, kindSelect, highlightLabel);
  const message = el(document, 'p', { class: 'message', role: 'alert', hidden: true });
  const list = el(document, 'ol', { class: 'claims', 'aria-label': 'Claims in reading order' });
  const empty = el(document, 'p', { class: 'empty', hidden: true });
  const ledgerTitle = el(document, 'h3', { class: 'section-title', id: 'whosays-ledger-title', text: 'Casualty figures by source' });
  const ledger = el(document, 'table', { class: 'ledger', 'aria-labelledby': 'whosays-ledger-title' });
  const ledgerSection = el(document, 'section', { class: 'ledger-section', 'aria-labelledby': 'whosays-ledger-title' }, ledgerTitle, ledger);
  const keys = el(document, 'p', { class: 'keys' });
  keys.append(
    el(document, 'kbd', { text: 'Alt+Shift+N' }), document.createTextNode(' / '), el(document, 'kbd', { text: 'Alt+Shift+P' }),
    document.createTextNode(' next / previous flag · '), el(document, 'kbd', { text: 'j' }), document.createTextNode(' / '),
    el(document, 'kbd', { text: 'k' }), document.createTextNode(' in the list · '), el(document, 'kbd', { text: 'Esc' }),
    document.createTextNode(' closes'));
  // Filters and lists stay hidden until there is a result to show.
  const body = el(document, 'div', { class: 'body', hidden: true },
    el(document, 'h3', { class: 'section-title', text: 'Claims' }), list, empty, ledgerSection);
  statusGroup.hidden = true;
  controls.hidden = true;
  panel.append(
    el(document, 'div', { class: 'head' },
      el(document, 'div', { class: 'title-row' }, heading, closeButton),
      summary, statusGroup, controls),
    message,
    body,
    keys);
  const card = el(document, 'div', { class: 'card', role: 'tooltip', id: 'whosays-card', hidden: true });
  const marks = el(document, 'div', { class: 'marks', 'aria-hidden': 'true' });
  root.append(marks, launcher, panel, card);
  shadow.appendChild(root);

  let claims = [];
  let items = [];
  let visibleIndexes = [];
  let returnFocus = null;
  let statuses = new Set(['attributed', 'vague', 'unattributed']);
  let kind = 'all';
  // The list and the ledger wait for the frame that shows the highlights.
  let listPending = false;
  let fillScheduled = false;
  const listeners = new AbortController();
  const on = (target, type, handler) => target.addEventListener(type, handler, { signal: listeners.signal });

  on(launcher, 'click', () => actions.open({ focus: true }));
  on(closeButton, 'click', () => actions.close({ restoreFocus: true }));
  on(modeButton, 'click', () => actions.setMode(modeButton.getAttribute('aria-pressed') === 'true' ? 'all' : 'flags'));
  for (const [status, chip] of Object.entries(statusChips)) {
    on(chip, 'click', () => {
      const next = new Set(statuses);
      if (next.has(status)) next.delete(status);
      else next.add(status);
      actions.setStatuses(next);
    });
  }
  on(kindSelect, 'change', () => actions.setKind(kindSelect.value));
  on(highlightBox, 'change', () => actions.setHighlights(highlightBox.checked));
  on(list, 'click', (event) => {
    const item = event.target.closest && event.target.closest('.claim');
    if (item) actions.select(Number(item.dataset.index), { from: 'panel' });
  });
  on(ledger, 'click', (event) => {
    const link = event.target.closest && event.target.closest('[data-index]');
    if (link) actions.select(Number(link.dataset.index), { from: 'panel' });
  });
  on(panel, 'keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      actions.close({ restoreFocus: true });
      return;
    }
    const item = event.target.closest && event.target.closest('.claim');
    if (!item) return;
    const at = visibleIndexes.indexOf(Number(item.dataset.index));
    let next = null;
    if (event.key === 'j' || event.key === 'ArrowDown') next = visibleIndexes[Math.min(at + 1, visibleIndexes.length - 1)];
    else if (event.key === 'k' || event.key === 'ArrowUp') next = visibleIndexes[Math.max(at - 1, 0)];
    else if (event.key === 'Home') next = visibleIndexes[0];
    else if (event.key === 'End') next = visibleIndexes[visibleIndexes.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.select(Number(item.dataset.index), { from: 'panel' });
      return;
    }
    if (next === null || next === undefined) return;
    event.preventDefault();
    actions.select(next, { from: 'panel', focus: true });
  });

  function renderLedger() {
    ledger.replaceChildren();
    const rows = buildLedger(claims);
    ledgerSection.hidden = rows.length === 0;
    const tbody = el(document, 'tbody');
    for (const row of rows) {
      const entries = el(document, 'ul');
      for (const entry of row.entries) {
        const claim = claims[entry.claim];
        const link = el(document, 'button', { type: 'button', class: 'ledger-link', 'data-index': entry.claim });
        // The claim's text with its figures in bold, built from text nodes.
        let at = 0;
        for (const figure of entry.figures.slice().sort((a, b) => a.start - b.start)) {
          if (figure.start < at) continue;
          link.appendChild(document.createTextNode(claim.text.slice(at, figure.start)));
          link.appendChild(el(document, 'strong', { text: claim.text.slice(figure.start, figure.end) }));
          at = figure.end;
        }
        link.appendChild(document.createTextNode(claim.text.slice(at)));
        entries.appendChild(el(document, 'li', { class: entry.figures.length ? 'figure' : 'no-figure' }, link));
      }
      const head = el(document, 'th', { scope: 'row' }, el(document, 'div', { class: 'who', text: row.label }));
      if (row.status !== 'attributed') head.appendChild(badge(document, row.status));
      const figureless = row.entries.every((entry) => !entry.figures.length);
      tbody.appendChild(el(document, 'tr', { 'data-key': row.key, class: figureless ? 'figureless' : null }, head, el(document, 'td', {}, entries)));
    }
    ledger.appendChild(tbody);
  }

  // The list and the ledger for `claims`, then the filters on them.
  function fill() {
    if (!listPending) return;
    listPending = false;
    list.replaceChildren();
    items = claims.map((claim, index) => {
      const item = el(document, 'li', { class: 'claim', 'data-index': index, 'data-status': claim.status, tabindex: '-1' });
      item.appendChild(claimBody(document, claim));
      if (!claim.anchored) item.appendChild(el(document, 'p', { class: 'explanation', text: 'Not found on the page any more.' }));
      list.appendChild(item);
      return item;
    });
    renderLedger();
    filterItems();
    try {
      window.performance?.mark?.('whosays:panel-filled');
    } catch {
      // A page that replaced performance.mark loses the mark, nothing else.
    }
  }

  // fill() in a task after the next frame is painted (a message posted in a
  // frame callback arrives after its paint), once however many results
  // arrive meanwhile. A hidden tab paints no frame: the list waits, and
  // anything that needs it (open, select) fills it at once.
  function afterPaint() {
    if (fillScheduled || !window) return;
    fillScheduled = true;
    const run = () => {
      fillScheduled = false;
      fill();
    };
    window.requestAnimationFrame(() => {
      try {
        const channel = new window.MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          run();
        };
        channel.port2.postMessage(0);
      } catch {
        window.setTimeout(run, 0);
      }
    });
  }

  function filterItems() {
    visibleIndexes = [];
    items.forEach((item, index) => {
      const claim = claims[index];
      const shown = statuses.has(claim.status) && (kind === 'all' || (claim.kinds || []).includes(kind));
      item.hidden = !shown;
      if (shown) visibleIndexes.push(index);
    });
    // One tab stop in the list (roving tabindex).
    const current = items.find((item) => item.getAttribute('aria-current') === 'true' && !item.hidden);
    items.forEach((item) => item.setAttribute('tabindex', '-1'));
    const stop = current || items[visibleIndexes[0]];
    if (stop) stop.setAttribute('tabindex', '0');
    empty.hidden = visibleIndexes.length > 0;
    empty.textContent = claims.length ? 'No claims match these filters.' : 'No casualty or responsibility claims found in this article.';
  }

  return {
    host,
    shadow,
    marks,
    launcher,
    contains(node) {
      return node === host || host.contains(node);
    },
    // The summary and the counts; the list and the ledger (most of the
    // work: about 20 ms for 60 claims in Chromium) wait for fill() or
    // fillAfterPaint(), and anything that needs them (open, select) fills
    // them first.
    setResult(nextClaims, nextSummary, { article = true } = {}) {
      claims = nextClaims;
      body.hidden = !article;
      statusGroup.hidden = !article;
      controls.hidden = !article;
      summary.textContent = summaryLine(nextSummary);
      const flags = nextSummary ? nextSummary.flags : 0;
      launcher.querySelector('.count').textContent = nextSummary ? `${flags} flag${flags === 1 ? '' : 's'}` : '…';
      launcher.setAttribute('aria-label', `whosays: ${summary.textContent}. Open the panel`);
      for (const [status, chip] of Object.entries(statusChips)) {
        const label = STATUS_LABELS[status];
        const count = nextSummary ? nextSummary[status] : 0;
        chip.textContent = `${label.symbol} ${count} ${status}`;
        // Nothing to show or hide: a filter that would do nothing is off.
        chip.disabled = !count;
      }
      listPending = true;
    },
    // The list and the ledger now, if they wait.
    fill,
    // ... or in a task after the next frame is painted.
    fillAfterPaint: afterPaint,
    // Which claims the filters let through.
    setFilter({ statuses: nextStatuses, kind: nextKind, mode, highlights }) {
      statuses = nextStatuses;
      kind = nextKind;
      for (const [status, chip] of Object.entries(statusChips)) chip.setAttribute('aria-pressed', String(statuses.has(status)));
      modeButton.setAttribute('aria-pressed', String(mode === 'flags'));
      kindSelect.value = kind;
      highlightBox.checked = highlights;
      if (!listPending) filterItems();
    },
    setCurrent(index, { focus = false } = {}) {
      fill();
      items.forEach((item, at) => {
        const current = at === index;
        item.setAttribute('aria-current', String(current));
        item.setAttribute('tabindex', current ? '0' : '-1');
      });
      const item = items[index];
      if (item && !panel.hidden) {
        item.scrollIntoView({ block: 'nearest' });
        if (focus) item.focus();
      }
    },
    showMessage(text) {
      message.textContent = text || '';
      message.hidden = !text;
    },
    // An analysis that could not run: says so on the button and in the summary.
    showFailure(text) {
      message.textContent = text;
      message.hidden = false;
      if (!claims.length) summary.textContent = 'Could not analyse this page';
      launcher.querySelector('.count').textContent = 'cannot run here';
    },
    get isOpen() {
      return !panel.hidden;
    },
    open({ focus = false } = {}) {
      fill();
      if (panel.hidden) {
        const active = document.activeElement;
        returnFocus = active && active !== document.body && !host.contains(active) ? active : launcher;
      }
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute('aria-expanded', 'true');
      if (focus) heading.focus();
    },
    close({ restoreFocus = false } = {}) {
      const hadFocus = host.contains(document.activeElement) || shadow.activeElement;
      panel.hidden = true;
      launcher.hidden = false;
      launcher.setAttribute('aria-expanded', 'false');
      if (restoreFocus && hadFocus) {
        const target = returnFocus && returnFocus.isConnected ? returnFocus : launcher;
        target.focus();
      }
      returnFocus = null;
    },
    // Where the panel stands now: 'right', 'left' or 'bottom'.
    get placement() {
      return root.dataset.placement;
    },
    setPlacement(side) {
      root.dataset.placement = side;
    },
    // At most `height` px tall (a bottom sheet giving way to a claim at the
    // page's end); null: as the style sheet says.
    limitHeight(height) {
      panel.style.maxHeight = height ? `${Math.round(height)}px` : '';
    },
    // The open panel's rectangle in the viewport, or null when it is closed.
    panelRect() {
      return panel.hidden ? null : panel.getBoundingClientRect();
    },
    // The card's size for a claim (drawn unseen to be measured) at most
    // `width` wide.
    measureCard(claim, width = CARD_WIDTH) {
      card.replaceChildren(claimBody(document, claim));
      card.style.visibility = 'hidden';
      card.style.left = '0px';
      card.style.top = '0px';
      card.style.width = `${width}px`;
      card.hidden = false;
      const rect = card.getBoundingClientRect();
      return { width, height: rect.height };
    },
    // The card for a claim beside `rect` (a DOMRect in viewport coordinates),
    // inside `area`, the part of the viewport the panel leaves free.
    showCard(claim, rect, area) {
      const size = this.measureCard(claim, Math.min(CARD_WIDTH, area.right - area.left - 16));
      const place = cardPlace(rect, area, size);
      card.style.left = `${place.left}px`;
      card.style.top = `${place.top}px`;
      card.style.width = `${place.width}px`;
      card.style.visibility = '';
    },
    cardRect() {
      return card.hidden ? null : card.getBoundingClientRect();
    },
    hideCard() {
      card.hidden = true;
      card.replaceChildren();
    },
    get cardVisible() {
      return !card.hidden;
    },
    destroy() {
      listPending = false;
      listeners.abort();
      host.remove();
    },
  };
}
