import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The organisation's policy as Chromium on Linux gets it: a JSON file in the machine's managed
 * policy folder, read when the browser starts, with an extension's own keys under
 * `3rdparty.extensions.<id>` (delivered to it as `storage.managed`, checked against its
 * `storage.managed_schema`). The folder is the machine's, so the tests write one file of their
 * own there, for the policy build's fixed id only (tests/support/extension-key.ts), and remove it
 * after each test and at the end of the run.
 */

export const POLICY_FILE_NAME = 'ctc-e2e-policy.json';

/**
 * Where a Chromium build reads machine policy: a constant of its branding
 * (components/policy/core/common/policy_paths.cc). Debian's chromium (`Chromium …`, the one the
 * tests use: seen reading /etc/chromium/policies) and other unbranded builds read
 * /etc/chromium/policies; Google Chrome reads /etc/opt/chrome/policies, and Chrome for Testing,
 * which is what Playwright downloads as `chromium` (its browsers.json), reads
 * /etc/opt/chrome_for_testing/policies (from the source; not run here, where no download can be had).
 */
export function policyRootFor(versionLine: string): string {
  if (/^Google Chrome for Testing\b/.test(versionLine)) return '/etc/opt/chrome_for_testing/policies';
  if (/^Google Chrome\b/.test(versionLine)) return '/etc/opt/chrome/policies';
  return '/etc/chromium/policies';
}

/** The managed policy folder of the Chromium at `chromiumPath` (from its `--version` line). */
export function managedPolicyDir(chromiumPath: string): string {
  // Debian's /usr/bin/chromium is a shell wrapper that warns on stderr; the version is on stdout.
  const version = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return join(policyRootFor(version), 'managed');
}

export type PolicyDirAccess = { writable: true; dir: string } | { writable: false; dir: string; why: string };

/** Whether this user can write the folder (creating it if need be: root can, a developer usually cannot). */
export function policyDirAccess(dir: string): PolicyDirAccess {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return { writable: true, dir };
  } catch (error) {
    return { writable: false, dir, why: error instanceof Error ? error.message : String(error) };
  }
}

/** Why the policy tests skip, and what to do about it. */
export function skipReason(access: PolicyDirAccess): string {
  return access.writable
    ? ''
    : `Chromium reads machine policy only from ${access.dir}, which this user cannot write (${access.why}). ` +
        'Run the e2e tests as root (CI does) to run the managed-policy tests.';
}

/** Writes the policy file: `policy` under `3rdparty.extensions.<extensionId>`. */
export function writeManagedPolicy(dir: string, extensionId: string, policy: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, POLICY_FILE_NAME);
  writeFileSync(file, `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2)}\n`);
  return file;
}

/** Removes the policy file if it is there; never throws (a teardown must not hide a test's failure). */
export function removeManagedPolicy(dir: string): void {
  try {
    rmSync(join(dir, POLICY_FILE_NAME), { force: true });
  } catch (error) {
    console.warn(`[e2e] could not remove ${join(dir, POLICY_FILE_NAME)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
