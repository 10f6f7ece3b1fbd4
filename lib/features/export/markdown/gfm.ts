// Writing GitHub-flavoured Markdown safely: escaping text for its context, inline code and
// fences that cannot be closed early by the content, alerts, details and line prefixes.

/** A rendered block, with what kind it is so containers can join blocks correctly. */
export interface Block {
  kind: 'paragraph' | 'list' | 'other';
  md: string;
}

const ALNUM = /[\p{L}\p{N}]/u;
// Sticky, so checking for an entity after `&` does not copy the rest of the text.
const NEEDS_ESCAPE = /[\\`*[\]<|~_&!]/;
const ENTITY_AT = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/y;

/**
 * Escape text so it renders as itself in inline Markdown. Characters that can open inline
 * syntax anywhere are escaped; `_` only where it could open or close emphasis (intraword `_`
 * never does, so `snake_case` stays readable). Line-start syntax is handled by
 * {@link escapeLineStarts} once the paragraph is assembled.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // the common case: nothing to escape
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '|':
      case '~':
        out += '\\' + c;
        break;
      case '_': {
        const before = text[i - 1] ?? '';
        const after = text[i + 1] ?? '';
        out += ALNUM.test(before) && ALNUM.test(after) ? '_' : '\\_';
        break;
      }
      case '&':
        // `&copy;` typed as text must not become ©.
        ENTITY_AT.lastIndex = i;
        out += ENTITY_AT.test(text) ? '&amp;' : '&';
        break;
      case '!':
        out += text[i + 1] === '[' ? '\\!' : '!';
        break;
      default:
        out += c;
    }
  }
  return out;
}

const LINE_START = /(?:^|\n)[#>+=\d-]/;

/** Escape block syntax that a text line could start with: `#`, `>`, `-`, `+`, `1.`, `=`. */
export function escapeLineStarts(md: string): string {
  if (!LINE_START.test(md)) return md;
  return md
    .split('\n')
    .map((line) =>
      !LINE_START.test(line)
        ? line
        : line
            .replace(/^(#{1,6})(?=[ \t]|$)/, '\\$1')
            .replace(/^>/, '\\>')
            .replace(/^([-+])(?=[ \t]|$)/, '\\$1')
            .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
            .replace(/^(=+|-+)[ \t]*$/, '\\$&'),
    )
    .join('\n');
}

function longestRun(text: string, char: string): number {
  const code = char.charCodeAt(0);
  let longest = 0;
  // From one occurrence to the next: code without the character costs one native search.
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i)) {
    let j = i + 1;
    while (text.charCodeAt(j) === code) j++;
    if (j - i > longest) longest = j - i;
    i = j;
  }
  return longest;
}

/** Inline code with a backtick string longer than any run inside it. */
export function inlineCode(text: string): string {
  const content = text.replace(/[\r\n]+/g, ' ');
  if (content === '') return '';
  const ticks = '`'.repeat(longestRun(content, '`') + 1);
  // A leading/trailing backtick or space would be eaten by the delimiters: pad with a space.
  const pad = /^[` ]|[` ]$/.test(content) && content.trim() !== '' ? ' ' : '';
  return `${ticks}${pad}${content}${pad}${ticks}`;
}

/**
 * A fenced code block that keeps `code` exactly: the fence is longer than any run of the
 * fence character inside, and the info string is the language as Confluence stores it
 * (`c#`, `c++`, `objective-c`), followed by `title="…"` when the macro had a title.
 * Markdown always ends code with a newline, so code that itself ends with one keeps it as a
 * blank last line.
 */
export function fencedCode(code: string, language = '', title = ''): string {
  let info = language.trim().replace(/\s+/g, '-');
  if (title.trim()) info += `${info ? ' ' : ''}title="${title.trim().replace(/["\\]/g, '\\$&')}"`;
  // A backtick fence's info string may not contain a backtick; tildes then.
  const char = info.includes('`') ? '~' : '`';
  const fence = char.repeat(Math.max(3, longestRun(code, char) + 1));
  const body = code.indexOf('\r') >= 0 ? code.replace(/\r\n?/g, '\n') : code;
  return `${fence}${info}\n${body}${body === '' ? '' : '\n'}${fence}`;
}

/** Prefix every line: `first` on line one, `rest` on the others (blank lines get `rest` trimmed). */
export function prefixLines(md: string, first: string, rest: string): string {
  let out = '';
  let prefix = first;
  let blank = first.trimEnd();
  const restBlank = rest.trimEnd();
  for (let start = 0; ; ) {
    const nl = md.indexOf('\n', start);
    const end = nl < 0 ? md.length : nl;
    out += end === start ? blank : prefix + md.slice(start, end);
    if (nl < 0) return out;
    out += '\n';
    start = nl + 1;
    prefix = rest;
    blank = restBlank;
  }
}

export function blockquote(md: string): string {
  return prefixLines(md === '' ? '' : md, '> ', '> ');
}

export type AlertKind = 'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION';

/** A GitHub alert (`> [!NOTE]`), with the panel's title as a bold first line. */
export function alert(kind: AlertKind, body: string, title = ''): string {
  const head = title.trim() ? `[!${kind}]\n**${escapeText(title.trim())}**` : `[!${kind}]`;
  if (!body.trim()) return blockquote(head);
  // Without a title the body follows the marker line directly, as GitHub's own examples do.
  return blockquote(title.trim() ? `${head}\n\n${body}` : `${head}\n${body}`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<details>` with a summary; the body is Markdown, separated by blank lines so it is parsed. */
export function details(summary: string, body: string): string {
  return `<details>\n<summary>${escapeHtml(summary)}</summary>\n\n${body.trim() ? `${body}\n\n` : ''}</details>`;
}

/** Whether a URL may be a link target: no `javascript:`, `vbscript:` or `data:` links. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme.
  const scheme = /^([^:/?#]*):/.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
  return scheme === undefined || !['javascript', 'vbscript', 'data'].includes(scheme);
}

/** A link destination that survives spaces, parentheses and angle brackets. */
const DESTINATION_UNSAFE = /[<>\s]/;
const DESTINATION_UNSAFE_ALL = /[<>\s]/g;

export function linkDestination(url: string): string {
  const cleaned = DESTINATION_UNSAFE.test(url) ? url.replace(DESTINATION_UNSAFE_ALL, (c) => encodeURIComponent(c)) : url;
  let depth = 0;
  let balanced = true;
  for (let i = 0; i < cleaned.length; i++) {
    const c = cleaned.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth < 0) balanced = false;
  }
  return balanced && depth === 0 ? cleaned : `<${cleaned}>`;
}

export function linkTitle(title: string): string {
  return title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
}

/** A GitHub heading slug, as GitHub computes anchors (lowercase, punctuation dropped, `-`). */
export function githubSlug(text: string, seen?: Map<string, number>): string {
  const base = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
  if (!seen) return base;
  const n = seen.get(base);
  seen.set(base, (n ?? -1) + 1);
  return n === undefined ? base : `${base}-${n + 1}`;
}
