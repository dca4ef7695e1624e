// Debian's Chromium (playwright-core drives it; nothing is downloaded), headless and quiet on a
// closed network. Plain JavaScript so the benchmarks (bench/web-app.mjs) launch it as the browser
// tests do.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with CHROMIUM_FLAGS plus `extraFlags` (what a test or benchmark adds). */
export function launchChromium(extraFlags = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}
