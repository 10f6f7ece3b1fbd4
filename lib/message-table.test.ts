import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import wxtConfig from '../wxt.config';
import { backgroundMessages } from './background';
import { looseObjectPaths } from './core/messaging/strict-schema';

/*
 * The table of messages against its contracts: docs/messages.md (which other tests and tools
 * rely on), the strict-reply rule, and docs/permissions.md for what the manifest asks.
 */

const docs = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

describe('the background message table', () => {
  it('documents every message in docs/messages.md', () => {
    const text = docs('messages.md');
    const missing = backgroundMessages.map((m) => m.type).filter((type) => !text.includes(`\`${type}\``));
    expect(missing, 'message types missing from docs/messages.md').toEqual([]);
  });

  it('lets content scripts send only what they need', () => {
    const fromContent = backgroundMessages.filter((m) => m.from === 'content-script').map((m) => m.type);
    expect(fromContent.sort()).toEqual(['cloud-id-result', 'page-seen']);
  });

  it.each(backgroundMessages.map((m) => [m.type, m] as const))('%s: input and reply are strict at every level', (_type, definition) => {
    expect(looseObjectPaths(definition.input), 'loose objects in the input').toEqual([]);
    expect(looseObjectPaths(definition.output), 'loose objects in the reply').toEqual([]);
  });
});

describe('docs/permissions.md', () => {
  it.each(['chrome', 'firefox'])('justifies every permission the %s manifest asks for', async (browser) => {
    const manifestOf = wxtConfig.manifest as (env: { browser: string }) => Record<string, unknown> | Promise<Record<string, unknown>>;
    const manifest = await manifestOf({ browser });
    const asked = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'].flatMap(
      (key) => (manifest[key] as string[] | undefined) ?? [],
    );
    expect(asked.length).toBeGreaterThan(0);
    const text = docs('permissions.md');
    expect(asked.filter((permission) => !text.includes(`\`${permission}\``))).toEqual([]);
  });
});
