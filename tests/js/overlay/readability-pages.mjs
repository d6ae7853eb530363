// The real pages of Mozilla Readability's test suite (../shared/pages/readability/,
// read at run time, never copied into the repository): which pages there are
// and what class each is in (from that folder's README), the page as served
// offline, and the word scores of extracted blocks against Readability's
// expected.html.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { root } from './helpers.mjs';

export const PAGES = path.resolve(root, '../shared/pages/readability');
export const pagesMissing = existsSync(path.join(PAGES, 'README.md')) ? false : `${PAGES} is missing`;

// { slug: class } from the README's table: 'news', 'opinion', 'foreign', 'home'.
export function pageClasses() {
  const classes = {};
  const readme = readFileSync(path.join(PAGES, 'README.md'), 'utf8');
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[2] || cells[1] === 'class' || /^-+$/.test(cells[1])) continue;
    const name = cells[1].toLowerCase();
    const kind = name.startsWith('english news') ? 'news'
      : name.startsWith('english, opinion') ? 'opinion'
        : name.startsWith('not english') ? 'foreign'
          : name.startsWith('home pages') ? 'home' : null;
    if (!kind) continue;
    for (const slug of cells[2].split(/\s+/).filter(Boolean)) classes[slug] = kind;
  }
  return classes;
}

// The page as served offline: no scripts (nor inline handlers), styles from
// other sites, base, refresh or frames (as the README says), with the script tag at the end of
// the body. `extraHead` goes at the start of <head> (a test's own script).
export function offlinePage(slug, { scriptTag = '<script src="/embed/whosays.js" defer></script>', extraHead = '' } = {}) {
  let html = readFileSync(path.join(PAGES, slug, 'source.html'), 'utf8');
  html = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/<meta\b[^>]*http-equiv[^>]*>/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe\s*>/gi, '')
    .replace(/<iframe\b[^>]*>/gi, '')
    .replace(/url\(\s*(['"]?)(https?:)?\/\/[^)]*\)/gi, 'none');
  // Inline handlers are scripts too (an image's onerror restyling it); one
  // goes per pass, so a tag with several takes several.
  for (let before = ''; before !== html;) {
    before = html;
    html = html.replace(/(<[a-z][^>]*?)\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (match, start) => start);
  }
  const head = html.search(/<head\b[^>]*>/i);
  if (extraHead && head !== -1) {
    const end = html.indexOf('>', head) + 1;
    html = html.slice(0, end) + extraHead + html.slice(end);
  } else if (extraHead) {
    html = extraHead + html;
  }
  const close = html.search(/<\/body\s*>/i);
  return close === -1 ? html + scriptTag : html.slice(0, close) + scriptTag + html.slice(close);
}

// Serves page `slug` offline to a Playwright `page` at /readability/<slug>/
// on the test server (the page with the script tag; the server's own files
// pass; the page's resources from other sites are refused). Returns the
// page's URL and the list of paths asked of the server.
export async function routeOffline(page, server, slug, options = {}) {
  const url = new URL(`/readability/${slug}/`, server.url).href;
  const local = [];
  const body = offlinePage(slug, options);
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
    if (!requested.startsWith(server.url)) return route.abort();
    local.push(new URL(requested).pathname);
    return route.continue();
  });
  return { url, local };
}

// Lower-cased words (letters and digits) of a text.
export function words(text) {
  return (text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu)) || [];
}

// Where Readability's reference keeps what the issue asks whosays to leave
// out (other stories, a sign-up box), found by hand in expected.html: the
// innermost <within> element whose text holds <holding> is not article
// text. Recall is reported against the reference as it is too.
export const REFERENCE_CORRECTIONS = {
  'yahoo-1': [
    { within: 'p', holding: 'More games news', why: 'the heading of a list of other stories' },
    { within: 'ul', holding: 'Skylanders Imaginators', why: 'a list of links to other stories' },
  ],
  theverge: [
    { within: 'div', holding: 'Sign up for Command Line', why: 'a newsletter sign-up box with its prices' },
  ],
};

function collapsed(text) {
  return text.replace(/\s+/g, ' ').trim();
}

// Readability's reference article: its words (`raw`: as it is; `words`:
// without the corrections above), its text as one line of words, and the
// page's title (Readability's, which it returns apart from the article).
export function expectedArticle(slug) {
  const html = readFileSync(path.join(PAGES, slug, 'expected.html'), 'utf8');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const raw = words(document.body.textContent);
  for (const { within, holding } of REFERENCE_CORRECTIONS[slug] || []) {
    const holders = [...document.body.querySelectorAll(within)].filter((element) => collapsed(element.textContent).includes(holding));
    const innermost = holders.filter((element) => !holders.some((other) => other !== element && element.contains(other)));
    if (innermost.length !== 1) throw new Error(`${slug}: the correction for "${holding}" matches ${innermost.length} elements`);
    innermost[0].remove();
  }
  const list = words(document.body.textContent);
  let metadata = {};
  const metadataPath = path.join(PAGES, slug, 'expected-metadata.json');
  if (existsSync(metadataPath)) metadata = JSON.parse(readFileSync(metadataPath, 'utf8'));
  return { words: list, raw, line: ` ${raw.join(' ')} `, title: metadata.title || '' };
}

// Multiset overlap of the blocks' words with the expected words: recall (of
// the expected words, how many the blocks hold) and precision (of the
// blocks' words, how many the article holds). The headline is not in
// expected.html (Readability returns it as the article's title), so a title
// block that is the page's title is left out of the count.
export function score(blocks, expected, { raw = false } = {}) {
  const reference = raw ? expected.raw : expected.words;
  const titleWords = words(expected.title).join(' ');
  const counted = blocks.filter((block) => !(block.kind === 'title' && titleWords && words(block.text).join(' ') === titleWords));
  const have = new Map();
  for (const word of reference) have.set(word, (have.get(word) || 0) + 1);
  let found = 0;
  let total = 0;
  for (const block of counted) {
    for (const word of words(block.text)) {
      total += 1;
      const left = have.get(word) || 0;
      if (left > 0) {
        have.set(word, left - 1);
        found += 1;
      }
    }
  }
  return {
    recall: reference.length ? found / reference.length : 0,
    precision: total ? found / total : 0,
    words: total,
    expectedWords: reference.length,
  };
}

// Whether `text` (a highlight) is a run of words of the expected article or
// of its title.
export function insideExpected(text, expected) {
  const run = words(text).join(' ');
  return run.length > 0 && (expected.line.includes(` ${run} `) || ` ${words(expected.title).join(' ')} `.includes(` ${run} `));
}
