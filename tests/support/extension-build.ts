import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root: tests/support/ is two levels below it. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export type TargetBrowser = 'chrome' | 'firefox';

/** WXT names its build folders `<browser>-mv3`; Firefox is built as MV3 too (see wxt.config.ts). */
export function buildDir(outDir: string, browser: TargetBrowser = 'chrome'): string {
  return resolve(PROJECT_ROOT, outDir, `${browser}-mv3`);
}

export function isBuilt(outDir: string, browser: TargetBrowser = 'chrome'): boolean {
  return existsSync(join(buildDir(outDir, browser), 'manifest.json'));
}

/** The host permissions a build's manifest lists (what the browser grants it at install). */
export function builtHostPermissions(outDir: string, browser: TargetBrowser = 'chrome'): string[] {
  const manifest = JSON.parse(readFileSync(join(buildDir(outDir, browser), 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  return manifest.host_permissions ?? [];
}

/**
 * Runs `wxt build` into `outDir` (through env CTC_OUT_DIR, which wxt.config.ts reads) and
 * resolves with the build folder. The output is passed through so a failing build shows why.
 */
export async function buildExtension(
  outDir: string,
  browser: TargetBrowser = 'chrome',
  /** More environment for wxt.config.ts, e.g. `{ CTC_E2E_BUILD: '1' }` for the Firefox e2e build. */
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const wxt = join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt');
  const args = ['build', ...(browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : [])];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(wxt, args, {
      cwd: PROJECT_ROOT,
      // CI=true keeps WXT free of prompts and spinners; no stdin, so nothing can wait on it.
      env: { ...process.env, ...extraEnv, CTC_OUT_DIR: outDir, CI: process.env.CI ?? 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`wxt build ${args.slice(1).join(' ')} into ${outDir} failed (exit ${code}).`);
  if (!isBuilt(outDir, browser)) throw new Error(`wxt build finished but ${buildDir(outDir, browser)} has no manifest.json.`);
  return buildDir(outDir, browser);
}
