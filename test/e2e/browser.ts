import { type Browser, chromium } from 'playwright-core';

/**
 * Launches the system Chromium (Debian's package; playwright-core downloads no browser).
 * The flags keep it from reaching out to any network service: tests talk to 127.0.0.1 only.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
