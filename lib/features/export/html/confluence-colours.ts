// Text and cell colours that Confluence Cloud keeps outside inline styles, turned into
// inline styles so they survive the removal of every `<style>` element:
// - text colour: `<span data-colorid="k3lsqrasr1">` plus a page `<style>` with
//   `[data-colorid=k3lsqrasr1]{color:#0747a6} html[data-color-mode=dark] [data-colorid=…]{…}`
//   (dlx-gr-test-report-jira-status-mentions.html, dlx-large-feedback-tracking-te.html);
// - cell background: `<th data-highlight-colour="#b3d4ff">` (four dlx-* samples).
import { filterStyle } from './style-filter';

// Only the light-mode rule: it starts the style text or follows a `}`; the dark one starts with `html[`.
const LIGHT_RULE = /(?:^|\})\s*\[data-colorid=["']?([\w-]+)["']?\]\s*\{\s*color\s*:\s*(#[0-9a-f]{3,8})\s*;?\s*\}/gi;

/** colour id → CSS colour, from every `<style>` element under `root` (head included). */
export function readColourRules(root: Element): Map<string, string> {
  const rules = new Map<string, string>();
  for (const style of Array.from(root.querySelectorAll('style'))) {
    for (const match of (style.textContent ?? '').matchAll(LIGHT_RULE)) {
      if (match[1] && match[2] && !rules.has(match[1])) rules.set(match[1], match[2]);
    }
  }
  return rules;
}

function addStyle(el: Element, declaration: string): void {
  const existing = el.getAttribute('style') ?? '';
  // The element's own declarations win, as they would over a rule in a `<style>`.
  const merged = filterStyle(existing ? `${declaration}; ${existing}` : declaration);
  if (merged) el.setAttribute('style', merged);
}

/** Writes the colours of `data-colorid` and `data-highlight-colour` as inline styles. */
export function applyColours(root: ParentNode, rules: Map<string, string>): void {
  for (const el of Array.from(root.querySelectorAll('[data-colorid]'))) {
    const colour = rules.get(el.getAttribute('data-colorid') ?? '');
    if (colour) addStyle(el, `color: ${colour}`);
  }
  for (const el of Array.from(root.querySelectorAll('[data-highlight-colour]'))) {
    const colour = el.getAttribute('data-highlight-colour') ?? '';
    if (colour) addStyle(el, `background-color: ${colour}`);
  }
}
