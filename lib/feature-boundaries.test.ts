import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Which feature may use which other feature's code (types may cross freely). A feature
 * otherwise builds on lib/core, lib/sites and lib/atlassian; what it needs beyond that is
 * handed to it by lib/background.ts. Widening this table is a design decision: say why.
 */
const ALLOWED_CODE_IMPORTS: Record<string, readonly string[]> = {
  pages: [],
  tokens: [],
  activity: [],
  export: [],
  'dc-sites': [],
  // Managed policy (issue 12) is about tokens' kinds: their names from token-kind.ts.
  policy: ['tokens'],
  // A check is about a saved token: its summary schema, kinds and which sites it is for.
  'token-checks': ['tokens'],
  // Which saved token covers the page's site; the page context's schemas (a content id); and the
  // export's own actions (open the Export page, copy as Markdown), which the one dispatcher runs.
  'page-actions': ['tokens', 'pages', 'export'],
  // Reminders are about saved tokens' expiry dates: the calendar-date arithmetic of iso-date.ts.
  reminders: ['tokens'],
};

const featuresDir = resolve(__dirname, 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('feature boundaries', () => {
  it('every feature folder is in the table', () => {
    const folders = readdirSync(featuresDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(ALLOWED_CODE_IMPORTS).sort());
  });

  it('features import code only from themselves, core, sites, atlassian and the allowed features', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(featuresDir)) {
      const feature = relative(featuresDir, file).split(/[\\/]/)[0]!;
      for (const match of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        if (match[1]) continue; // `import type`: erased, couples nothing at run time
        const target = relative(featuresDir, resolve(join(file, '..'), match[2]!)).split(/[\\/]/);
        if (target[0] === '..' || target[0] === feature) continue;
        if (!ALLOWED_CODE_IMPORTS[feature]!.includes(target[0]!)) offences.push(`${relative(featuresDir, file)} → ${match[2]}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
