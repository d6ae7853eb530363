// The whosays demo: `node web/demo/serve.mjs [--port N]` serves on 127.0.0.1
// the seed article as its own site showed it, a page per dev-corpus article
// (made from the corpus JSON on request), each with the script tag, and the
// script tag's files from dist/embed/. Prints the URL.
//
// Paths under /csp-strict/ are served with `Content-Security-Policy:
// script-src 'self'` (no WebAssembly: whosays shows why it cannot run), under
// /csp-wasm/ with `script-src 'self' 'wasm-unsafe-eval'` (it runs), and under
// /csp-noworker/ with workers forbidden too (it runs on the main thread).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultRoot = path.resolve(here, '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export const CSP_MODES = {
  'csp-strict': "script-src 'self'",
  'csp-wasm': "script-src 'self' 'wasm-unsafe-eval'",
  // WebAssembly allowed, workers forbidden: the engine runs on the main thread.
  'csp-noworker': "script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'",
};

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// A dev-corpus article as a Wikinews-like page with the script tag.
export function articlePage(article, base) {
  const body = [];
  let list = null;
  const close = () => {
    if (list) body.push(`<ul>${list.join('')}</ul>`);
    list = null;
  };
  for (const block of article.blocks) {
    const text = escapeHtml(block.text);
    if (block.kind === 'list-item') {
      (list ||= []).push(`<li>${text}</li>`);
      continue;
    }
    close();
    switch (block.kind) {
      case 'title': body.push(`<h1 class="firstHeading">${text}</h1>`); break;
      case 'dateline': body.push(`<p class="dateline"><strong><span id="publishDate">${text}</span></strong></p>`); break;
      case 'caption': body.push(`<figure class="thumb"><figcaption class="thumbcaption">${text}</figcaption></figure>`); break;
      case 'heading': body.push(`<h2>${text}</h2>`); break;
      case 'quote': body.push(`<blockquote><p>${text}</p></blockquote>`); break;
      default: body.push(`<p>${text}</p>`);
    }
  }
  close();
  const source = article.url
    ? `<a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a>`
    : 'the whosays project';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(article.title || article.id)} – whosays demo</title>
  <link rel="stylesheet" href="${base}/assets/blog.css">
  <script src="${base}/embed/whosays.js" defer></script>
</head>
<body>
  <header class="wiki-header"><p class="site-title"><a href="${base}/">whosays demo · Wikinews articles</a></p>
    <nav aria-label="Site"><ul class="menu"><li><a href="${base}/">All demo articles</a></li><li><a href="${base}/seed">Seed article</a></li></ul></nav>
  </header>
  <div class="site-content">
    <main class="content-area">
      <article>
${body.map((line) => `        ${line}`).join('\n')}
      </article>
    </main>
    <aside class="widget-area"><h2 class="widget-title">About this page</h2><p>The article text is from Wikinews, used under CC BY 2.5.</p></aside>
  </div>
  <footer class="wiki-footer">Text by Wikinews contributors, from ${source}, under the
    <a href="https://creativecommons.org/licenses/by/2.5/">Creative Commons Attribution 2.5</a> licence (${escapeHtml(article.license || 'CC BY 2.5')}).</footer>
</body>
</html>
`;
}

function indexPage(articles, base) {
  const items = articles.map((article) =>
    `<li><a href="${base}/article/${encodeURIComponent(article.id)}">${escapeHtml(article.title || article.id)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>whosays demo</title><link rel="stylesheet" href="${base}/assets/blog.css"></head>
<body>
  <header class="wiki-header"><p class="site-title">whosays demo</p></header>
  <div class="site-content"><main class="content-area">
    <h1>Who says so?</h1>
    <p>Each page carries the whosays script tag: it highlights every casualty and responsibility claim
      and shows who stands behind it. Everything runs in your browser.</p>
    <ul class="index-list">
      <li><a href="${base}/seed">Clashes reported between Armenia and Azerbaijan</a> (the project's seed article, as its site showed it)</li>
    </ul>
    <h2>Wikinews articles (CC BY 2.5)</h2>
    <ul class="index-list">
${items}
    </ul>
    <h2>Content-Security-Policy</h2>
    <ul class="index-list">
      <li><a href="/csp-strict/seed">The seed page with <code>script-src 'self'</code></a>: whosays explains why it cannot run.</li>
      <li><a href="/csp-wasm/seed">The seed page with <code>script-src 'self' 'wasm-unsafe-eval'</code></a>: it runs.</li>
    </ul>
  </main></div>
</body>
</html>
`;
}

function loadArticles(corpus) {
  if (!corpus || !existsSync(corpus)) return [];
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(corpus, name), 'utf8')))
    .filter((article) => article && typeof article.id === 'string' && Array.isArray(article.blocks));
}

// The file under `dir` named by `relative`, or null (no escaping `dir`).
function fileWithin(dir, relative) {
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + relative));
  if (!file.startsWith(path.resolve(dir) + path.sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

// The server, not yet listening. Options: root (the checkout), corpus (the
// articles folder), fixtures (a folder of extra pages served at /fixtures/).
export function createDemoServer({ root = defaultRoot, corpus, fixtures = null } = {}) {
  const corpusDir = corpus || path.resolve(root, '../shared/corpus/dev/articles');
  const embedDir = path.join(root, 'dist/embed');
  const assetsDir = path.join(root, 'web/demo/assets');
  const seedFile = path.join(root, 'web/demo/pages/seed.html');
  let articles = null;

  return http.createServer((request, response) => {
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    } catch {
      send(400, 'text/plain; charset=utf-8', 'bad path\n');
      return;
    }
    const headers = {};
    let base = '';
    const prefix = pathname.match(/^\/(csp-[a-z]+)(\/.*|$)/);
    if (prefix && CSP_MODES[prefix[1]]) {
      headers['Content-Security-Policy'] = CSP_MODES[prefix[1]];
      base = `/${prefix[1]}`;
      pathname = prefix[2] || '/';
    }
    const html = (body) => send(200, TYPES['.html'], body, headers);
    const file = (found) => {
      if (!found) {
        send(404, 'text/plain; charset=utf-8', 'not found\n', headers);
        return;
      }
      const type = TYPES[path.extname(found)] || 'application/octet-stream';
      const body = readFileSync(found);
      if (type.startsWith('text/html')) html(body.toString('utf8').replaceAll('{{base}}', base));
      else send(200, type, body, headers);
    };
    try {
      articles ||= loadArticles(corpusDir);
      if (pathname === '/' || pathname === '/index.html') return html(indexPage(articles, base));
      if (pathname === '/seed' || pathname === '/seed.html') return file(seedFile);
      if (pathname.startsWith('/article/')) {
        const id = pathname.slice('/article/'.length).replace(/\.html$/, '');
        const article = articles.find((candidate) => candidate.id === id);
        return article ? html(articlePage(article, base)) : file(null);
      }
      if (pathname.startsWith('/embed/')) {
        if (!existsSync(embedDir)) return send(503, 'text/plain; charset=utf-8', 'dist/embed is missing: run npm run build\n', headers);
        return file(fileWithin(embedDir, pathname.slice('/embed/'.length)));
      }
      if (pathname.startsWith('/assets/')) return file(fileWithin(assetsDir, pathname.slice('/assets/'.length)));
      if (fixtures && pathname.startsWith('/fixtures/')) return file(fileWithin(fixtures, pathname.slice('/fixtures/'.length)));
      return file(null);
    } catch (error) {
      send(500, 'text/plain; charset=utf-8', `server error: ${error.message}\n`);
    }
  });
}

// Listens on 127.0.0.1; resolves to { server, url, close() }.
export function startDemoServer({ port = 0, ...options } = {}) {
  const server = createDemoServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ server, url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const port = at !== -1 ? Number(process.argv[at + 1]) : Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${process.argv[at + 1] ?? process.env.PORT}`);
    process.exit(2);
  }
  if (!existsSync(path.join(defaultRoot, 'dist/embed/whosays.js'))) {
    console.error('serve: dist/embed/whosays.js is missing: run npm run build first');
    process.exit(1);
  }
  const { url } = await startDemoServer({ port });
  console.log(`whosays demo: ${url}`);
  console.log(`  seed article:       ${url}seed`);
  console.log(`  dev corpus pages:   ${url} (index)`);
  console.log('  Ctrl+C stops it.');
}
