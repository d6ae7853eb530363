// The panel's style sheet, loaded into its shadow root (the page's CSS can't
// reach in, and ours can't leak out). Light by default, dark when the
// reader's system asks for it.
import { FALLBACK_CSS } from './highlight.js';

export const PANEL_CSS = `
:host { all: initial; }
.whosays {
  --bg: #ffffff; --fg: #1b1b1f; --muted: #5a5a66; --line: #d9d9e0; --chip: #f1f1f5; --focus: #5b3fd6;
  --attributed: #005f96; --attributed-bg: #e3f1fa;
  --vague: #8a5200; --vague-bg: #fff1d6;
  --unattributed: #b33f00; --unattributed-bg: #ffe6da;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  .whosays {
    --bg: #1d1d22; --fg: #ececf1; --muted: #a8a8b5; --line: #3a3a44; --chip: #2a2a31; --focus: #b3a3ff;
    --attributed: #7cc4f0; --attributed-bg: #16324a;
    --vague: #f3c06b; --vague-bg: #43320f;
    --unattributed: #ff9a66; --unattributed-bg: #4a2412;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, select { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.launcher {
  position: fixed; z-index: 2147483647; bottom: 16px; right: 16px;
  display: inline-flex; gap: 8px; align-items: center;
  padding: 8px 14px; border-radius: 999px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); box-shadow: 0 2px 10px rgba(0,0,0,.2); cursor: pointer;
}
.whosays[data-position="left"] .launcher { right: auto; left: 16px; }
.launcher .logo { font-weight: 700; }
.launcher .count { color: var(--muted); }

.panel {
  position: fixed; z-index: 2147483647; top: 12px; right: 12px; max-height: calc(100vh - 24px); width: min(400px, calc(100vw - 24px));
  display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 6px 28px rgba(0,0,0,.25); overflow: hidden;
}
.whosays[data-placement="left"] .panel { right: auto; left: 12px; }
.whosays[data-placement="bottom"] .panel { top: auto; bottom: 12px; left: 12px; right: 12px; width: auto; max-height: min(45vh, 420px); }
/* A phone: the panel is a sheet along the bottom edge. */
@media (max-width: 699px) {
  .whosays[data-placement="bottom"] .panel { bottom: 0; left: 0; right: 0; max-height: 45vh; border-radius: 12px 12px 0 0; border-bottom: 0; }
  .head { padding: 10px 12px 8px; }
}

.head { padding: 12px 14px 10px; border-bottom: 1px solid var(--line); }
.title-row { display: flex; align-items: center; gap: 8px; }
.title-row h2 { font-size: 16px; margin: 0; flex: 1; }
.icon-button { border: 1px solid transparent; background: none; border-radius: 6px; padding: 2px 8px; cursor: pointer; font-size: 18px; line-height: 1; }
.icon-button:hover { border-color: var(--line); }
.summary { margin: 6px 0 8px; font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.chip {
  border: 1px solid var(--line); background: var(--chip); border-radius: 999px; padding: 2px 10px; cursor: pointer; font-size: 13px;
}
.chip[aria-pressed="true"] { border-color: currentColor; font-weight: 600; }
/* No claim of that verdict: the chip can't do anything and looks it. */
.chip:disabled, .chip:disabled[aria-pressed] {
  cursor: default; opacity: .55; color: var(--muted); background: transparent; border-style: dashed; border-color: var(--line); font-weight: 400;
}
.chip[data-status="attributed"][aria-pressed="true"] { color: var(--attributed); background: var(--attributed-bg); }
.chip[data-status="vague"][aria-pressed="true"] { color: var(--vague); background: var(--vague-bg); }
.chip[data-status="unattributed"][aria-pressed="true"] { color: var(--unattributed); background: var(--unattributed-bg); }
.controls select { border: 1px solid var(--line); background: var(--chip); border-radius: 6px; padding: 2px 6px; font-size: 13px; }
.controls label { font-size: 13px; display: inline-flex; gap: 4px; align-items: center; cursor: pointer; }

.message { margin: 10px 14px 0; padding: 8px 10px; border-radius: 6px; background: var(--unattributed-bg); color: var(--fg); border-left: 4px solid var(--unattributed); }
.body { overflow: auto; flex: 1 1 auto; min-height: 0; padding: 4px 0 8px; }
.section-title { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 12px 14px 6px; }
.claims { list-style: none; margin: 0; padding: 0 8px; }
.claim { border: 1px solid var(--line); border-left-width: 4px; border-radius: 8px; padding: 8px 10px; margin: 6px 0; cursor: pointer; }
.claim[data-status="attributed"] { border-left-color: var(--attributed); border-left-style: solid; }
.claim[data-status="vague"] { border-left-color: var(--vague); border-left-style: dashed; }
.claim[data-status="unattributed"] { border-left-color: var(--unattributed); border-left-style: double; border-left-width: 6px; }
.claim[aria-current="true"] { box-shadow: 0 0 0 2px var(--focus); }
.claim:hover { background: var(--chip); }
.empty { color: var(--muted); padding: 8px 14px; margin: 0; }

.verdict { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; font-size: 12px; }
.badge { border-radius: 4px; padding: 0 6px; font-weight: 700; }
.badge[data-status="attributed"] { color: var(--attributed); background: var(--attributed-bg); }
.badge[data-status="vague"] { color: var(--vague); background: var(--vague-bg); }
.badge[data-status="unattributed"] { color: var(--unattributed); background: var(--unattributed-bg); }
.kind { color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; }
.quote { margin: 6px 0 4px; font-family: Georgia, "Noto Serif", serif; font-size: 14px; }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 4px 0; font-size: 13px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.explanation { margin: 4px 0 0; font-size: 13px; color: var(--muted); }

.ledger { margin: 0 14px; border-collapse: collapse; width: calc(100% - 28px); font-size: 13px; }
.ledger th, .ledger td { text-align: left; vertical-align: top; border-top: 1px solid var(--line); padding: 6px 4px; }
.ledger th { width: 34%; font-weight: 600; }
.ledger th .badge { display: inline-block; margin-top: 2px; font-size: 11px; }
.ledger ul { margin: 0; padding: 0; list-style: none; }
.ledger li { margin: 0 0 6px; }
.ledger li.no-figure { color: var(--muted); }
.ledger li.no-figure::after { content: " (no figure)"; font-style: italic; }
.ledger tr.figureless th { color: var(--muted); font-weight: 500; }
.ledger strong { color: var(--fg); background: var(--chip); border-radius: 3px; padding: 0 2px; }
.ledger .no-figure { color: var(--muted); }
.ledger-link { all: unset; display: inline; cursor: pointer; }
.ledger-link:hover, .ledger-link:focus-visible { text-decoration: underline; }

.keys { padding: 8px 14px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
/* A touch screen has no keyboard to hint at. */
@media (hover: none) and (pointer: coarse) { .keys { display: none; } }
kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--line); border-radius: 3px; padding: 0 3px; }

.card {
  position: fixed; z-index: 2147483647; max-width: 360px; max-height: 60vh; overflow: hidden; padding: 10px 12px; border-radius: 8px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); box-shadow: 0 4px 18px rgba(0,0,0,.25); pointer-events: none;
}
${FALLBACK_CSS}
`;
