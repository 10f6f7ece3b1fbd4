import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError,
  findChromium,
  isExecutableFile,
  SYSTEM_CHROMIUM,
  type ChromiumSearchEnv,
} from '../support/find-chromium';

const PLAYWRIGHT_CHROME = '/home/dev/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function searchEnv(options: {
  env?: Record<string, string | undefined>;
  executables?: string[];
  playwright?: string;
}): ChromiumSearchEnv {
  const executables = new Set(options.executables ?? []);
  return {
    env: options.env ?? {},
    isExecutable: (path) => executables.has(path),
    playwrightPath: () => options.playwright,
  };
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over every other place', () => {
    const found = findChromium(
      searchEnv({
        env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
        executables: ['/opt/chrome/chrome', SYSTEM_CHROMIUM, PLAYWRIGHT_CHROME],
        playwright: PLAYWRIGHT_CHROME,
      }),
    );
    expect(found).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('rejects a CHROMIUM_PATH that points at nothing instead of silently using another browser', () => {
    const search = searchEnv({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, executables: [SYSTEM_CHROMIUM] });
    expect(() => findChromium(search)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium(search)).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chrome/);
  });

  it('ignores an empty CHROMIUM_PATH', () => {
    const found = findChromium(searchEnv({ env: { CHROMIUM_PATH: '  ' }, executables: [SYSTEM_CHROMIUM] }));
    expect(found).toEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
  });

  it('uses the system Chromium before Playwright\'s download', () => {
    const found = findChromium(
      searchEnv({ executables: [SYSTEM_CHROMIUM, PLAYWRIGHT_CHROME], playwright: PLAYWRIGHT_CHROME }),
    );
    expect(found).toEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
  });

  it('falls back to Playwright\'s Chromium only when its file exists', () => {
    expect(findChromium(searchEnv({ executables: [PLAYWRIGHT_CHROME], playwright: PLAYWRIGHT_CHROME }))).toEqual({
      path: PLAYWRIGHT_CHROME,
      source: 'playwright',
    });
    expect(() => findChromium(searchEnv({ playwright: PLAYWRIGHT_CHROME }))).toThrow(ChromiumNotFoundError);
  });

  it('says exactly what to install when nothing is found', () => {
    let message = '';
    try {
      findChromium(searchEnv({}));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('sudo apt-get install chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).toContain(SYSTEM_CHROMIUM);
  });

});

describe('isExecutableFile', () => {
  it('accepts an executable file and rejects a plain file or a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
    try {
      const runnable = join(dir, 'chrome');
      const plain = join(dir, 'notes.txt');
      writeFileSync(runnable, '#!/bin/sh\n');
      chmodSync(runnable, 0o755);
      writeFileSync(plain, 'text');
      chmodSync(plain, 0o644);
      expect(isExecutableFile(runnable)).toBe(true);
      // root may execute any file with an x bit only; a 0644 file has none.
      expect(isExecutableFile(plain)).toBe(false);
      expect(isExecutableFile(join(dir, 'missing'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
