// Character-level rules of the fast storage parser: names, references and forbidden
// characters, each matching what the XML path (entities turned numeric by storage-xml.ts, then
// the browser's XML parser) does with the same text, so both parses give the same tree.
import { HTML_ENTITIES } from './html-entities';

/** Thrown for text the XML path would reject; `offset` is into the text being parsed. */
export class StorageSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

// ---------------------------------------------------------------- names

/** Per ASCII code: 1 may start a name, 2 may continue one, 3 is the colon, 0 ends it. */
export const NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) NAME_ASCII[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME_ASCII[c] = 2;
  else if (ch === ':') NAME_ASCII[c] = 3;
}

// XML 1.0 (5th edition) NameStartChar and NameChar, without the colon (Namespaces: NCName).
const NC_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NC_CHAR = `${NC_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
// The local part may start with any name character (`ac:1x`): browsers accept that, as an XML
// Name it is one, and only the Namespaces spec is stricter.
const QNAME = new RegExp(`^[${NC_START}][${NC_CHAR}]*(?::[${NC_CHAR}]+)?$`, 'u');

/**
 * End of the name starting at `start`: ASCII name characters, plus anything non-ASCII (which
 * {@link isQName} then validates). Used to report what an unexpected end tag names.
 */
export function scanName(s: string, start: number): number {
  let i = start;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 128 && NAME_ASCII[c] === 0) break;
    i++;
  }
  return i;
}

/** Whether `name` is a qualified name by the full Unicode rules (names with non-ASCII letters). */
export function isQName(name: string): boolean {
  return QNAME.test(name);
}

/** Whether `name` (with its first colon at `colon`) has the prefix `ac`, `ri` or `at`. */
export function isStoragePrefix(name: string, colon: number): boolean {
  if (colon !== 2) return false;
  const a = name.charCodeAt(0);
  const b = name.charCodeAt(1);
  return (a === 97 /* a */ && (b === 99 /* c */ || b === 116) /* t */) || (a === 114 /* r */ && b === 105) /* i */;
}

// ---------------------------------------------------------------- characters

// Characters XML 1.0 forbids anywhere, even in CDATA and comments (a reference to one too).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Offset of the first character XML forbids, or -1. */
export function forbiddenCharAt(s: string): number {
  const m = FORBIDDEN.exec(s);
  return m ? m.index : -1;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

// ---------------------------------------------------------------- references

const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

// The table as strings once, so decoding a name is one lookup.
const NAMED = new Map<string, string>();
for (const [name, code] of HTML_ENTITIES) NAMED.set(name, String.fromCodePoint(code));
for (const [name, text] of PREDEFINED) NAMED.set(name, text);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Decode `s[start, end)`, which holds at least one `&`, as storage-xml.ts + an XML parser would:
 * `&#N;` and `&#xH;` (a reference to a character XML forbids throws; `&#X…;` throws as XML does),
 * the predefined and HTML names; an unknown name stays the literal text `&name;` and a bare `&`
 * a literal `&`. With `spaces`, literal tabs and newlines become spaces (attribute values),
 * while referenced ones are kept.
 */
export function decodeText(s: string, start: number, end: number, spaces: boolean): string {
  let out = '';
  let i = start;
  for (;;) {
    let amp = s.indexOf('&', i);
    if (amp < 0 || amp >= end) amp = end;
    if (amp > i) out += spaces ? s.slice(i, amp).replace(/[\t\n]/g, ' ') : s.slice(i, amp);
    if (amp === end) return out;
    i = amp + 1;
    const c = s.charCodeAt(i);
    if (c === 35 /* # */) {
      const hex = s.charCodeAt(i + 1) === 120; /* x */
      const upper = s.charCodeAt(i + 1) === 88; /* X */
      const base = hex || upper ? 16 : 10;
      let j = i + (base === 16 ? 2 : 1);
      const digits = j;
      let code = 0;
      for (; j < end; j++) {
        const d = s.charCodeAt(j);
        if (base === 16 ? !isHex(d) : !isDigit(d)) break;
        // Capped just past Unicode, so a long run of digits cannot lose precision into a valid code.
        code = Math.min(code * base + (d <= 57 ? d - 48 : (d | 32) - 87), 0x110000);
      }
      if (j > digits && j < end && s.charCodeAt(j) === 59 /* ; */) {
        if (upper) throw new StorageSyntaxError(`invalid character reference "${s.slice(amp, j + 1)}" (XML writes &#x…;)`, amp);
        if (!isXmlChar(code)) throw new StorageSyntaxError(`reference "${s.slice(amp, j + 1)}" names a character XML forbids`, amp);
        out += String.fromCodePoint(code);
        i = j + 1;
        continue;
      }
    } else if (isAlpha(c)) {
      let j = i + 1;
      while (j < end && (isAlpha(s.charCodeAt(j)) || isDigit(s.charCodeAt(j)))) j++;
      if (j < end && s.charCodeAt(j) === 59 /* ; */) {
        const named = NAMED.get(s.slice(i, j));
        // An unknown name is kept as the text `&name;`.
        out += named ?? s.slice(amp, j + 1);
        i = j + 1;
        continue;
      }
    }
    out += '&'; // not a reference: a literal ampersand
  }
}
