import { describe, expect, it } from 'vitest';
import { exportDownloadName, type ExportKind } from './download-name';
import { nastyNames, safeNameViolations } from './testing/nasty-names';

const KINDS: ExportKind[] = ['markdown', 'html', 'storage', 'adf', 'zip', 'tree-zip'];

describe('exportDownloadName', () => {
  it('names each kind by its format', () => {
    expect(exportDownloadName({ title: 'Title', kind: 'markdown' })).toBe('Title.md');
    expect(exportDownloadName({ title: 'Title', kind: 'html' })).toBe('Title.html');
    expect(exportDownloadName({ title: 'Title', kind: 'storage' })).toBe('Title.storage.xml');
    expect(exportDownloadName({ title: 'Title', kind: 'adf' })).toBe('Title.adf.json');
    expect(exportDownloadName({ title: 'Title', kind: 'zip' })).toBe('Title.zip');
    expect(exportDownloadName({ title: 'Title', kind: 'tree-zip' })).toBe('Title (tree).zip');
  });

  it('puts the space key in front when there is one', () => {
    expect(exportDownloadName({ title: 'Title', spaceKey: 'SPACE', kind: 'markdown' })).toBe('SPACE - Title.md');
    expect(exportDownloadName({ title: 'Title', spaceKey: '  ', kind: 'zip' })).toBe('Title.zip');
    expect(exportDownloadName({ title: 'Title', spaceKey: '~jdoe', kind: 'adf' })).toBe('jdoe - Title.adf.json');
  });

  it('makes titles safe, including what only a browser refuses', () => {
    expect(exportDownloadName({ title: 'Q3: plan / budget?', kind: 'markdown' })).toBe('Q3- plan - budget.md');
    expect(exportDownloadName({ title: '100% done ~ really', kind: 'html' })).toBe('100- done - really.html');
    expect(exportDownloadName({ title: '.hidden', kind: 'zip' })).toBe('hidden.zip');
    expect(exportDownloadName({ title: 'CON', kind: 'markdown' })).toBe('CON_.md');
    expect(exportDownloadName({ title: 'x.lnk', kind: 'html' })).toBe('x.lnk.html');
  });

  it('falls back to a readable name for a title with nothing usable', () => {
    expect(exportDownloadName({ title: '???', kind: 'markdown' })).toBe('Confluence page.md');
    expect(exportDownloadName({ title: '', spaceKey: 'DOC', kind: 'zip' })).toBe('DOC - Confluence page.zip');
    expect(exportDownloadName({ title: 'T', spaceKey: '???', kind: 'zip' })).toBe('T.zip');
  });

  it('keeps long names within 200 bytes with the suffix whole', () => {
    const name = exportDownloadName({ title: '長'.repeat(200), spaceKey: 'SPACE', kind: 'tree-zip' });
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name.startsWith('SPACE - 長')).toBe(true);
    expect(name.endsWith('長 (tree).zip')).toBe(true);
  });

  it('never yields a name the downloads API of either browser refuses', () => {
    let index = 0;
    for (const title of nastyNames(1500, 11)) {
      const kind = KINDS[index++ % KINDS.length]!;
      const name = exportDownloadName({ title, kind, ...(index % 3 === 0 ? { spaceKey: title.slice(0, 5) } : {}) });
      expect(safeNameViolations(name, 200), JSON.stringify({ title, name })).toEqual([]);
      expect(name).not.toMatch(/[%~]/);
    }
  });
});
