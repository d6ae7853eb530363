// Article extraction from a live DOM: decides what the article is, turns it
// into blocks ({kind, text}) the engine reads, and keeps for every block a map
// from its text offsets (UTF-16 code units, JavaScript string indices) back to
// DOM text nodes, so that claim spans can become Ranges (anchor.js).
//
// What the article is, Mozilla's Readability decides (the engine of Firefox
// Reader View), run on a copy of the page from which everything a reader
// cannot see was removed first. Readability moves the copy's text nodes
// about; a map from copied text nodes to live ones, built by walking both
// trees once, turns its answer back into the live text nodes to anchor on.
// Lists of other stories it keeps inside the article are dropped after.
//
// Works on any DOM with the standard node API (a browser, linkedom, jsdom);
// uses computed styles and layout only where the document has a view that
// gives them.
import { isProbablyReaderable, Readability } from '@mozilla/readability';

// Inline elements continue the current block; every other element starts one.
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT',
  'U', 'VAR', 'WBR', 'BR', 'IMG', 'PICTURE', 'SOURCE',
]);

// Never article text, wherever they sit.
const SKIP_TAGS = new Set([
  'NAV', 'ASIDE', 'FOOTER', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG',
  'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'MENU',
  'DIALOG', 'HEAD', 'TITLE', 'LINK', 'META',
]);

const SKIP_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu',
  'menubar', 'banner', 'toolbar', 'form',
]);

// One token of a class or id that marks page furniture rather than article
// text inside an article root given by a selector (after mozilla/readability's
// unlikely candidates). A word counts only as the first or last part of a
// token of at most three parts: "related-links" and "ad-slot" are furniture,
// "js-social-anchor-start" and "heading" are not.
const FURNITURE_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'commentform', 'respond', 'reply', 'replies', 'disqus',
  'share', 'shares', 'sharing', 'sharedaddy', 'social', 'sociable',
  'related', 'relatedposts', 'recommended', 'recommendations',
  'newsletter', 'subscribe', 'subscription', 'signup', 'paywall',
  'cookie', 'cookies', 'consent', 'gdpr',
  'sidebar', 'widget', 'widgets', 'promo', 'ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored',
  'outbrain', 'taboola', 'popup', 'modal', 'menu', 'breadcrumb', 'breadcrumbs', 'nav', 'navbar',
  'navigation', 'masthead', 'skip', 'byline', 'author', 'tags', 'likes', 'toolbar',
]);
const FURNITURE_TOKENS = new Set(['more-stories', 'read-more', 'readmore', 'print-only']);

// Text for screen readers only, whole class tokens (their style sheets may
// not have loaded, so the class is the only sign).
const SCREEN_READER_ONLY = new Set([
  'sr-only', 'sr-text', 'screen-reader-text', 'screen-reader-only', 'screenreader-only', 'visually-hidden',
  'visuallyhidden', 'off-screen', 'offscreen', 'element-invisible', 'a11y-hidden', 'hidden-visually', 'u-visually-hidden',
]);

function isFurnitureToken(token) {
  const lower = token.toLowerCase();
  if (FURNITURE_TOKENS.has(lower) || SCREEN_READER_ONLY.has(lower)) return true;
  const parts = lower.split(/[-_]+/).filter(Boolean);
  if (!parts.length || parts.length > 3) return false;
  return FURNITURE_WORDS.has(parts[0]) || FURNITURE_WORDS.has(parts[parts.length - 1]);
}

const DATELINE = /(^|[-_])(dateline|date|timestamp|pubdate|published|posted-on|entry-date)([-_]|$)/i;
const CAPTION = /(^|[-_])(caption|wp-caption-text|credit|image-credit|photo-credit)([-_]|$)/i;

// Below this much paragraph text a page is not worth the engine.
export const MIN_ARTICLE_CHARACTERS = 250;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function tokensOf(element) {
  const tokens = [];
  const className = element.getAttribute('class');
  if (className) tokens.push(...className.split(/\s+/).filter(Boolean));
  const id = element.getAttribute('id');
  if (id) tokens.push(id);
  return tokens;
}

function hasToken(element, pattern) {
  return tokensOf(element).some((token) => pattern.test(token));
}

function isFurniture(element) {
  return tokensOf(element).some(isFurnitureToken);
}

function isScreenReaderOnly(element) {
  const className = element.getAttribute('class');
  return Boolean(className) && className.split(/\s+/).some((token) => SCREEN_READER_ONLY.has(token.toLowerCase()));
}

// Hidden by attribute, inline style or (in a browser) computed style.
export function isHidden(element) {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const view = element.ownerDocument && element.ownerDocument.defaultView;
  if (view && typeof view.getComputedStyle === 'function' && element.isConnected) {
    try {
      const computed = view.getComputedStyle(element);
      if (computed && (computed.display === 'none' || computed.visibility === 'hidden')) return true;
    } catch {
      // Some DOMs (linkedom) have no real style engine: attributes decide.
    }
  }
  return false;
}

// Page furniture or hidden: not article text, nor anything inside it.
export function isSkipped(element) {
  if (SKIP_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  if (element.localName === 'whosays-overlay') return true;
  if (isFurniture(element)) return true;
  // aria-hidden inside the article marks decoration. (On the page's wrappers,
  // a modal library hiding the page behind a cookie dialog, it does not hide
  // the article from sight: only what is inside a root is asked here, and
  // readableCopy keeps such wrappers.)
  if (element.getAttribute('aria-hidden') === 'true') return true;
  return isHidden(element);
}

function tag(element) {
  return element.tagName.toUpperCase();
}

// The kind of a block started by `element`, given the kind of its context.
function kindOf(element, inherited) {
  const name = tag(element);
  if (name === 'H1') return 'title';
  if (/^H[2-6]$/.test(name)) return 'heading';
  if (name === 'FIGCAPTION' || name === 'CAPTION' || hasToken(element, CAPTION)) return 'caption';
  if (name === 'BLOCKQUOTE') return 'quote';
  if (name === 'LI' || name === 'DT' || name === 'DD') return inherited === 'quote' ? 'quote' : 'list-item';
  if (hasToken(element, DATELINE)) return 'dateline';
  return inherited || 'paragraph';
}

// Whitespace that collapses into something else than itself: a run of two
// or more, a tab, CR, LF or FF, or a space at either end of a text.
const COLLAPSING = /[ \t\n\r\f]{2,}|[\t\n\r\f]|^ | $/g;

// Collects blocks from `root` into `blocks`. A block is the inline content
// between block boundaries; its text collapses whitespace as a browser shows
// it, and `segments` maps text offsets back to nodes:
// segment = { node, start, end, offset } where text[start + i] came from
// node.data[offset + i] (a collapsed run of spaces, or a space that stands
// for a line break, starts a new segment).
// With `only` = { texts, holders } (the article's text nodes and their
// ancestors), nothing else is read and no other skip rule applies: the
// article was decided already.
function collect(root, blocks, rootKind, only = null) {
  let current = null;

  const open = (kind) => {
    current = { kind, parts: [], length: 0, segments: [], pendingSpace: null };
  };
  const flush = () => {
    if (!current) return;
    if (current.length) {
      blocks.push({ kind: current.kind, text: current.parts.join(''), segments: current.segments });
    }
    current = null;
  };
  const ensure = (kind) => {
    if (!current) open(kind);
  };

  // Adds `length` units read from node.data at `offset`: to the last segment
  // when they continue it in the same node, else as a new one.
  const extend = (node, offset, length) => {
    const { segments } = current;
    const last = segments[segments.length - 1];
    if (last && last.node === node && last.offset + last.end - last.start === offset) last.end += length;
    else segments.push({ node, start: current.length, end: current.length + length, offset });
    current.length += length;
  };

  // Whitespace (space, tab, CR, LF, FF) collapses to one space, read from
  // its first character; the no-break space (U+00A0) does not. A lone space
  // between two other characters reads as itself, so the text is added a
  // chunk at a time: what lies between the whitespace that does collapse.
  const space = (node, offset) => {
    if (current.length && current.pendingSpace === null) current.pendingSpace = { node, offset };
  };
  const chunk = (node, begin, end) => {
    if (begin >= end) return;
    if (current.pendingSpace) {
      const { synthetic } = current.pendingSpace;
      const from = synthetic ? node : current.pendingSpace.node;
      const offset = synthetic ? begin : current.pendingSpace.offset;
      current.pendingSpace = null;
      current.parts.push(' ');
      extend(from, offset, 1);
    }
    current.parts.push(begin === 0 && end === node.data.length ? node.data : node.data.slice(begin, end));
    extend(node, begin, end - begin);
  };
  const appendText = (node) => {
    const data = node.data;
    let after = 0;
    COLLAPSING.lastIndex = 0;
    for (let match = COLLAPSING.exec(data); match; match = COLLAPSING.exec(data)) {
      chunk(node, after, match.index);
      space(node, match.index);
      after = COLLAPSING.lastIndex;
    }
    chunk(node, after, data.length);
  };

  const walk = (element, kind) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT || child.nodeType === CDATA) {
        if (only && !only.texts.has(child)) {
          // Left out, but a space between words still parts them.
          if (current && current.length && current.pendingSpace === null && /^\s+$/.test(child.data)) current.pendingSpace = { synthetic: true };
          continue;
        }
        if (!/\S/.test(child.data) && !current) continue;
        ensure(kind);
        appendText(child);
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const name = tag(child);
      if (name === 'BR') {
        // A line break reads as a space, mapped to the character after it.
        if (current && current.length && current.pendingSpace === null) current.pendingSpace = { synthetic: true };
        continue;
      }
      if (only ? !only.holders.has(child) : isSkipped(child)) {
        if (only && !INLINE.has(name)) flush();
        continue;
      }
      if (INLINE.has(name)) {
        if (name === 'TIME' && !current && onlyChildContent(child)) {
          open('dateline');
          walk(child, 'dateline');
          flush();
          continue;
        }
        walk(child, kind);
        continue;
      }
      flush();
      const childKind = kindOf(child, kind === 'title' || kind === 'heading' ? null : kind);
      walk(child, childKind);
      flush();
    }
  };

  walk(root, rootKind);
  flush();
  return blocks;
}

// True when `element` is the only non-blank content of its parent.
function onlyChildContent(element) {
  const parent = element.parentNode;
  if (!parent) return false;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node === element) continue;
    if (node.nodeType === TEXT && !/\S/.test(node.data)) continue;
    return false;
  }
  return true;
}

// Whether `element` or an ancestor below `root` is skipped.
function isSkippedWithin(element, root) {
  for (let node = element; node && node !== root; node = node.parentElement) {
    if (isSkipped(node)) return true;
  }
  return false;
}

// Text of the paragraphs inside `element` (not skipped ones).
function paragraphCharacters(element) {
  let total = 0;
  for (const paragraph of element.querySelectorAll('p')) {
    if (isSkippedWithin(paragraph, element)) continue;
    total += paragraph.textContent.replace(/\s+/g, ' ').trim().length;
  }
  return total;
}

// The elements no other one contains, from a list in document order (as
// querySelectorAll gives it). Linear: a descendant comes after its ancestor
// with only that ancestor's descendants between them, so the last element
// kept is the one to test.
function outermost(elements) {
  const kept = [];
  for (const element of elements) {
    if (kept.length && kept[kept.length - 1].contains(element)) continue;
    kept.push(element);
  }
  return kept;
}

// ---------------------------------------------------------------- Sight

// The document's window when it computes styles (a browser, jsdom), else null.
function styleView(document) {
  const view = document.defaultView;
  return view && typeof view.getComputedStyle === 'function' ? view : null;
}

// Whether the document is laid out (a browser), so boxes can be measured.
function hasLayout(document) {
  const rect = document.documentElement.getBoundingClientRect ? document.documentElement.getBoundingClientRect() : null;
  return Boolean(rect && (rect.width > 0 || rect.height > 0));
}

const CLIPPED_AWAY = /^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/;

// Whether a reader cannot see `element` nor anything in it: hidden,
// transparent, clipped to nothing, placed off the page, text for screen
// readers only, or the overlay itself. Its own style only: the walks that
// ask never enter what they leave out.
function isOutOfSight(element, view, layout) {
  if (element.localName === 'whosays-overlay') return true;
  if (isScreenReaderOnly(element)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (!view) return isHidden(element);
  let style = null;
  try {
    style = view.getComputedStyle(element);
  } catch (e) { if (globalThis.process && process.env.WHOSAYS_DEBUG) console.error(e);
    return isHidden(element);
  }
  if (!style) return isHidden(element);
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse' || style.opacity === '0') return true;
  if (layout && (style.position === 'absolute' || style.position === 'fixed')) {
    if (CLIPPED_AWAY.test(style.clip || '') || /^inset\(\s*50%/.test(style.clipPath || '')) return true;
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 && rect.height <= 1 && style.overflow !== 'visible') return true;
    if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0) return true;
  }
  return false;
}

// Whether a reader can see `element` (an element seen alone, not in a walk:
// its ancestors count too). A browser's layout answers where there is one.
function isInSight(element) {
  for (let node = element; node && node.nodeType === ELEMENT; node = node.parentElement) {
    if (node.hasAttribute('hidden') || isScreenReaderOnly(node)) return false;
  }
  if (typeof element.checkVisibility === 'function' && element.isConnected && hasLayout(element.ownerDocument)) {
    return element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true });
  }
  for (let node = element; node && node.nodeType === ELEMENT; node = node.parentElement) {
    if (isHidden(node)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- Pages that are no article

// Whether a URL's path names a home or section page ("/", "/news/",
// "/es/") rather than one story (a slug, an id, a file name).
function isSectionPath(href) {
  let path;
  try {
    path = new URL(href, 'http://localhost/').pathname;
  } catch {
    return false;
  }
  const segments = path.split('/').filter(Boolean);
  return segments.length <= 2 && segments.every((segment) => segment.length <= 20 && !/\d{3,}|\.\w+$/.test(segment));
}

// A home or section page: its address is no story's, it says it is a
// website or a collection, and it shows many headlines leading elsewhere.
export function isListingPage(document) {
  const meta = (selector) => (document.querySelector(selector)?.getAttribute('content') || '').trim();
  const address = document.querySelector('link[rel="canonical"]')?.getAttribute('href') || meta('meta[property="og:url"]')
    || (document.location && document.location.href) || '';
  if (!isSectionPath(address)) return false;
  const type = meta('meta[property="og:type"]').toLowerCase();
  const types = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const found = script.textContent.match(/"@type"\s*:\s*"([A-Za-z]+)"/g) || [];
    for (const entry of found) types.push(entry.replace(/.*"([A-Za-z]+)"$/, '$1'));
  }
  if (types.some((name) => /Article|BlogPosting|Report/.test(name))) return false;
  const listing = type === 'website' || types.some((name) => /^(CollectionPage|WebSite|ItemList|SearchResultsPage)$/.test(name));
  if (!listing) return false;
  const headlines = document.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4');
  return headlines.length >= 8;
}

// Cheap check before the engine is loaded (Readability's isProbablyReaderable
// with what a reader can see, lenient enough for a short wire story of short
// paragraphs): some paragraph text a reader can see, and no home page.
const READERABLE = { minContentLength: 40, minScore: 12, visibilityChecker: isInSight };

// Why a page holds no article to look for ('hidden', 'listing',
// 'no-article'), or null when it may.
function whyNoArticle(document) {
  if (!document.body) return 'no-article';
  if (!isInSight(document.body)) return 'hidden';
  if (isListingPage(document)) return 'listing';
  return isProbablyReaderable(document, READERABLE) ? null : 'no-article';
}

export function isProbablyArticle(document, options = {}) {
  if (!document.body) return false;
  if (options.root) {
    return outermost([...document.querySelectorAll(options.root)]).reduce((sum, root) => sum + paragraphCharacters(root), 0) >= MIN_ARTICLE_CHARACTERS;
  }
  return whyNoArticle(document) === null;
}

// ---------------------------------------------------------------- Readability on a copy

// The attribute that numbers the copy's elements (on the copy only).
const NUMBER = 'data-whosays-n';

// The sight check: the elements of the body a reader cannot see
// (isOutOfSight), in the order of a walk that does not enter them. Reads
// computed styles and layout, so it can change without any change to the DOM.
function outOfSight(document) {
  const view = styleView(document);
  const layout = Boolean(view) && hasLayout(document);
  const hidden = [];
  const stack = document.body ? [document.body] : [];
  while (stack.length) {
    const element = stack.pop();
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      if (isOutOfSight(child, view, layout)) hidden.push(child);
      else if (child.firstElementChild) stack.push(child);
    }
  }
  return hidden;
}

// A copy of the document without the elements in `hidden` (the sight
// check's), and the way back to the live page: a map from the copy's text
// nodes to the live ones, and the live elements by the number each copied
// element carries. Both trees are walked once, in step (a deep clone has the
// same shape); <head> is copied whole.
function readableCopy(document, hidden) {
  const copy = document.cloneNode(true);
  const live = new Map();
  const elements = [];
  const removed = [];
  const pairs = [[document.documentElement, copy.documentElement, false]];
  while (pairs.length) {
    const [from, to, look] = pairs.pop();
    for (let a = from.firstChild, b = to.firstChild; a && b; a = a.nextSibling, b = b.nextSibling) {
      if (a.nodeType === TEXT || a.nodeType === CDATA) {
        live.set(b, a);
        continue;
      }
      if (a.nodeType !== ELEMENT) continue;
      const inBody = look || a === document.body;
      if (inBody && hidden.has(a)) {
        removed.push(b);
        continue;
      }
      if (inBody) {
        b.setAttribute(NUMBER, String(elements.length));
        elements.push(a);
        // aria-hidden on a wrapper holding the page (a modal library hiding
        // it behind a dialog) does not hide it from sight; Readability would
        // drop it all.
        if (a.getAttribute('aria-hidden') === 'true' && textLength(a) >= 200) b.removeAttribute('aria-hidden');
      }
      if (a.firstChild) pairs.push([a, b, inBody]);
    }
  }
  for (const node of removed) node.remove();
  return { copy, live, elements };
}

// Headings that introduce other stories, not the article's own sections.
const OTHER_STORIES_HEADING = new RegExp('^(' + [
  'most (popular|read|viewed|shared|emailed)( stories| articles| now)?', 'popular( now| stories| articles)?',
  'recommended( for you| reading| stories| articles| videos| related news)?', 'related( news| stories| articles| content| coverage| links| posts| reading| topics| videos)?',
  'more on this (story|topic)', 'more( [\\w\'\u2019]+){0,2} (stories|news|headlines|videos|coverage)', 'more (from|on) [^.!?]{1,40}', 'read (more|next|this next)',
  'you (may|might) (also )?(like|be interested in)', 'also read', 'further reading', 'trending( now| stories)?', 'top stories',
  'latest (news|stories|headlines)', 'editors?\u2019?\'?s?\u2019?\'? picks?', 'what to read next', 'don\u2019?\'?t miss', 'in case you missed it', 'recent posts',
].join('|') + ')\\s*:?$', 'i');

// Words in class or id names of other-story boxes (a whole part of a name,
// split at -, _ and case changes).
const OTHER_STORIES_PARTS = new Set(['related', 'popular', 'mostpopular', 'mostread', 'recommended', 'recommendations', 'recirc', 'trending', 'outbrain', 'taboola', 'morestories', 'readnext', 'upnext']);

function nameParts(element) {
  return tokensOf(element)
    .flatMap((token) => token.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_\s]+/))
    .filter(Boolean);
}

function textLength(node) {
  return node.textContent.replace(/\s+/g, ' ').trim().length;
}

function linkDensity(element) {
  const total = textLength(element);
  if (!total) return 0;
  let links = 0;
  for (const link of element.querySelectorAll('a')) links += textLength(link);
  return links / total;
}

function isHeading(element) {
  if (/^H[1-6]$/.test(tag(element))) return true;
  // A short line in bold alone: the heading of a box on many sites.
  if (!/^(P|DIV|SPAN|STRONG|B)$/.test(tag(element))) return false;
  const text = element.textContent.replace(/\s+/g, ' ').trim();
  return text.length > 0 && text.length < 60 && element.querySelectorAll('p, li, div').length === 0;
}

// Leaves out of the article's text nodes what Readability kept of page
// furniture and other stories (on the live page, whose elements still carry
// their names: Readability renames and unwraps them in its copy): boxes
// named for them, link lists under a heading like "Most Popular", lists whose
// every item is a link. Never anything holding half the article or more.
function dropOtherStories(common, texts, holders) {
  const length = new Map();
  let total = 0;
  for (const node of texts) {
    const size = node.data.replace(/\s+/g, ' ').trim().length;
    total += size;
    for (let at = node.parentElement; at; at = at.parentElement) {
      length.set(at, (length.get(at) || 0) + size);
      if (at === common) break;
    }
  }
  const small = (element) => (length.get(element) || 0) < total * 0.5;
  const drop = [];
  const dropped = (element) => drop.some((box) => box.contains(element));
  const elements = [...common.querySelectorAll('*')].filter((element) => holders.has(element));
  for (const element of elements) {
    if (dropped(element) || !small(element)) continue;
    // Page furniture Readability let through (an advertisement label, a
    // newsletter box, a form), by the same names and tags as inside a given root.
    if (isFurniture(element) || SKIP_TAGS.has(tag(element)) || SKIP_ROLES.has((element.getAttribute('role') || '').trim().toLowerCase())) {
      drop.push(element);
      continue;
    }
    if (nameParts(element).some((part) => OTHER_STORIES_PARTS.has(part)) && (linkDensity(element) >= 0.25 || element.querySelector('ul, ol'))) {
      drop.push(element);
      continue;
    }
    if ((length.get(element) || 0) < 60 && isHeading(element) && OTHER_STORIES_HEADING.test(element.textContent.replace(/\s+/g, ' ').trim())) {
      drop.push(element);
      // The links after it, up to the first thing that is not a link list.
      for (let next = element.nextElementSibling; next && (linkDensity(next) > 0.5 || !textLength(next)); next = next.nextElementSibling) drop.push(next);
      // A box that holds the heading and its links only.
      const box = element.parentElement;
      if (box && box !== common && small(box) && linkDensity(box) > 0.5) drop.push(box);
      continue;
    }
    if (tag(element) === 'UL' || tag(element) === 'OL') {
      const items = [...element.children].filter((child) => tag(child) === 'LI' && textLength(child));
      if (items.length >= 3 && items.every((item) => linkDensity(item) >= 0.9)) drop.push(element);
    }
  }
  if (!drop.length) return;
  for (const node of [...texts]) if (dropped(node)) texts.delete(node);
}

// The live text nodes of Readability's article, in a Set. A copied text
// node is found through the map; one Readability made anew (when it retries
// with looser rules it parses its copy's HTML again) through its nearest
// numbered element: the first unused live text node in it with the same text.
function liveTexts(content, { live, elements }) {
  const texts = new Set();
  const pending = new Map();
  for (const child of textNodes(content)) {
    const original = live.get(child);
    if (original) {
      texts.add(original);
      continue;
    }
    let holder = child.parentElement;
    while (holder && !holder.hasAttribute(NUMBER)) holder = holder.parentElement;
    const element = holder && elements[Number(holder.getAttribute(NUMBER))];
    if (!element) continue;
    if (!pending.has(element)) pending.set(element, textNodes(element));
    const candidates = pending.get(element);
    const at = candidates.findIndex((candidate) => candidate.data === child.data && !texts.has(candidate));
    if (at !== -1) {
      texts.add(candidates[at]);
      candidates.splice(0, at + 1);
    }
  }
  return texts;
}

// Every ancestor of the given nodes, and their deepest common ancestor
// (found by climbing from each node to the first ancestor on the first
// node's chain: no contains(), which some DOMs answer by a walk).
function holdersOf(texts) {
  const holders = new Set();
  const chain = new Map();
  let depth = Infinity;
  let chainList = null;
  for (const text of texts) {
    for (let node = text.parentElement; node && !holders.has(node); node = node.parentElement) holders.add(node);
    if (!chainList) {
      chainList = [];
      for (let node = text.parentElement; node; node = node.parentElement) chainList.unshift(node);
      chainList.forEach((node, index) => chain.set(node, index));
      depth = chainList.length - 1;
      continue;
    }
    let node = text.parentElement;
    while (node && !chain.has(node)) node = node.parentElement;
    if (node) depth = Math.min(depth, chain.get(node));
  }
  return { holders, common: chainList && depth >= 0 ? chainList[depth] : null };
}

// The live headline: the visible <h1> closest to Readability's title.
function titleHeading(document, title, texts) {
  const wanted = new Set(words(title));
  if (!wanted.size) return null;
  let best = null;
  let bestShare = 0.6;
  for (const heading of document.querySelectorAll('h1')) {
    const own = words(heading.textContent);
    if (!own.length || !isInSight(heading)) continue;
    let inside = false;
    for (const node of textNodes(heading)) if (texts.has(node)) inside = true;
    if (inside) return null;
    // Readability's title drops the site's name and sometimes a subtitle:
    // the share of its words the heading holds.
    const share = new Set(own.filter((word) => wanted.has(word))).size / wanted.size;
    if (share > bestShare) {
      best = heading;
      bestShare = share;
    }
  }
  return best;
}

function words(text) {
  return (text || '').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

// The text nodes in `element`, in document order.
function textNodes(element) {
  const nodes = [];
  const stack = [element];
  while (stack.length) {
    const node = stack.pop();
    if (node.nodeType === TEXT || node.nodeType === CDATA) nodes.push(node);
    else if (node.nodeType === ELEMENT) for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return nodes;
}

function addTexts(element, texts, holders) {
  for (const node of textNodes(element)) {
    texts.add(node);
    for (let at = node.parentElement; at && !holders.has(at); at = at.parentElement) holders.add(at);
  }
}

// Readability reads an article's body; the head of the article around it
// (a dateline, which it takes for a byline, the lead image's caption, between
// the headline and the body) is the article's too. Looks for them from the
// nearest <article> or schema.org Article item around the body (else the
// body's own root) up to the body's first text, and adds those a reader can
// see; the root widens to that item when any is found outside the body.
// Returns { root, head } (head: the elements added, in document order).
function withArticleHead(document, common, texts, holders) {
  let container = null;
  for (let node = common; node && node !== document.body; node = node.parentElement) {
    const type = node.getAttribute('itemtype') || '';
    if (node.localName === 'article' || (node.hasAttribute('itemscope') && /Article|BlogPosting|Report/.test(type))) {
      container = node;
      break;
    }
  }
  const scope = container || common;
  const head = [];
  const stack = [scope];
  while (stack.length) {
    const node = stack.pop();
    if (node.nodeType !== ELEMENT) {
      if (texts.has(node) && /\S/.test(node.data)) break;
      continue;
    }
    if (node !== scope && !holders.has(node)) {
      const name = tag(node);
      // A date has a digit ("Comments" or "|" in a date-named span has none).
      const dateline = ((name === 'TIME' && onlyChildContent(node)) || hasToken(node, DATELINE)) && /\d/.test(node.textContent);
      const caption = name === 'FIGCAPTION' || hasToken(node, CAPTION);
      if (dateline || caption) {
        if (!isSkippedWithin(node, scope) && isInSight(node)) head.push(node);
        continue;
      }
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  for (const element of head) addTexts(element, texts, holders);
  return { root: head.some((element) => !common.contains(element)) ? scope : common, head };
}

// Whether node `a` comes before node `b` in document order. (Walked by hand:
// linkedom's compareDocumentPosition answers the other way round.)
export function precedes(a, b) {
  const chain = (node) => {
    const nodes = [];
    for (let at = node; at; at = at.parentNode) nodes.unshift(at);
    return nodes;
  };
  const left = chain(a);
  const right = chain(b);
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth++;
  if (depth === left.length || depth === right.length) return left.length < right.length;
  for (let node = left[depth]; node; node = node.nextSibling) {
    if (node === right[depth]) return true;
  }
  return false;
}

// Only the first title is the article's title; later ones are headings.
function oneTitle(blocks) {
  let titled = false;
  for (const block of blocks) {
    if (block.kind !== 'title') continue;
    if (titled) block.kind = 'heading';
    titled = true;
  }
  return blocks;
}

function paragraphText(blocks) {
  return blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'quote' || block.kind === 'list-item')
    .reduce((sum, block) => sum + block.text.length, 0);
}

// ---------------------------------------------------------------- Readability's answer

// What Readability finds on a copy of the page without what a reader cannot
// see: { title, texts } with the live text nodes of the article, less what
// dropOtherStories leaves out; null when it finds nothing. With a memo
// (createReadabilityMemo), the answer of the last extraction when it still
// holds.
function readArticle(document, memo) {
  const hidden = outOfSight(document);
  const known = memo && memo.answerFor(hidden);
  if (known) return known;
  if (memo) memo.watch();
  let parsed = null;
  let readable = null;
  try {
    readable = readableCopy(document, new Set(hidden));
    parsed = new Readability(readable.copy, { serializer: (element) => element, keepClasses: true }).parse();
  } catch {
    parsed = null;
  }
  if (!parsed || !parsed.content) return null;
  const texts = liveTexts(parsed.content, readable);
  const { holders, common } = holdersOf(texts);
  if (common) dropOtherStories(common, texts, holders);
  const answer = { title: parsed.title, texts: [...texts] };
  if (memo) memo.remember(hidden, answer);
  return answer;
}

// Blocks the caller may change (their kinds, their segments) without
// changing the memo's.
function copyBlocks(blocks) {
  return blocks.map(({ kind, text, segments }) => ({ kind, text, segments: segments.map((segment) => ({ ...segment })) }));
}

function sameElements(a, b) {
  return a.length === b.length && a.every((element, at) => element === b[at]);
}

// What the observer watches: everything in the document's tree (not inside
// shadow roots or <template> contents, which neither the copy's walk nor
// Readability enters).
const WATCH = { subtree: true, childList: true, attributes: true, characterData: true };

// The overlay's element (whosays-overlay, panel.js) around or at `node`, when
// it stands in the body, where the sight check always leaves it out of the copy.
function overlayAround(node, body) {
  const element = node.nodeType === ELEMENT ? node : node.parentElement;
  const host = element && typeof element.closest === 'function' ? element.closest('whosays-overlay') : null;
  return host && body && host !== body && body.contains(host) ? host : null;
}

// Any element the sight check removed but the overlay's (always removed).
const isPageElement = (element) => element.localName !== 'whosays-overlay';

// A change made to the overlay alone: to its element or inside it, or adding
// or removing it in the body. None changes the copy Readability reads.
function isOverlayRecord(record, body) {
  if (overlayAround(record.target, body)) return true;
  if (record.type !== 'childList' || !body || !body.contains(record.target)) return false;
  const isHost = (node) => node.nodeType === ELEMENT && node.localName === 'whosays-overlay';
  return [...record.addedNodes].every(isHost) && [...record.removedNodes].every(isHost);
}

// Keeps Readability's answer from one extraction to the next while it
// provably cannot change. The rule: Readability reads a copy of the
// document (readableCopy), in which nothing has a computed style or a
// layout; its answer, and what dropOtherStories leaves of it (names, tags
// and text of the live page, no style), are therefore functions of the live
// DOM and of which elements the sight check removed, and of nothing else
// (the URL changes only the links Readability rewrites, whose text stays).
// Styles and layout change the sight check's result without any change to
// the DOM (a media query on a resize, a style sheet that loads late or is
// changed through the CSSOM, adopted style sheets), so the sight check runs
// again on every extraction and its result is compared with the last one's.
// The answer is reused when both hold:
//   - a MutationObserver on the document (subtree, child lists, every
//     attribute, character data) saw no change since the last extraction,
//     other than the overlay's own (its element: outOfSight always removes it);
//   - the sight check removes the same elements as at the last extraction
//     (the overlay's element aside).
// The title's heading and the article's head (both read styles) are looked
// for again on every extraction. The blocks (collect(): names, tags and text
// of the live page read from the answer's text nodes, the heading's and the
// head's, no style) are kept with the answer, the heading and the head they
// were read from, and reused when the answer is reused (no mutation since
// they were read) with the same heading and the same head. In the overlay
// the language check and the engine run every time.
// Once a change is seen, the observer stops until the next extraction (a
// page that keeps changing costs nothing more). The observer must show that
// it works (a probe's change in takeRecords()), else nothing is reused. null
// where the document has no MutationObserver (every extraction is then fresh).
export function createReadabilityMemo(document) {
  const view = document.defaultView;
  const Observer = view && view.MutationObserver;
  if (typeof Observer !== 'function') return null;
  let changed = true;
  let stopped = false;
  let hidden = null;
  let answer = null;
  // The blocks read with the answer: { answer, heading, head, blocks }.
  let kept = null;
  // A detached element whose attribute each check changes: an observer that
  // does not report it (a page that replaced MutationObserver) is not trusted.
  const probe = document.createElement('div');
  let ticks = 0;
  let observer = null;
  const note = (records) => {
    if (changed || records.every((record) => isOverlayRecord(record, document.body))) return;
    changed = true;
    observer.disconnect();
  };
  try {
    observer = new Observer(note);
  } catch {
    return null;
  }
  // Whether nothing but the overlay changed since watch(), asked now.
  const unchanged = () => {
    if (changed) return false;
    try {
      probe.setAttribute('data-n', String(++ticks));
      const records = [...observer.takeRecords()];
      const own = records.filter((record) => record.target !== probe);
      if (own.length === records.length) changed = true;
      note(own);
    } catch {
      changed = true;
    }
    return !changed;
  };
  const memo = {
    // How often Readability ran, and how often its answer was reused.
    reads: 0,
    reuses: 0,
    // How often the blocks were reused with the answer.
    blockReuses: 0,
    // The last answer, when it still holds with this sight check's result.
    answerFor(nowHidden) {
      if (!answer || !unchanged()) return null;
      const now = nowHidden.filter(isPageElement);
      if (!sameElements(now, hidden)) return null;
      memo.reuses += 1;
      return answer;
    },
    // The blocks read from `read` (an answer of this memo) with this title's
    // heading and article's head, when they were read before: a copy.
    blocksFor(read, heading, head) {
      if (!kept || kept.answer !== read || kept.heading !== heading || !sameElements(kept.head, head)) return null;
      memo.blockReuses += 1;
      return copyBlocks(kept.blocks);
    },
    rememberBlocks(read, heading, head, blocks) {
      kept = read === answer ? { answer: read, heading, head, blocks: copyBlocks(blocks) } : null;
    },
    // A fresh extraction starts: changes from now on count against its answer.
    watch() {
      memo.reads += 1;
      answer = null;
      kept = null;
      if (stopped) return;
      try {
        observer.takeRecords();
        observer.observe(document, WATCH);
        observer.observe(probe, { attributes: true });
        changed = false;
      } catch {
        changed = true;
      }
    },
    remember(nowHidden, nowAnswer) {
      hidden = nowHidden.filter(isPageElement);
      answer = nowAnswer;
    },
    // For good: every extraction is fresh from now on.
    disconnect() {
      stopped = true;
      changed = true;
      answer = null;
      kept = null;
      try {
        observer.disconnect();
      } catch {
        // A page's broken observer: nothing to stop.
      }
    },
  };
  return memo;
}

// The article as blocks. Returns { probablyArticle, roots, blocks, title,
// reason } where blocks are { kind, text, segments } in reading order and
// reason says why there is no article ('hidden', 'listing', 'no-article')
// or is null. Never throws on odd markup. Options: root (a selector for the
// article's root elements: no Readability then), memo (from
// createReadabilityMemo for this document: Readability's answer reused
// while it provably holds).
export function extractArticle(document, options = {}) {
  const none = (reason) => ({ probablyArticle: false, roots: [], blocks: [], title: null, reason });
  if (!document || !document.body) return none('no-article');
  if (options.root) {
    const roots = outermost([...document.querySelectorAll(options.root)]);
    const blocks = [];
    for (const root of roots) collect(root, blocks, kindOf(root, null) === 'paragraph' ? 'paragraph' : kindOf(root, null));
    const characters = roots.reduce((sum, root) => sum + paragraphCharacters(root), 0) || paragraphText(blocks);
    return { probablyArticle: characters >= MIN_ARTICLE_CHARACTERS, roots, blocks: oneTitle(blocks), title: null, reason: characters >= MIN_ARTICLE_CHARACTERS ? null : 'no-article' };
  }
  const reason = whyNoArticle(document);
  if (reason) return none(reason);
  const read = readArticle(document, options.memo || null);
  if (!read) return none('no-article');
  const texts = new Set(read.texts);
  const { holders, common } = holdersOf(texts);
  if (!common) return none('no-article');
  const heading = titleHeading(document, read.title, texts);
  const { root, head } = withArticleHead(document, common, texts, holders);
  const memo = options.memo || null;
  let blocks = memo && memo.blocksFor(read, heading, head);
  if (!blocks) {
    blocks = [];
    if (heading && !root.contains(heading)) collect(heading, blocks, 'title');
    if (heading && root.contains(heading)) addTexts(heading, texts, holders);
    collect(root, blocks, kindOf(root, null) === 'title' ? 'paragraph' : kindOf(root, null), { texts, holders });
    // What sits in a date's box without a digit ("|", "Comments") is no date.
    blocks = oneTitle(blocks.filter((block) => block.kind !== 'dateline' || /\d/.test(block.text)));
    if (memo) memo.rememberBlocks(read, heading, head, blocks);
  }
  const probablyArticle = paragraphText(blocks) >= MIN_ARTICLE_CHARACTERS;
  return {
    probablyArticle,
    roots: heading && !root.contains(heading) ? [heading, root] : [root],
    blocks,
    title: read.title || null,
    reason: probablyArticle ? null : 'no-article',
  };
}

// The engine's input: kinds and texts only.
export function articleOf(blocks) {
  return { blocks: blocks.map(({ kind, text }) => ({ kind, text })) };
}
