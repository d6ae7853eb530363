// The benchmark page's article: the project's own articles
// (tests/corpus/own*/articles), joined block by block until the text holds
// `words` words; one title, the other articles' titles become headings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { root } from './common.mjs';

function ownArticles() {
  const articles = [];
  for (const corpus of readdirSync(path.join(root, 'tests/corpus')).sort()) {
    const dir = path.join(root, 'tests/corpus', corpus, 'articles');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      articles.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    }
  }
  return articles;
}

const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

// { blocks: [{ kind, text }], words }
export function benchPage(words) {
  const blocks = [];
  let total = 0;
  for (const article of ownArticles()) {
    for (const block of article.blocks) {
      if (total >= words) break;
      const kind = block.kind === 'title' ? (blocks.length ? 'heading' : 'title') : block.kind;
      blocks.push({ kind, text: block.text });
      total += countWords(block.text);
    }
  }
  return { blocks, words: total };
}
