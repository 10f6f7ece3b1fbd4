// The file name an export is saved under, passed to the `downloads` API as `filename`.
// Both browsers refuse (rather than fix) a name they would change: Chromium checks
// `IsSafePortablePathComponent`, Firefox compares with `DownloadPaths.sanitize`. Beyond what
// `safeFileName` already removes, Firefox 129+ refuses `%` and some Chromium versions refuse
// `~` anywhere, so those become `-` too. The extension is always ours, so a title can never
// end in a shell-integrated one (`.lnk`, `.url`, `.desktop`) that a browser would rename.
import { DEFAULT_MAX_NAME_BYTES, safeFileName, utf8ByteLength } from './safe-file-name';

export type ExportKind = 'markdown' | 'html' | 'storage' | 'adf' | 'zip' | 'tree-zip';

export interface ExportDownloadNameInput {
  title: string;
  /** Put in front (`SPACE - Title.md`) when given. */
  spaceKey?: string;
  kind: ExportKind;
}

const SUFFIXES: Record<ExportKind, string> = {
  markdown: '.md',
  html: '.html',
  storage: '.storage.xml',
  adf: '.adf.json',
  zip: '.zip',
  'tree-zip': ' (tree).zip',
};

const REFUSED_BY_A_BROWSER = /[%~]+/gu;
const DEFAULT_TITLE = 'Confluence page';

/** `SPACE - Title.md`, `Title.storage.xml`, `Title.adf.json`, `Title.html`, `Title.zip`, `Title (tree).zip`. */
export function exportDownloadName(input: ExportDownloadNameInput): string {
  const suffix = SUFFIXES[input.kind];
  const title = safeFileName(input.title.replace(REFUSED_BY_A_BROWSER, '-'), { fallback: DEFAULT_TITLE });
  // Space keys are letters and digits after the `~` that marks a personal space; one with
  // neither says nothing.
  const space = input.spaceKey?.trim().replace(/^~+/u, '').replace(REFUSED_BY_A_BROWSER, '-') ?? '';
  const stem = /[\p{L}\p{N}]/u.test(space) ? `${space} - ${title}` : title;
  // The stem is made safe alone: whatever it ends with, the suffix comes after it, and
  // `desktop` or `con` inside a longer name are harmless.
  const safeStem = safeFileName(stem, { maxBytes: DEFAULT_MAX_NAME_BYTES - utf8ByteLength(suffix), fallback: DEFAULT_TITLE });
  return safeStem + suffix;
}
