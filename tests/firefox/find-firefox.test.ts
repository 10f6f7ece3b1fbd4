import { describe, expect, it } from 'vitest';
import { FIREFOX_INSTALL_HINT, FirefoxNotFoundError, findFirefox, SYSTEM_FIREFOXES, type FirefoxSearchEnv } from '../support/find-firefox';

// The search order of tests/support/find-firefox.ts, without a browser (the twin of tests/unit/find-chromium.test.ts).
function searchEnv(env: Record<string, string | undefined>, executables: string[]): FirefoxSearchEnv {
  const found = new Set(executables);
  return { env, isExecutable: (path) => found.has(path) };
}

describe('findFirefox', () => {
  it('prefers FIREFOX_PATH over the system packages', () => {
    expect(findFirefox(searchEnv({ FIREFOX_PATH: '/opt/firefox/firefox' }, ['/opt/firefox/firefox', ...SYSTEM_FIREFOXES]))).toEqual({
      path: '/opt/firefox/firefox',
      source: 'FIREFOX_PATH',
    });
  });

  it('rejects a FIREFOX_PATH that points at nothing instead of silently using another browser', () => {
    expect(() => findFirefox(searchEnv({ FIREFOX_PATH: '/nowhere/firefox' }, [...SYSTEM_FIREFOXES]))).toThrow(/FIREFOX_PATH is set to \/nowhere\/firefox/);
  });

  it('takes Debian’s firefox-esr before a plain firefox', () => {
    expect(findFirefox(searchEnv({}, ['/usr/bin/firefox', '/usr/bin/firefox-esr']))).toEqual({ path: '/usr/bin/firefox-esr', source: 'system' });
    expect(findFirefox(searchEnv({ FIREFOX_PATH: '  ' }, ['/usr/bin/firefox']))).toEqual({ path: '/usr/bin/firefox', source: 'system' });
  });

  it('says what to install when there is none', () => {
    const search = () => findFirefox(searchEnv({}, []));
    expect(search).toThrow(FirefoxNotFoundError);
    expect(search).toThrow(FIREFOX_INSTALL_HINT);
    expect(FIREFOX_INSTALL_HINT).toContain('apt-get install firefox-esr');
  });
});
