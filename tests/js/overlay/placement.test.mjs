// The panel's and the card's geometry (web/overlay/placement.js), table-driven.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardPlace, contains, freeArea, intersects, restingSide, scrollFor, sideFor } from '../../../web/overlay/placement.js';
import { UNDERLINES, underlineDepth } from '../../../web/overlay/highlight.js';

const rect = (left, top, right, bottom) => ({ left, top, right, bottom });
const desk = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

describe('placement', () => {
  it('puts the panel at the bottom when the screen is narrow, else on the side asked for', () => {
    assert.equal(restingSide(390, 'right'), 'bottom');
    assert.equal(restingSide(1280, 'right'), 'right');
    assert.equal(restingSide(1280, 'left'), 'left');
  });

  it('moves the panel to the side the claim leaves free when the claim runs under it', () => {
    const cases = [
      // [claim, preferred, expected]
      [rect(100, 300, 700, 340), 'right', 'right'],
      [rect(450, 300, 1100, 340), 'right', 'left'],
      [rect(300, 300, 1100, 340), 'right', 'bottom'],
      [rect(100, 300, 1200, 340), 'right', 'bottom'],
      [rect(100, 300, 500, 340), 'left', 'right'],
      [rect(500, 300, 800, 340), 'left', 'left'],
    ];
    for (const [claim, preferred, expected] of cases) {
      assert.equal(sideFor(claim, desk, preferred, 400), expected, JSON.stringify({ claim, preferred }));
    }
    assert.equal(sideFor(rect(10, 10, 100, 30), phone, 'right', 366), 'bottom');
  });

  it('leaves free the part of the viewport beside or above the panel', () => {
    assert.deepEqual(freeArea(desk, rect(868, 12, 1268, 788), 'right'), rect(0, 0, 860, 800));
    assert.deepEqual(freeArea(desk, rect(12, 12, 412, 788), 'left'), rect(420, 0, 1280, 800));
    assert.deepEqual(freeArea(phone, rect(0, 464, 390, 844), 'bottom'), rect(0, 0, 390, 456));
    assert.deepEqual(freeArea(desk, null, 'right'), rect(0, 0, 1280, 800));
  });

  it('scrolls the claim and its card into the middle of the free part when they fit', () => {
    const area = rect(0, 0, 390, 456);
    const claim = rect(20, 900, 370, 940);
    const by = scrollFor(claim, area, 200);
    const moved = rect(20, claim.top - by, 370, claim.bottom - by);
    assert.ok(contains(area, moved));
    assert.ok(moved.bottom + 8 + 200 <= area.bottom, JSON.stringify(moved));
    // Too tall for both: the claim goes to the top of the free part.
    assert.equal(scrollFor(rect(0, 500, 100, 900), area, 200), 500 - 8);
  });

  it('places the card below the claim, else above, always inside the free part', () => {
    const area = rect(0, 0, 860, 800);
    const card = { width: 360, height: 150 };
    const below = cardPlace(rect(700, 300, 850, 320), area, card);
    assert.deepEqual(below, { left: 492, top: 328, width: 360 });
    const above = cardPlace(rect(100, 700, 300, 720), area, card);
    assert.equal(above.top, 700 - 8 - 150);
    for (const claim of [rect(0, 0, 860, 790), rect(-50, 400, 10, 420), rect(100, 10, 200, 30)]) {
      const place = cardPlace(claim, area, card);
      assert.ok(contains(area, rect(place.left, place.top, place.left + place.width, place.top + card.height)), JSON.stringify({ claim, place }));
    }
    const narrow = cardPlace(rect(10, 100, 300, 120), rect(0, 0, 390, 456), card);
    assert.ok(narrow.left >= 8 && narrow.left + narrow.width <= 382, JSON.stringify(narrow));
  });

  it('tells overlapping rectangles from touching ones', () => {
    assert.equal(intersects(rect(0, 0, 10, 10), rect(5, 5, 15, 15)), true);
    assert.equal(intersects(rect(0, 0, 10, 10), rect(10, 0, 20, 10)), false);
  });
});

describe('highlight styles', () => {
  it('keeps every underline within 4 px below the baseline so that at line-height 1.2 it never reaches the next line', () => {
    for (const [status, underline] of Object.entries(UNDERLINES)) {
      assert.ok(underlineDepth(underline) <= 4, `${status}: ${underlineDepth(underline)} px`);
    }
  });

  it('draws each verdict in its own line style so colour is never the only difference', () => {
    const styles = Object.values(UNDERLINES).map((underline) => underline.style);
    assert.equal(new Set(styles).size, styles.length);
  });
});
