// The messages between the extension's pieces, in one place.
//
// content script → service worker (chrome.runtime.sendMessage):
//   {type: ANALYZE, article}        → {ok: true, result} | {ok: false, error}
//   {type: RESULT, summary, url}    → {ok: true}   (badge, popup's fallback)
// popup / options → service worker:
//   {type: RUN, tabId}              → {ok: true, state} | {ok: false, error}
//   {type: SYNC_SITES}              → {ok: true, matches}
//   {type: TAB_STATE, tabId}        → {ok: true, state}
// service worker / popup → content script (chrome.tabs.sendMessage):
//   {type: COMMAND, command, value} → {ok: true, state}
//     command: 'run' | 'state' | 'next' | 'previous' | 'open' | 'close'
//              | 'highlights' (value: boolean) | 'mode' (value: 'flags'|'all')
//              | 'remove'
export const ANALYZE = 'whosays:analyze';
export const RESULT = 'whosays:result';
export const RUN = 'whosays:run';
export const SYNC_SITES = 'whosays:sync-sites';
export const TAB_STATE = 'whosays:tab-state';
export const COMMAND = 'whosays:command';

// The flags a summary counts: claims a reader should look at twice.
export function flagCount(summary) {
  // The core counts them (summary.flags); nothing here recounts.
  return summary && Number.isInteger(summary.flags) ? summary.flags : 0;
}

// Sends a message to the service worker and unwraps its {ok, ...} reply.
// The browser may stop the worker at any time; a message then wakes a fresh
// one, but a request caught in the stop fails ("message port closed", or no
// answer at all). Such a request is sent once more; an error the worker
// reports ({ok: false}) is not retried.
export async function askWorker(message, send = (m) => chrome.runtime.sendMessage(m)) {
  let lastError;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let reply;
    try {
      reply = await send(message);
    } catch (error) {
      lastError = error;
      continue;
    }
    if (reply === undefined) {
      lastError = new Error('no answer');
      continue;
    }
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }
  throw new Error(`whosays: the extension's service worker did not answer (${lastError?.message ?? lastError})`);
}
