import fs from 'node:fs';

/** Debian's Chromium: the browser of the build machines, and the one the screenshot baselines are drawn with. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the e2e projects launch: CHROMIUM_PATH when set, else Debian's when present
 * (the build machines must not download browsers), else Playwright's own (undefined).
 */
export const chromiumPath: string | undefined = process.env.CHROMIUM_PATH ?? (fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
