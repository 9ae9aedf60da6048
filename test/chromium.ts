import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine with no network beyond the package registries. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Whether Chromium is installed here. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/** Starts headless Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
