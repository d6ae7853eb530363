// The ledger: casualty claims grouped by who makes them, so a reader sees
// side by side which figures each source gives. Pure: claims in, rows out.

const STATUS_ROWS = {
  vague: 'Vague (no source named)',
  unattributed: 'Unattributed',
};

// A source's key: case, leading articles and punctuation ignored.
export function sourceKey(source) {
  return String(source)
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(the|a|an) /, '')
    .trim();
}

// The figures of a claim: its count quantities that lie inside its span,
// with offsets relative to the claim's text.
export function figuresOf(claim) {
  const figures = [];
  for (const quantity of claim.quantities || []) {
    if (quantity.kind && quantity.kind !== 'count') continue;
    if (quantity.start < claim.start || quantity.end > claim.end) continue;
    figures.push({
      text: quantity.text,
      start: quantity.start - claim.start,
      end: quantity.end - claim.start,
      min: quantity.min,
      max: quantity.max,
      approximate: Boolean(quantity.approximate),
    });
  }
  return figures;
}

// Rows: [{ key, label, status, entries: [{ claim: index, figures }] }]. Only casualty claims enter; a claim without figures still does, so a
// reader sees "much more casualties" beside the numbers.
export function buildLedger(claims) {
  const rows = new Map();
  claims.forEach((claim, index) => {
    if (!claim.kinds || !claim.kinds.includes('casualty')) return;
    let key;
    let label;
    if (claim.status === 'attributed' && claim.source) {
      key = `source:${sourceKey(claim.source)}`;
      label = claim.source;
    } else {
      const status = claim.status === 'attributed' ? 'vague' : claim.status;
      key = `status:${status}`;
      label = STATUS_ROWS[status] || status;
    }
    if (!rows.has(key)) rows.set(key, { key, label, status: key.startsWith('source:') ? 'attributed' : claim.status, entries: [] });
    rows.get(key).entries.push({ claim: index, figures: figuresOf(claim) });
  });
  // Named sources that give figures, then named sources without figures,
  // then the vague row, then the unattributed row; reading order within each.
  const order = (row) => {
    if (row.key === 'status:vague') return 2;
    if (row.key === 'status:unattributed') return 3;
    return row.entries.some((entry) => entry.figures.length) ? 0 : 1;
  };
  return [...rows.values()].sort((a, b) => order(a) - order(b));
}
