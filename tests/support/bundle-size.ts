import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One JavaScript file a page loads, with its size on disk. */
export interface LoadedScript {
  /** Path relative to the build folder. */
  file: string;
  bytes: number;
}

/** `<script src>` and `<link rel="modulepreload" href>` of an HTML page, in order. */
export function htmlScriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isModulePreload = /\brel\s*=\s*["']?modulepreload\b/i.test(tag);
    if (!isScript && !isModulePreload) continue;
    const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (url) sources.push(url);
  }
  return sources;
}

/**
 * Static import and re-export specifiers of an ES module (bundler output, often minified).
 * Dynamic `import()` is left out: it loads only when the code runs that path.
 */
export function staticImportSpecifiers(code: string): string[] {
  const specifiers: string[] = [];
  // `import"x"`, `import x from"x"`, `import{a as b}from"x"`, `export{a}from"x"`, `export*from"x"`.
  const statement = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(statement)) specifiers.push(match[2]!);
  return specifiers;
}

/** `import("x")` specifiers: chunks a page may load after it starts, which the budget counts too. */
export function dynamicImportSpecifiers(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*(["'])([^"'\n]+)\1\s*\)/g)].map((match) => match[2]!);
}

/** Resolves a URL used inside the extension to a file of the build: `/x` is the build root. */
function resolveInBuild(buildRoot: string, fromFile: string, url: string): string | undefined {
  if (/^[a-z][\w+.-]*:/i.test(url)) return undefined; // another origin: not part of the bundle
  const path = url.split(/[?#]/)[0]!;
  return path.startsWith('/') ? join(buildRoot, path) : resolve(dirname(fromFile), path);
}

/**
 * Every JavaScript file an extension page may load: its scripts and module preloads, then,
 * transitively, their static imports and their lazy `import()`s (a lazy chunk the page opens
 * with is still bytes a person waits for). Each file is counted once.
 */
export function scriptsLoadedByPage(buildRoot: string, htmlFile: string): LoadedScript[] {
  const htmlPath = join(buildRoot, htmlFile);
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (fromFile: string, url: string) => {
    const file = resolveInBuild(buildRoot, fromFile, url);
    if (file && !seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  for (const url of htmlScriptSources(readFileSync(htmlPath, 'utf8'))) enqueue(htmlPath, url);
  const loaded: LoadedScript[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    // A missing file would make the page fail to load; reading it throws with its path.
    const code = readFileSync(file, 'utf8');
    loaded.push({ file: relative(buildRoot, file), bytes: statSync(file).size });
    for (const specifier of [...staticImportSpecifiers(code), ...dynamicImportSpecifiers(code)]) enqueue(file, specifier);
  }
  return loaded;
}

export function totalBytes(scripts: readonly LoadedScript[]): number {
  return scripts.reduce((sum, script) => sum + script.bytes, 0);
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`;
}
