/*
 * What a person chooses on the Export page. Zod-free: the export page and the popup use it.
 */

export const DOCUMENT_FORMATS = ['markdown', 'html', 'storage', 'adf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface ExportChoices {
  /** The page alone, or the page and every page below it. */
  scope: 'page' | 'tree';
  /** One file per page per format; at least one. */
  formats: DocumentFormat[];
  /** Attachments and the images pages show, as files beside the pages (a zip). */
  attachments: boolean;
}

/** The file-name ending each format's documents get. */
export const FORMAT_EXTENSIONS: Record<DocumentFormat, string> = {
  markdown: '.md',
  html: '.html',
  storage: '.storage.xml',
  adf: '.adf.json',
};

export const FORMAT_LABELS: Record<DocumentFormat, string> = {
  markdown: 'Markdown (GitHub-flavoured, with front matter)',
  html: 'Standalone HTML (opens offline, sanitized)',
  storage: 'Storage XML (as Confluence keeps it)',
  adf: 'ADF JSON (Atlassian Document Format)',
};

export const FORMAT_MEDIA_TYPES: Record<DocumentFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  storage: 'application/xml;charset=utf-8',
  adf: 'application/json;charset=utf-8',
};

/** Formats in this fixed order, duplicates dropped: the first names the tree's index and layout. */
export function orderedFormats(formats: readonly DocumentFormat[]): DocumentFormat[] {
  return DOCUMENT_FORMATS.filter((format) => formats.includes(format));
}

/** A single page in one format without attachments is one file; anything more is a zip. */
export function isSingleFile(choices: ExportChoices): boolean {
  return choices.scope === 'page' && !choices.attachments && orderedFormats(choices.formats).length === 1;
}

/** The same stem with another format's ending: `A/B.md` → `A/B.html`. */
export function withFormat(primaryFile: string, primary: DocumentFormat, format: DocumentFormat): string {
  const ext = FORMAT_EXTENSIONS[primary];
  const stem = primaryFile.endsWith(ext) ? primaryFile.slice(0, -ext.length) : primaryFile;
  return `${stem}${FORMAT_EXTENSIONS[format]}`;
}
