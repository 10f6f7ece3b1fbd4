import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamicImportSpecifiers, htmlScriptSources, scriptsLoadedByPage, staticImportSpecifiers, totalBytes } from '../support/bundle-size';

describe('htmlScriptSources', () => {
  it('lists module scripts and module preloads but not stylesheets', () => {
    const html = `<head>
      <script type="module" crossorigin src="/chunks/popup-A1.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/preact-B2.js">
      <link rel="stylesheet" href="/assets/popup.css">
    </head>`;
    expect(htmlScriptSources(html)).toEqual(['/chunks/popup-A1.js', '/chunks/preact-B2.js']);
  });
});

describe('staticImportSpecifiers', () => {
  it('reads minified imports and re-exports, and skips dynamic import()', () => {
    const code =
      'import"./side-effect.js";import{a as b,c}from"./named.js";import*as ns from\'./ns.js\';' +
      'export{d}from"./re.js";export*from"./all.js";const lazy=()=>import("./lazy.js");';
    expect(staticImportSpecifiers(code)).toEqual(['./side-effect.js', './named.js', './ns.js', './re.js', './all.js']);
  });

  it('leaves dynamic import() to dynamicImportSpecifiers', () => {
    expect(dynamicImportSpecifiers('const a=()=>import("./lazy.js");import(\'./b.js\');import"./static.js";')).toEqual(['./lazy.js', './b.js']);
  });

  it('reads unminified imports on their own lines', () => {
    const code = "import { h } from './preact.js';\nimport defaultThing from \"../chunks/x.js\";\n";
    expect(staticImportSpecifiers(code)).toEqual(['./preact.js', '../chunks/x.js']);
  });
});

describe('scriptsLoadedByPage', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function file(path: string, text: string) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }

  it('follows scripts, preloads, chained static imports and lazy chunks once each', () => {
    root = mkdtempSync(join(tmpdir(), 'bundle-size-'));
    file('popup.html', '<script type="module" src="/chunks/popup.js"></script><link rel="modulepreload" href="/chunks/shared.js">');
    file('chunks/popup.js', 'import"./shared.js";import{x}from"./deep.js";import("./lazy.js");');
    file('chunks/shared.js', 'export const s=1;');
    file('chunks/deep.js', 'import"./shared.js";export const x=2;');
    file('chunks/lazy.js', 'x'.repeat(5000));
    const loaded = scriptsLoadedByPage(root, 'popup.html');
    expect(loaded.map((s) => s.file)).toEqual(['chunks/popup.js', 'chunks/shared.js', 'chunks/deep.js', 'chunks/lazy.js']);
    expect(totalBytes(loaded)).toBe(
      'import"./shared.js";import{x}from"./deep.js";import("./lazy.js");'.length +
        'export const s=1;'.length +
        'import"./shared.js";export const x=2;'.length +
        5000,
    );
  });

  it('fails loudly when a page refers to a script the build does not have', () => {
    root = mkdtempSync(join(tmpdir(), 'bundle-size-'));
    file('popup.html', '<script type="module" src="/chunks/missing.js"></script>');
    expect(() => scriptsLoadedByPage(root, 'popup.html')).toThrow(/missing\.js/);
  });
});
