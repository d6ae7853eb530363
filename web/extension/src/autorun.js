// Injected just before content.js by the content script the service worker
// registers for the sites the reader turned on: it tells content.js to run
// by itself, with the panel collapsed to its button.
globalThis.whosaysAutorun = true;
