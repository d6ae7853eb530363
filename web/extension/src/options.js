// The options page: display settings, the sites where whosays runs by itself
// (each one a permission the reader grants here), the keyboard shortcuts.
// Every change is written to chrome.storage.sync at once; open tabs follow.
import { CHOICES, loadSettings, onSettingsChanged, saveSettings } from './settings.js';
import { SUGGESTED_SITES, disableSite, enableSite, siteFromInput } from './sites.js';

const element = (id) => document.getElementById(id);

function say(text, kind = '') {
  const message = element('site-message');
  message.textContent = text;
  message.className = kind;
}

// ---- Display settings -------------------------------------------------------

function showDisplay(settings) {
  for (const key of Object.keys(CHOICES)) {
    for (const input of document.querySelectorAll(`[name="${key}"]`)) {
      if (input.type === 'radio') input.checked = input.value === settings[key];
      else input.value = settings[key];
    }
  }
}

for (const key of Object.keys(CHOICES)) {
  for (const input of document.querySelectorAll(`[name="${key}"]`)) {
    input.addEventListener('change', () => {
      saveSettings({ [key]: input.value }).catch((error) => say(error.message, 'error'));
    });
  }
}

// ---- Sites --------------------------------------------------------------------

// Each handler calls enableSite first thing: the permission prompt needs the
// click's user gesture.
function turnOn(site) {
  say(`Asking for permission to read ${site}…`);
  enableSite(site).then(
    (granted) => say(granted ? `whosays now runs by itself on ${site}.` : `Not turned on: the permission for ${site} was declined.`),
    (error) => say(error.message, 'error'),
  );
}

function turnOff(site) {
  disableSite(site).then(
    (kept) => say(kept ?? `whosays no longer runs by itself on ${site}.`),
    (error) => say(error.message, 'error'),
  );
}

function siteItem(site, { on }) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = site;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = on ? 'Turn off' : 'Turn on';
  button.dataset.site = site;
  button.setAttribute('aria-label', `${on ? 'Turn off' : 'Turn on'} ${site}`);
  button.addEventListener('click', () => (on ? turnOff(site) : turnOn(site)));
  item.append(name, button);
  return item;
}

function showSites(settings) {
  element('sites').replaceChildren(...settings.sites.map((site) => siteItem(site, { on: true })));
  element('no-sites').hidden = settings.sites.length > 0;
  const offered = SUGGESTED_SITES.filter((site) => !settings.sites.includes(site));
  element('suggested').replaceChildren(...offered.map((site) => siteItem(site, { on: false })));
}

element('add-site').addEventListener('submit', (event) => {
  event.preventDefault();
  let site;
  try {
    site = siteFromInput(element('site-input').value);
  } catch (error) {
    say(error.message, 'error');
    return;
  }
  element('site-input').value = '';
  turnOn(site);
});

// ---- Keyboard shortcuts -------------------------------------------------------

async function showShortcuts() {
  const commands = await chrome.commands.getAll();
  const rows = commands.map((command) => {
    const row = document.createElement('tr');
    const what = document.createElement('td');
    what.textContent = command.description || (command.name === '_execute_action' ? 'Open the popup' : command.name);
    const keys = document.createElement('td');
    if (command.shortcut) {
      const kbd = document.createElement('kbd');
      kbd.textContent = command.shortcut;
      keys.append(kbd);
    } else {
      keys.textContent = 'not set';
      keys.className = 'muted';
    }
    row.append(what, keys);
    return row;
  });
  element('shortcuts').replaceChildren(...rows);

  const firefox = typeof browser !== 'undefined' && location.protocol === 'moz-extension:';
  if (firefox) {
    element('shortcut-help').textContent = 'To change them: about:addons → the gear menu → Manage Extension Shortcuts.';
  } else {
    element('shortcut-help').textContent = 'To change them, open the browser\'s extension shortcuts page.';
    element('open-shortcuts').hidden = false;
    element('open-shortcuts').onclick = () => chrome.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

// ---- Start ----------------------------------------------------------------------

function show(settings) {
  showDisplay(settings);
  showSites(settings);
}

loadSettings().then(show);
onSettingsChanged(show);
showShortcuts().catch((error) => say(error.message, 'error'));
