// A page's own changes to the built-ins must not break the engine on the
// main thread (where the embed falls back when workers are forbidden).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { importEngine } from './helpers.mjs';

const article = { blocks: [{ kind: 'paragraph', text: 'The ministry said 12 soldiers were killed on Sunday.' }] };

describe('analyzer.analyze', () => {
  let analyzer;
  let expected;
  before(async () => {
    const engine = await importEngine();
    analyzer = await engine.createAnalyzer();
    expected = JSON.stringify(analyzer.analyze(article));
  });
  after(() => {
    delete Object.prototype.polluted;
    delete Object.prototype.error;
  });

  it('gives the same result when the page adds enumerable properties to Object.prototype', () => {
    // eslint-disable-next-line no-extend-native
    Object.prototype.polluted = function polluted() {};
    try {
      assert.equal(JSON.stringify(analyzer.analyze(article)), expected);
    } finally {
      delete Object.prototype.polluted;
    }
  });

  it('does not take an inherited "error" property for a failure', () => {
    // eslint-disable-next-line no-extend-native
    Object.prototype.error = 'from the page';
    try {
      const result = analyzer.analyze(article);
      assert.equal(result.summary.claims, 1);
    } finally {
      delete Object.prototype.error;
    }
  });
});
