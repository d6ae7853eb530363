// Which language an article is in, as far as whosays needs to know: the
// engine reads English only, so a page is analysed when nothing says it is
// in another language. Two cheap signs, both must agree: the lang attribute
// nearest the article (else the page's declared language), and the share of
// the text's words that are common English function words (about 0.4 in
// English news, under 0.1 in French, German, Spanish or Czech, none in
// Chinese or Japanese).

// The commonest English words that are rarely words of other languages in
// Latin script ('a', 'in', 'on', 'was', 'will' are: they stay out).
const ENGLISH_WORDS = new Set([
  'the', 'of', 'and', 'to', 'is', 'that', 'for', 'it', 'with', 'as', 'he', 'his', 'by', 'at', 'from', 'are', 'be',
  'this', 'have', 'has', 'had', 'not', 'but', 'they', 'were', 'said', 'which', 'who', 'their', 'been', 'would',
  'after', 'more', 'one', 'about', 'also', 'when', 'there', 'or', 'than', 'her', 'she', 'we', 'you', 'all', 'out',
  'up', 'new', 'over', 'into', 'two', 'people', 'some', 'other', 'what', 'them', 'first', 'last', 'year', 'years',
  'can', 'could', 'its', 'our', 'if', 'no', 'just', 'only', 'how', 'because', 'like', 'says', 'while', 'where',
  'these', 'those', 'being', 'before', 'should', 'him', 'my', 'your', 'did', 'does', 'do', 'such', 'any', 'most',
]);

// Below this share of English words a text does not read as English.
export const MIN_ENGLISH_SHARE = 0.2;
// Fewer words than this say nothing either way.
export const MIN_WORDS = 30;
// Enough words to tell: the first this many.
const SAMPLE_WORDS = 2000;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_ONLY = /^[\u0000-\u02ff]*$/;

// { words, share }: how many words the text has (up to the sample) and the
// share of them that are English function words.
export function englishShare(text) {
  const words = (String(text || '').toLowerCase().match(/[\p{L}']+/gu) || []).slice(0, SAMPLE_WORDS);
  // A run of Chinese or Japanese characters matches as one "word": count
  // its characters, so that such a text does not look short.
  let count = 0;
  let english = 0;
  for (const word of words) {
    // (Those scripts start at U+1100: a word below U+0300 has none of them.)
    const cjk = LATIN_ONLY.test(word) ? 0 : (word.match(CJK) || []).length;
    count += Math.max(1, cjk);
    if (ENGLISH_WORDS.has(word.includes("'") ? word.replace(/^'+|'+$/g, '') : word)) english += 1;
  }
  return { words: count, share: count ? english / count : 0 };
}

// The language declared for `element`: the nearest lang attribute, else the
// page's Content-Language. Lower case; '' when none is declared.
export function declaredLanguage(document, element) {
  let node = element && element.nodeType === 1 ? element : document.documentElement;
  for (; node && node.nodeType === 1; node = node.parentElement) {
    const lang = node.getAttribute('lang') || node.getAttribute('xml:lang');
    if (lang !== null && lang.trim()) return lang.trim().toLowerCase();
  }
  const meta = document.querySelector('meta[http-equiv="content-language" i]');
  return meta ? (meta.getAttribute('content') || '').split(',')[0].trim().toLowerCase() : '';
}

// { english, language, declared, share }: whether whosays can read the
// article whose root is `root` and whose text is `text`. `counted`, when
// given, is englishShare(text) (the overlay keeps it while the text stays).
export function articleLanguage(document, root, text, counted = englishShare(text)) {
  const declared = declaredLanguage(document, root);
  const { words, share } = counted;
  const declaredEnglish = declared ? /^en(-|$)/.test(declared) : null;
  const readsEnglish = words < MIN_WORDS ? null : share >= MIN_ENGLISH_SHARE;
  const english = declaredEnglish !== false && readsEnglish !== false;
  let language = declared || null;
  if (english) language = declared || 'en';
  else if (declaredEnglish) language = null;
  return { english, language, declared: declared || null, share: Number(share.toFixed(3)) };
}

// The panel's words for an article whosays does not read.
export function languageMessage({ language, declared }) {
  let name = null;
  if (language) {
    try {
      name = new Intl.DisplayNames(['en'], { type: 'language' }).of(language);
    } catch {
      name = null;
    }
  }
  if (name && name.toLowerCase() !== language) return `whosays reads English articles only, and this one is in ${name} (lang="${declared}"), so nothing was analysed.`;
  if (declared && !/^en(-|$)/.test(declared)) return `whosays reads English articles only, and this page says it is in lang="${declared}", so nothing was analysed.`;
  return 'whosays reads English articles only, and this article does not read as English, so nothing was analysed.';
}
