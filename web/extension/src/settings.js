// The reader's settings, kept in chrome.storage.sync so they follow the
// reader's browser profile. Every page of the extension (service worker,
// content script, popup, options) reads them through here, so the defaults
// and the checks live in one place.

export const DEFAULTS = Object.freeze({
  // 'flags': only vague and unattributed claims are highlighted and listed;
  // 'all': every claim, attributed ones too.
  mode: 'flags',
  // 'tint': translucent background plus the status underline (the overlay's
  // own look); 'underline': the underline alone, for pages where a tint gets
  // in the way of reading.
  highlightStyle: 'tint',
  // Where the panel sits.
  position: 'right',
  // Sites (host names such as "bbc.co.uk") where whosays runs by itself. A
  // site is only honoured while its host permission is granted too.
  sites: [],
});

export const CHOICES = Object.freeze({
  mode: ['flags', 'all'],
  highlightStyle: ['tint', 'underline'],
  position: ['right', 'left', 'bottom'],
});

// Stored values are checked on the way out: storage.sync can hold anything a
// previous version (or a hand edit) put there.
export function normalize(stored) {
  const settings = { ...DEFAULTS };
  for (const [key, allowed] of Object.entries(CHOICES)) {
    if (allowed.includes(stored?.[key])) settings[key] = stored[key];
  }
  if (Array.isArray(stored?.sites)) {
    settings.sites = [...new Set(stored.sites.filter((site) => typeof site === 'string' && site.length > 0))];
  }
  return settings;
}

export async function loadSettings(storage = chrome.storage.sync) {
  return normalize(await storage.get(Object.keys(DEFAULTS)));
}

// Writes only the given keys, after checking them; unknown keys and values
// outside CHOICES are an error, never silently stored.
export async function saveSettings(changes, storage = chrome.storage.sync) {
  const clean = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'sites') {
      if (!Array.isArray(value)) throw new TypeError('whosays: settings.sites must be an array of host names');
      clean.sites = normalize({ sites: value }).sites;
    } else if (CHOICES[key]) {
      if (!CHOICES[key].includes(value)) {
        throw new RangeError(`whosays: settings.${key} must be one of ${CHOICES[key].join(', ')}, not ${JSON.stringify(value)}`);
      }
      clean[key] = value;
    } else {
      throw new RangeError(`whosays: unknown setting ${JSON.stringify(key)}`);
    }
  }
  await storage.set(clean);
  return clean;
}

// Calls fn(settings, changedKeys) whenever the synced settings change;
// returns a function that stops listening.
export function onSettingsChanged(fn, storageApi = chrome.storage) {
  const listener = async (changes, area) => {
    if (area !== 'sync') return;
    const keys = Object.keys(changes).filter((key) => key in DEFAULTS);
    if (keys.length === 0) return;
    fn(await loadSettings(storageApi.sync), keys);
  };
  storageApi.onChanged.addListener(listener);
  return () => storageApi.onChanged.removeListener(listener);
}
