import { describe, expect, it } from 'vitest';
import { assertSafeOutput, outputViolation } from './verify-output';
import { testDom } from './testing';

const { parser } = testDom();

describe('outputViolation: the last check fails closed', () => {
  const bad: Array<[string, RegExp]> = [
    ['<p onclick="x()">a</p>', /attribute onclick/],
    ['<script>x()</script>', /<script> in head/],
    ['<p>a</p><script>x()</script>', /element <script>/],
    ['<svg><circle/></svg>', /element <svg>/],
    ['<img src="https://tracker.example/p.gif">', /src "https:/],
    ['<img src="//tracker.example/p.gif">', /src/],
    ['<a href="javascript:x()" rel="noopener noreferrer">a</a>', /href "javascript/],
    ['<a href="https://example.com/">a</a>', /rel=/],
    ['<p style="background: url(x.png)">a</p>', /style/],
    ['<p data-x="1">a</p>', /attribute data-x/],
    ['<div href="https://example.com/">a</div>', /href .* on <div>/],
    ['<math><mi>x</mi></math>', /element <math>/],
  ];
  for (const [html, reason] of bad) {
    it(`rejects ${html}`, () => {
      expect(outputViolation(html, parser)).toMatch(reason);
      expect(() => assertSafeOutput(html, parser)).toThrow(/nothing was exported/);
    });
  }

  it('accepts what the sanitizer writes', () => {
    const good =
      '<p style="color: red">a <a href="https://x.example/" rel="noopener noreferrer">b</a> <a href="#h" rel="noopener noreferrer">c</a> ' +
      '<a href="../Child/Child.html" rel="noopener noreferrer">d</a></p><img src="attachments/a%20b.png" alt="a b"><img src="data:image/png;base64,AAAA" alt="">' +
      '<details class="expand-container" open=""><summary>s</summary></details><table><tbody><tr><td colspan="2" aria-label="x">c</td></tr></tbody></table>';
    expect(outputViolation(good, parser)).toBeUndefined();
  });
});
