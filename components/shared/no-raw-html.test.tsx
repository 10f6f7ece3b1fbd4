import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Names, titles and messages come from Atlassian and from pages: they must be rendered as text.
 * Preact does that unless a view opts out, so no view may (docs/store.md relies on it).
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(tsx?|ts)$/.test(entry.name) && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('views render text, never raw HTML', () => {
  it('no component or entrypoint sets innerHTML or dangerouslySetInnerHTML', () => {
    const root = resolve(__dirname, '..', '..');
    const files = [...sources(join(root, 'components')), ...sources(join(root, 'entrypoints'))];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
