import { describe, expect, it } from 'vitest';
import { writeTextInDocument } from './document-clipboard';

/** Just enough of a document: an async clipboard that may refuse, a textarea and execCommand. */
function fakeDocument(options: { writeText: 'ok' | 'refuse'; execCommand: boolean }) {
  const log: string[] = [];
  const area = {
    value: '',
    style: { cssText: '' },
    setAttribute() {},
    select: () => log.push(`select ${area.value}`),
    remove: () => log.push('remove'),
  };
  const doc = {
    defaultView: {
      navigator: {
        clipboard: {
          async writeText(text: string) {
            if (options.writeText === 'refuse') throw new DOMException('Document is not focused.', 'NotAllowedError');
            log.push(`writeText ${text}`);
          },
        },
      },
    },
    body: { append: () => log.push('append') },
    createElement: () => area,
    execCommand: (command: string) => (log.push(`execCommand ${command}`), options.execCommand),
  } as unknown as Document;
  return { doc, log };
}

describe('writeTextInDocument', () => {
  it('uses navigator.clipboard.writeText when the document may', async () => {
    const { doc, log } = fakeDocument({ writeText: 'ok', execCommand: true });
    await writeTextInDocument('a', doc);
    expect(log).toEqual(['writeText a']);
  });

  it('falls back to a selected textarea and execCommand("copy") when writeText refuses (an unfocused offscreen document)', async () => {
    const { doc, log } = fakeDocument({ writeText: 'refuse', execCommand: true });
    await writeTextInDocument('b', doc);
    expect(log).toEqual(['append', 'select b', 'execCommand copy', 'remove']);
  });

  it('rejects when both refuse, and leaves no textarea behind', async () => {
    const { doc, log } = fakeDocument({ writeText: 'refuse', execCommand: false });
    await expect(writeTextInDocument('c', doc)).rejects.toThrow('The browser refused to write the clipboard.');
    expect(log.at(-1)).toBe('remove');
  });
});
