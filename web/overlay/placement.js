// Where the panel and the card go so that they never hide what they point
// at. Pure geometry on viewport rectangles ({ left, top, right, bottom }, CSS
// pixels), so it is tested without a browser; panel.js and index.js apply it.
//
// On a narrow screen the panel is a bottom sheet. On a wide one it stands on
// the reader's side ('right' by default); when the selected claim runs under
// it, it moves to the other side, and when the claim is too wide for either,
// it becomes a bottom sheet too. The claim is then scrolled into the part of
// the viewport the panel leaves free, with room for its card below or above.

// Below this viewport width the panel is a bottom sheet.
export const NARROW_WIDTH = 700;
// Space kept between the panel, the card, the claim and the viewport's edges.
export const GAP = 8;

export function intersects(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function contains(outer, inner) {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

// The side the panel stands on when nothing is selected.
export function restingSide(viewportWidth, preferred) {
  return viewportWidth < NARROW_WIDTH ? 'bottom' : preferred;
}

// The viewport's part the panel leaves free, given the panel's rectangle
// (null: the panel is closed) and its side.
export function freeArea(viewport, panel, side) {
  const area = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  if (!panel) return area;
  if (side === 'bottom') area.bottom = Math.max(0, panel.top - GAP);
  else if (side === 'left') area.left = Math.min(viewport.width, panel.right + GAP);
  else area.right = Math.max(0, panel.left - GAP);
  return area;
}

// The side for a claim spanning [left, right] horizontally: the preferred
// one if the claim is clear of it, else the other, else the bottom. `widths`
// gives the panel's width on a side.
export function sideFor(claim, viewport, preferred, panelWidth, margin = 12) {
  if (viewport.width < NARROW_WIDTH) return 'bottom';
  const clear = (side) => {
    const edge = side === 'left' ? margin + panelWidth + GAP : viewport.width - margin - panelWidth - GAP;
    return side === 'left' ? claim.left >= edge : claim.right <= edge;
  };
  if (preferred === 'bottom') return 'bottom';
  if (clear(preferred)) return preferred;
  const other = preferred === 'left' ? 'right' : 'left';
  if (clear(other)) return other;
  return 'bottom';
}

// How far to scroll vertically (positive: down) so that the claim, and its
// card below it when `cardHeight` is given, sit in the middle of `area`
// (the claim at its top when both do not fit).
export function scrollFor(claim, area, cardHeight = 0) {
  const height = claim.bottom - claim.top;
  const needed = height + (cardHeight ? GAP + cardHeight : 0);
  const room = area.bottom - area.top;
  const top = needed <= room - 2 * GAP ? area.top + (room - needed) / 2 : area.top + GAP;
  return Math.round(claim.top - top);
}

// Where the card goes: below the claim, else above it, inside `area` and the
// viewport; { left, top, width }.
export function cardPlace(claim, area, card) {
  const width = Math.max(0, Math.min(card.width, area.right - area.left - 2 * GAP));
  const left = Math.max(area.left + GAP, Math.min(claim.left, area.right - width - GAP));
  const below = claim.bottom + GAP;
  const above = claim.top - GAP - card.height;
  let top;
  if (below + card.height <= area.bottom - GAP) top = below;
  else if (above >= area.top + GAP) top = above;
  else {
    // Neither fits whole: the side with more room, kept inside the area.
    top = area.bottom - claim.bottom > claim.top - area.top ? below : Math.max(area.top + GAP, above);
    top = Math.max(area.top + GAP, Math.min(top, area.bottom - GAP - card.height));
  }
  return { left: Math.round(left), top: Math.round(top), width: Math.round(width) };
}
