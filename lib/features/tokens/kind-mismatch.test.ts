import { describe, expect, it } from 'vitest';
import { mismatchWarning } from './kind-mismatch';

describe('kind mismatch warnings', () => {
  it('warns when a token chosen as classic is scoped, naming the real kind', () => {
    expect(mismatchWarning('classic', 'scoped', 'acme.atlassian.net')).toBe(
      'You chose “classic token”, but on acme.atlassian.net this token works as a scoped token: its calls must go through api.atlassian.com, not the site address. Change its kind to scoped or auto-detect.',
    );
  });

  it('warns when a token chosen as scoped is classic', () => {
    expect(mismatchWarning('scoped', 'classic')).toBe(
      "You chose “scoped token”, but on this site this token works as a classic token: its calls go to the site's own address, not through api.atlassian.com. Change its kind to classic or auto-detect.",
    );
  });

  it('warns when a Cloud token was saved as a Data Center PAT', () => {
    expect(mismatchWarning('dc-pat', 'classic', 'acme.atlassian.net')).toMatch(/^You chose “Data Center personal access token”, but on acme\.atlassian\.net this token works as a classic token/);
  });

  it('is silent when nothing contradicts', () => {
    expect(mismatchWarning('auto', 'scoped')).toBeUndefined();
    expect(mismatchWarning('classic', 'classic')).toBeUndefined();
    expect(mismatchWarning('scoped', 'unknown')).toBeUndefined();
  });
});
