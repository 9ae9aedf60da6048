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

/**
 * Stops a suite that needs Chromium when it is absent: a failure in CI (`CI` set), so a missing
 * install step cannot pass silently, and a loud skip with the install command on a local run.
 */
export function requireChromium(ctx: Mocha.Context, what: string): void {
  if (hasChromium()) return;
  const message = `${what} needs ${chromiumPath}, which is absent (apt-get install chromium)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n    !!! SKIPPED: ${message}\n`);
  ctx.skip();
}

/** Starts headless Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
