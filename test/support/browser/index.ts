// @shopwire/test-support/browser: Chromium pages and the whole platform built for a browser.
export * from './browser.js';
export * from './web-platform.js';
export * from './csp-watch.js';
