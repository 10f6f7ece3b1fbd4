// Inline styles are kept, filtered: Confluence puts meaning in them (cell and text colours,
// column widths, alignment, indentation), but CSS can also load from elsewhere (`url()`,
// `image-set()`) or lay fake content over the page (`position`, `z-index`, `content`). So only
// the properties below survive, with values made of plain characters and colour/size functions.

const PROPERTIES = new Set([
  'color', 'background-color', 'background',
  'text-align', 'vertical-align', 'text-decoration', 'text-decoration-line', 'text-indent',
  'font-weight', 'font-style', 'font-size', 'line-height', 'white-space', 'word-break',
  'width', 'min-width', 'max-width', 'height',
  'margin-left', 'margin-right', 'padding', 'padding-left', 'padding-right', 'padding-top', 'padding-bottom',
  'border', 'border-width', 'border-style', 'border-color',
  'border-top', 'border-right', 'border-bottom', 'border-left',
  'list-style-type', 'float', 'clear',
]);

// No quotes, backslashes (CSS escapes), `*` (comments), `:`, `;`, `@`, `<`, `&`.
const VALUE_CHARACTERS = /^[#a-z0-9\s.,%+\-/!()]*$/i;
const FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'var', 'calc']);

function safeValue(value: string): boolean {
  if (!VALUE_CHARACTERS.test(value)) return false;
  // Every `name(` must be a colour or size function: this is what rules out `url(`, `expression(`.
  for (const match of value.matchAll(/([a-z-]*)\s*\(/gi)) {
    if (!FUNCTIONS.has((match[1] ?? '').toLowerCase())) return false;
  }
  return true;
}

/** The declarations of `style` that are safe to keep, normalized (`prop: value; …`), or ''. */
export function filterStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().replace(/\s+/g, ' ');
    if (!value || !PROPERTIES.has(property) || !safeValue(value)) continue;
    kept.push(`${property}: ${value}`);
  }
  return kept.join('; ');
}
