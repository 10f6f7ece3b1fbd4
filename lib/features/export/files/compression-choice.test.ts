import { describe, expect, it } from 'vitest';
import { isAlreadyCompressed } from './compression-choice';

describe('isAlreadyCompressed', () => {
  it('stores images, media, archives, PDFs, office files and web fonts', () => {
    const stored = [
      'photo.png', 'photo.JPG', 'a.jpeg', 'anim.gif', 'x.webp', 'x.avif', 'IMG_0001.HEIC', 'clip.mp4', 'clip.mov', 'clip.webm',
      'song.mp3', 'voice.m4a', 'a.ogg', 'a.flac', 'bundle.zip', 'logs.tar.gz', 'a.7z', 'a.rar', 'a.xz', 'a.bz2', 'a.zst',
      'spec.pdf', 'plan.docx', 'budget.xlsx', 'deck.pptx', 'notes.odt', 'sheet.ods', 'book.epub', 'font.woff', 'font.woff2',
      'Root/_attachments/diagram.drawio.png',
    ];
    for (const name of stored) expect(isAlreadyCompressed(name), name).toBe(true);
  });

  it('deflates text-like files and raw formats', () => {
    const deflated = ['page.md', 'page.html', 'manifest.json', 'page.storage.xml', 'icon.svg', 'notes.txt', 'data.csv', 'app.log', 'scan.bmp', 'scan.tiff', 'sound.wav', 'diagram.drawio'];
    for (const name of deflated) expect(isAlreadyCompressed(name), name).toBe(false);
  });

  it('falls back to the media type when the name says nothing', () => {
    expect(isAlreadyCompressed('upload', 'image/jpeg')).toBe(true);
    expect(isAlreadyCompressed('upload.bin', 'video/quicktime')).toBe(true);
    expect(isAlreadyCompressed('upload', 'audio/mpeg')).toBe(true);
    expect(isAlreadyCompressed('upload', 'audio/wav')).toBe(false);
    expect(isAlreadyCompressed('upload', 'application/pdf; charset=binary')).toBe(true);
    expect(isAlreadyCompressed('upload', 'APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.WORDPROCESSINGML.DOCUMENT')).toBe(true);
    expect(isAlreadyCompressed('upload', 'image/svg+xml')).toBe(false);
    expect(isAlreadyCompressed('upload', 'text/plain')).toBe(false);
    expect(isAlreadyCompressed('upload')).toBe(false);
  });

  it('lets a text extension win over a wrong media type, and a known binary one win over text', () => {
    expect(isAlreadyCompressed('notes.txt', 'image/png')).toBe(false);
    expect(isAlreadyCompressed('photo.png', 'text/plain')).toBe(true);
  });

  it('does not take a dot file or a folder’s dot for an extension', () => {
    expect(isAlreadyCompressed('.png')).toBe(false);
    expect(isAlreadyCompressed('v1.zip/readme')).toBe(false);
  });
});
