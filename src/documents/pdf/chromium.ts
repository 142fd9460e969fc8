/**
 * Debian's Chromium, driven by playwright-core. One launcher for PDF rendering and for the browser
 * tests, so both start the browser the same way. We never download a browser: the binary comes from
 * the operating system (`apt-get install chromium`), its path from CHROMIUM_PATH or the Debian default.
 *
 * The flags keep Chromium from reaching for the network at start (background networking, component
 * updates, sync): on a closed network those connections fail and slow every launch.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../config/chromium.js';

export { CHROMIUM_PATH };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  // Loaded on first use: importing playwright-core costs the server's start-up over half a second
  // (measured by the benchmarks, docs/performance.md), and most servers never render a PDF.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
