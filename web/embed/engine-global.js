// The main-thread engine as a classic script: defines window.whosaysEngine.
// Bundled by web/embed/build.mjs into dist/embed/whosays-engine.js
// ('whosays-engine' is dist/engine/index.js). Assigned here rather than
// through esbuild's globalName, whose export helper walks the exports with
// for...in and throws on a page that added enumerable properties to
// Object.prototype.
import { WhosaysError, createAnalyzer } from 'whosays-engine';

globalThis.whosaysEngine = { createAnalyzer, WhosaysError };
