// YAML front matter for an exported page.
// Every string is written double-quoted with YAML's escapes, so titles with colons, quotes,
// newlines, a leading `-`/`#`/`*`, `yes`/`no`/`null` or digits all read back as the same
// string in every YAML 1.1/1.2 parser; Unicode is kept as is (YAML is UTF-8).

export interface PageMeta {
  title: string;
  id: string;
  space?: { key: string; name?: string };
  version?: number;
  author?: { displayName?: string; accountId?: string };
  created?: string;
  updated?: string;
  labels?: readonly string[];
  /** The page on the site (`https://x.atlassian.net/wiki/...`), never the API gateway. */
  url?: string;
  /** Status lozenges on the page (Markdown has no colour). */
  statuses?: readonly { title: string; colour: string }[];
}

/** A YAML double-quoted scalar. */
export function yamlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // C0/C1 controls, DEL, and the line/paragraph separators YAML would treat as breaks.
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

const GATEWAY = /(^|\.)api\.atlassian\.com$/i;

function siteUrl(url: string): string {
  const parsed = new URL(url);
  if (GATEWAY.test(parsed.hostname)) {
    throw new Error('The source URL must be the site’s own address, not the API gateway (api.atlassian.com).');
  }
  return parsed.href;
}

export function frontMatter(meta: PageMeta): string {
  const lines = [`title: ${yamlString(meta.title)}`, `id: ${yamlString(meta.id)}`];
  if (meta.space) {
    lines.push('space:', `  key: ${yamlString(meta.space.key)}`);
    if (meta.space.name !== undefined) lines.push(`  name: ${yamlString(meta.space.name)}`);
  }
  if (meta.version !== undefined && Number.isInteger(meta.version)) lines.push(`version: ${meta.version}`);
  if (meta.author && (meta.author.displayName !== undefined || meta.author.accountId !== undefined)) {
    lines.push('author:');
    if (meta.author.displayName !== undefined) lines.push(`  name: ${yamlString(meta.author.displayName)}`);
    if (meta.author.accountId !== undefined) lines.push(`  accountId: ${yamlString(meta.author.accountId)}`);
  }
  if (meta.created !== undefined) lines.push(`created: ${yamlString(meta.created)}`);
  if (meta.updated !== undefined) lines.push(`updated: ${yamlString(meta.updated)}`);
  if (meta.labels !== undefined) {
    if (meta.labels.length === 0) lines.push('labels: []');
    else lines.push('labels:', ...meta.labels.map((l) => `  - ${yamlString(l)}`));
  }
  if (meta.url !== undefined) lines.push(`source: ${yamlString(siteUrl(meta.url))}`);
  if (meta.statuses && meta.statuses.length > 0) {
    lines.push('statuses:');
    for (const s of meta.statuses) lines.push(`  - title: ${yamlString(s.title)}`, `    colour: ${yamlString(s.colour)}`);
  }
  return `---\n${lines.join('\n')}\n---\n\n`;
}
