import { describe, expect, it } from 'vitest';
import { filterStyle } from './style-filter';

describe('filterStyle', () => {
  const cases: Array<[string, string]> = [
    // What the shared samples carry: all kept, normalized.
    ['background-color: rgb(198,237,251);', 'background-color: rgb(198,237,251)'],
    ['width: 517.0px;', 'width: 517.0px'],
    ['margin-left: 30.0px;', 'margin-left: 30.0px'],
    ['vertical-align:middle;', 'vertical-align: middle'],
    ['background-color: #EAE6FF;border-color: #998DD9;border-width: 1px;', 'background-color: #EAE6FF; border-color: #998DD9; border-width: 1px'],
    ['background-color: var(--ds-background-accent-gray-subtlest,#f4f5f7)', 'background-color: var(--ds-background-accent-gray-subtlest,#f4f5f7)'],
    ['COLOR: Red', 'color: Red'],
    // Loads, scripts, overlays, escapes: dropped.
    ['background: url(http://evil.example/x.png)', ''],
    ['background-image: url("x.png"); color: red', 'color: red'],
    ['color: red; background: u\\72l(http://e/x)', 'color: red'],
    ['width: expression(alert(1))', ''],
    ['background: image-set("a.png" 1x)', ''],
    ['behavior: url(x.htc); -moz-binding: url(x.xml)', ''],
    ['position: fixed; top: 0; left: 0; z-index: 99999; width: 100%', 'width: 100%'],
    ['content: "x"; display: none; opacity: 0', ''],
    ['font-family: "a;color:red"', ''],
    ['color: red /* comment */', ''],
    ['--x: url(y); color: var(--x)', 'color: var(--x)'],
    ['color', ''],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(filterStyle(input)).toBe(expected);
      expect(filterStyle(expected)).toBe(expected);
    });
  }
});
