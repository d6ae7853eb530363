// Article extraction from a live DOM: finds the article body, turns it into
// blocks ({kind, text}) the engine reads, and keeps for every block a map from
// its text offsets (UTF-16 code units, JavaScript string indices) back to DOM
// text nodes, so that claim spans can become Ranges (anchor.js).
//
// Works on any DOM with the standard node API (a browser, linkedom); uses
// computed styles only where the document has a view that gives them.

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
// text (after mozilla/readability's unlikely candidates, narrowed to whole
// words between '-' / '_' so "heading" does not read as "ad").
const FURNITURE = new RegExp(
  '(^|[-_])(' + [
    'comments?', 'commentlist', 'commentform', 'respond', 'reply', 'replies', 'disqus',
    'share', 'shares', 'sharing', 'sharedaddy', 'social', 'sociable',
    'related', 'relatedposts', 'recommended', 'recommendations', 'more-stories', 'read-more', 'readmore',
    'newsletter', 'subscribe', 'subscription', 'signup', 'paywall',
    'cookie', 'cookies', 'consent', 'gdpr',
    'sidebar', 'widget', 'widgets', 'promo', 'ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored',
    'outbrain', 'taboola', 'popup', 'modal', 'menu', 'breadcrumb', 'breadcrumbs', 'nav', 'navbar',
    'navigation', 'masthead', 'skip', 'byline', 'author', 'tags', 'likes', 'screen-reader-text', 'sr-only',
    'visually-hidden', 'print-only', 'toolbar',
  ].join('|') + ')([-_]|$)',
  'i',
);

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
  if (hasToken(element, FURNITURE)) return true;
  // aria-hidden inside the article marks decoration; on the page's wrappers
  // (a modal library hiding the page behind a cookie dialog) it does not
  // hide the article from sight, so candidates ignore it (isSkippedWithin).
  if (element.getAttribute('aria-hidden') === 'true') return true;
  return isHidden(element);
}

function isFurnitureOrHidden(element) {
  if (SKIP_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  return hasToken(element, FURNITURE) || isHidden(element);
}

// Whether `element` or an ancestor below `root` is skipped.
function isSkippedWithin(element, root) {
  for (let node = element; node && node !== root; node = node.parentElement) {
    if (isSkipped(node)) return true;
  }
  return false;
}

// Whether a candidate root sits in page furniture or hidden content.
function isCandidateSkipped(element, body) {
  for (let node = element; node && node !== body; node = node.parentElement) {
    if (isFurnitureOrHidden(node)) return true;
  }
  return false;
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

// Collects blocks from `root` into `blocks`. A block is the inline content
// between block boundaries; its text collapses whitespace as a browser shows
// it, and `segments` maps text offsets back to nodes:
// segment = { node, start, end, offsets } where text[start + i] came from
// node.data[offsets[i]].
function collect(root, blocks, rootKind) {
  let current = null;

  const open = (kind) => {
    current = { kind, text: '', segments: [], pendingSpace: null };
  };
  const flush = () => {
    if (!current) return;
    if (current.text.length) {
      blocks.push({ kind: current.kind, text: current.text, segments: current.segments });
    }
    current = null;
  };
  const ensure = (kind) => {
    if (!current) open(kind);
  };

  const appendText = (node) => {
    const data = node.data;
    let segment = null;
    for (let i = 0; i < data.length; i++) {
      const unit = data.charCodeAt(i);
      // Space, tab, CR, LF, FF collapse; the no-break space (U+00A0) does not.
      if (unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x0c) {
        if (current.text.length && current.pendingSpace === null) {
          current.pendingSpace = { node, offset: i };
        }
        continue;
      }
      if (current.pendingSpace) {
        const space = current.pendingSpace.synthetic ? { node, offset: i } : current.pendingSpace;
        current.pendingSpace = null;
        const spaceSegment = { node: space.node, start: current.text.length, end: current.text.length + 1, offsets: [space.offset] };
        current.text += ' ';
        if (space.node === node && segment) {
          segment.offsets.push(space.offset);
          segment.end += 1;
        } else {
          current.segments.push(spaceSegment);
          segment = null;
        }
      }
      if (!segment) {
        segment = { node, start: current.text.length, end: current.text.length, offsets: [] };
        current.segments.push(segment);
      }
      current.text += data[i];
      segment.offsets.push(i);
      segment.end += 1;
    }
  };

  const walk = (element, kind) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT || child.nodeType === CDATA) {
        if (!/\S/.test(child.data) && !current) continue;
        ensure(kind);
        appendText(child);
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      if (isSkipped(child)) continue;
      const name = tag(child);
      if (name === 'BR') {
        // A line break reads as a space, mapped to the character after it.
        if (current && current.text.length && current.pendingSpace === null) current.pendingSpace = { synthetic: true };
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

// Text of the paragraphs directly inside `element` (not skipped ones).
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

// The densest run of paragraphs: every parent of visible <p>s is scored by
// their text; the best parent wins, with its sibling containers that also
// hold real paragraphs (an article split by an advertisement or a related
// box into several containers).
function densestRoots(document) {
  const scores = new Map();
  for (const paragraph of document.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (!parent || isCandidateSkipped(paragraph, document.body)) continue;
    const length = paragraph.textContent.replace(/\s+/g, ' ').trim().length;
    if (length < 25) continue;
    scores.set(parent, (scores.get(parent) || 0) + length);
  }
  let best = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (!best) return [];
  const parent = best.parentElement;
  if (!parent) return [best];
  const roots = [];
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling === best) {
      roots.push(sibling);
      continue;
    }
    if (isSkipped(sibling)) continue;
    const score = scores.get(sibling) || 0;
    if (score >= Math.min(100, bestScore * 0.2)) roots.push(sibling);
  }
  return roots;
}

// The nearest <article> or schema.org Article item around an articleBody.
function articleContainer(element, body) {
  for (let node = element.parentElement; node && node !== body; node = node.parentElement) {
    const type = node.getAttribute('itemtype') || '';
    if (node.localName === 'article' || (node.hasAttribute('itemscope') && /Article|BlogPosting|Report/.test(type))) {
      return node.querySelectorAll('[itemprop~="articleBody"]').length === 1 ? node : null;
    }
  }
  return null;
}

// The article root(s), in document order.
export function findArticleRoots(document, options = {}) {
  const body = document.body;
  if (!body) return [];
  if (options.root) {
    return outermost([...document.querySelectorAll(options.root)]);
  }
  const marked = outermost([...document.querySelectorAll('[itemprop~="articleBody"]')])
    .filter((element) => !isCandidateSkipped(element, body));
  if (marked.length && marked.reduce((sum, element) => sum + paragraphCharacters(element), 0) >= MIN_ARTICLE_CHARACTERS) {
    // The body's article container also holds its headline, dateline and
    // lead image caption: read that when it wraps one body only.
    if (marked.length === 1) {
      const container = articleContainer(marked[0], body);
      if (container) return [container];
    }
    return marked;
  }
  const articles = [...document.querySelectorAll('article')].filter((element) => !isCandidateSkipped(element, body));
  if (articles.length) {
    let best = null;
    let bestScore = 0;
    for (const article of articles) {
      const score = paragraphCharacters(article);
      if (score > bestScore) {
        best = article;
        bestScore = score;
      }
    }
    if (best && bestScore >= MIN_ARTICLE_CHARACTERS) return [best];
  }
  const main = document.querySelector('main, [role="main"]');
  if (main && !isCandidateSkipped(main, body) && paragraphCharacters(main) >= MIN_ARTICLE_CHARACTERS) return [main];
  return densestRoots(document);
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

// The page's headline when the root holds none: the first visible <h1> before it.
function outsideTitle(document, roots) {
  for (const heading of document.querySelectorAll('h1')) {
    if (roots.some((root) => root.contains(heading))) return null;
    if (!precedes(heading, roots[0])) return null;
    if (isCandidateSkipped(heading, document.body)) continue;
    return heading;
  }
  return null;
}

// Cheap check: a root with enough paragraph text, without building blocks.
export function isProbablyArticle(document, options = {}) {
  const roots = findArticleRoots(document, options);
  return roots.reduce((sum, root) => sum + paragraphCharacters(root), 0) >= MIN_ARTICLE_CHARACTERS;
}

// The article as blocks. Returns { probablyArticle, roots, blocks } where
// blocks are { kind, text, segments } in reading order. Never throws on odd
// markup; a page without an article gives probablyArticle = false.
export function extractArticle(document, options = {}) {
  const roots = findArticleRoots(document, options);
  const blocks = [];
  if (!roots.length) return { probablyArticle: false, roots, blocks };
  const heading = outsideTitle(document, roots);
  if (heading) collect(heading, blocks, 'title');
  for (const root of roots) collect(root, blocks, kindOf(root, null) === 'paragraph' ? 'paragraph' : kindOf(root, null));
  // Only the first title is the article's title; later <h1>s are headings.
  let titled = false;
  for (const block of blocks) {
    if (block.kind !== 'title') continue;
    if (titled) block.kind = 'heading';
    titled = true;
  }
  const characters = roots.reduce((sum, root) => sum + paragraphCharacters(root), 0)
    || blocks.filter((block) => block.kind === 'paragraph').reduce((sum, block) => sum + block.text.length, 0);
  return { probablyArticle: characters >= MIN_ARTICLE_CHARACTERS, roots, blocks };
}

// The engine's input: kinds and texts only.
export function articleOf(blocks) {
  return { blocks: blocks.map(({ kind, text }) => ({ kind, text })) };
}
