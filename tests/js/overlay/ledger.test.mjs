// The ledger groups casualty claims by who makes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLedger, sourceKey } from '../../../web/overlay/ledger.js';

const claim = (fields) => ({ block: 0, start: 0, end: 10, kinds: ['casualty'], status: 'attributed', source: null, quantities: [], ...fields });

describe('buildLedger', () => {
  it('puts each source in its own row with its figures when sides disagree', () => {
    const claims = [
      claim({ source: 'Armenia army', text: 'destroying two helicopters', start: 100, end: 126, quantities: [{ start: 111, end: 114, text: 'two', min: 2, max: 2, kind: 'count' }] }),
      claim({ source: 'Azerbaijan', text: 'destroy 12 systems', start: 200, end: 218, quantities: [{ start: 208, end: 210, text: '12', min: 12, max: 12, kind: 'count' }] }),
      claim({ source: 'the Armenia army', text: 'much more casualties', start: 300, end: 320 }),
    ];
    const rows = buildLedger(claims);
    assert.deepEqual(rows.map((row) => row.label), ['Armenia army', 'Azerbaijan']);
    assert.deepEqual(rows[0].entries.map((entry) => entry.claim), [0, 2]);
    assert.deepEqual(rows[0].entries[0].figures.map((figure) => [figure.text, figure.start, figure.end]), [['two', 11, 14]]);
    assert.deepEqual(rows[1].entries[0].figures.map((figure) => figure.min), [12]);
  });

  it('adds vague and unattributed rows after the named sources when figures have no source', () => {
    const rows = buildLedger([
      claim({ status: 'unattributed' }),
      claim({ status: 'vague' }),
      claim({ source: 'Police' }),
      claim({ kinds: ['responsibility'], source: 'Army' }),
    ]);
    assert.deepEqual(rows.map((row) => row.key), ['source:police', 'status:vague', 'status:unattributed']);
  });

  it('leaves out years, ages and figures outside the claim when quantities are mixed', () => {
    const rows = buildLedger([claim({ start: 10, end: 40, quantities: [
      { start: 12, end: 16, text: '2019', kind: 'year' },
      { start: 50, end: 52, text: '30', kind: 'count' },
      { start: 20, end: 22, text: '14', kind: 'count' },
    ], source: 'Police' })]);
    assert.deepEqual(rows[0].entries[0].figures.map((figure) => figure.text), ['14']);
  });
});

describe('sourceKey', () => {
  it('ignores case, articles and possessives when names are compared', () => {
    assert.equal(sourceKey('The Health Ministry'), sourceKey('health ministry'));
    assert.equal(sourceKey('Turkey’s spokesperson'), sourceKey('turkey spokesperson'));
  });
});
