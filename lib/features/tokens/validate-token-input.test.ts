import { describe, expect, it } from 'vitest';
import type { TokenFormInput } from './token-form-input';
import { LABEL_MAX_LENGTH, validateTokenInput, type TokenValidationContext } from './validate-token-input';

const SECRET = 'fake-secret-0123456789-abcdefghijkl-WXYZ';
const today = '2025-03-10';
const context: TokenValidationContext = { today, existing: [{ id: 't1', label: 'Work' }] };

function cloud(overrides: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Personal', kind: 'auto', email: 'ada@example.com', secret: SECRET, expiresOn: '2025-06-08', sites: [], ...overrides };
}
function dc(overrides: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Intranet', kind: 'dc-pat', secret: SECRET, dcBaseUrl: 'https://confluence.dc.test/confluence/', ...overrides };
}
function errorsOf(input: TokenFormInput, ctx: TokenValidationContext = context) {
  const result = validateTokenInput(input, ctx);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('token form validation', () => {
  it('accepts a complete Cloud token and normalizes it', () => {
    const result = validateTokenInput(
      cloud({ label: '  Personal ', email: ' ada@example.com ', sites: ['https://Acme.atlassian.net/wiki/spaces/X', 'acme.atlassian.net', ''] }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        label: 'Personal',
        kind: 'auto',
        email: 'ada@example.com',
        secret: SECRET,
        expiresOn: '2025-06-08',
        sites: ['acme.atlassian.net'],
        readOnly: false,
      },
    });
  });

  it('accepts a Data Center PAT without email or expiry and normalizes its base URL', () => {
    const result = validateTokenInput(dc({ readOnly: true }), context);
    expect(result).toEqual({
      ok: true,
      value: { label: 'Intranet', kind: 'dc-pat', secret: SECRET, sites: [], dcBaseUrl: 'https://confluence.dc.test/confluence', readOnly: true },
    });
  });

  it('ignores fields that do not apply to the chosen kind', () => {
    const asDc = validateTokenInput(dc({ email: 'ada@example.com', sites: ['acme.atlassian.net'] }), context);
    expect(asDc.ok && asDc.value).toMatchObject({ sites: [] });
    expect(asDc.ok && 'email' in asDc.value).toBe(false);
    const asCloud = validateTokenInput(cloud({ dcBaseUrl: 'not a url' }), context);
    expect(asCloud.ok && 'dcBaseUrl' in asCloud.value).toBe(false);
  });

  it('rejects a malformed or missing email for Cloud kinds', () => {
    for (const email of ['ada', 'ada@', '@example.com', 'ada@example', 'ada @example.com', 'ada@@example.com']) {
      expect(errorsOf(cloud({ email })).email).toBe('This is not an email address. Enter it like name@example.com.');
    }
    expect(errorsOf(cloud({ email: '  ' })).email).toMatch(/Enter the email address of the Atlassian account/);
    expect(errorsOf(cloud({ kind: 'scoped', email: undefined })).email).toBeDefined();
  });

  it('requires a secret when adding, without spaces or line breaks', () => {
    expect(errorsOf(cloud({ secret: '' })).secret).toBe('Paste the token.');
    expect(errorsOf(cloud({ secret: undefined })).secret).toBe('Paste the token.');
    expect(errorsOf(cloud({ secret: `${SECRET}\n` })).secret).toMatch(/starts or ends with a space or line break/);
    expect(errorsOf(cloud({ secret: ` ${SECRET}` })).secret).toMatch(/starts or ends with a space or line break/);
    expect(errorsOf(cloud({ secret: 'fake-part-one\nfake-part-two' })).secret).toMatch(/contains a space or line break/);
    expect(errorsOf(cloud({ secret: 'fake part' })).secret).toMatch(/contains a space or line break/);
  });

  it('keeps the saved secret when editing leaves it empty', () => {
    const result = validateTokenInput(cloud({ secret: '' }), { ...context, editing: { id: 't9', expiresOn: '2025-06-08' } });
    expect(result.ok).toBe(true);
    expect(result.ok && 'secret' in result.value).toBe(false);
  });

  it('requires an expiry date for Cloud tokens, 1 to 365 days ahead, and names the allowed dates', () => {
    expect(errorsOf(cloud({ expiresOn: '' })).expiresOn).toMatch(/Enter the expiry date you chose/);
    const range = 'Choose a date from 2025-03-11 to 2026-03-10: Atlassian Cloud tokens expire 1 to 365 days after they are created.';
    expect(errorsOf(cloud({ expiresOn: today })).expiresOn).toBe(range);
    expect(errorsOf(cloud({ expiresOn: '2026-03-11' })).expiresOn).toBe(range);
    expect(errorsOf(cloud({ expiresOn: '2024-12-31' })).expiresOn).toBe(range);
    expect(validateTokenInput(cloud({ expiresOn: '2025-03-11' }), context).ok).toBe(true);
    expect(validateTokenInput(cloud({ expiresOn: '2026-03-10' }), context).ok).toBe(true);
  });

  it('explains malformed and impossible dates', () => {
    expect(errorsOf(cloud({ expiresOn: '10/03/2026' })).expiresOn).toBe('Enter the date as YYYY-MM-DD, for example 2030-06-30.');
    expect(errorsOf(cloud({ expiresOn: '2025-02-30' })).expiresOn).toBe('2025-02-30 is not a date that exists in the calendar.');
  });

  it('lets an edit keep an unchanged expiry date that is now close or past', () => {
    const editing = { id: 't1', expiresOn: '2025-03-09' };
    expect(validateTokenInput(cloud({ label: 'Work', expiresOn: '2025-03-09' }), { ...context, editing }).ok).toBe(true);
    expect(errorsOf(cloud({ label: 'Work', expiresOn: '2025-03-10' }), { ...context, editing }).expiresOn).toMatch(/2025-03-11 to 2026-03-10/);
  });

  it('makes the expiry optional for a Data Center PAT, but not in the past', () => {
    expect(validateTokenInput(dc({ expiresOn: '2031-01-01' }), context).ok).toBe(true);
    expect(errorsOf(dc({ expiresOn: '2025-03-10' })).expiresOn).toMatch(/This date has passed. Choose a date after 2025-03-10/);
  });

  it('rejects a duplicate label, case-insensitively, except for the token being edited', () => {
    expect(errorsOf(cloud({ label: ' work ' })).label).toBe('Another token already has this name. Choose a different name.');
    expect(validateTokenInput(cloud({ label: 'WORK' }), { ...context, editing: { id: 't1' } }).ok).toBe(true);
  });

  it('requires a label of at most the maximum length', () => {
    expect(errorsOf(cloud({ label: '   ' })).label).toMatch(/Give the token a name/);
    expect(validateTokenInput(cloud({ label: 'x'.repeat(LABEL_MAX_LENGTH) }), context).ok).toBe(true);
    expect(errorsOf(cloud({ label: 'x'.repeat(LABEL_MAX_LENGTH + 1) })).label).toBe(
      `The name is ${LABEL_MAX_LENGTH + 1} characters long; keep it to ${LABEL_MAX_LENGTH} or fewer.`,
    );
  });

  it('checks the Data Center base URL', () => {
    expect(errorsOf(dc({ dcBaseUrl: '' })).dcBaseUrl).toMatch(/Enter the address of your Confluence Data Center/);
    expect(errorsOf(dc({ dcBaseUrl: 'http://confluence.dc.test' })).dcBaseUrl).toMatch(/must start with https:\/\//);
    expect(errorsOf(dc({ dcBaseUrl: 'confluence.dc.test' })).dcBaseUrl).toMatch(/not a web address/);
    expect(errorsOf(dc({ dcBaseUrl: 'https://confluence.dc.test/?x=1' })).dcBaseUrl).toMatch(/must not contain "\?" or "#"/);
    expect(errorsOf(dc({ dcBaseUrl: 'https://user:pw@confluence.dc.test' })).dcBaseUrl).toMatch(/user name or password/);
    expect(errorsOf(dc({ dcBaseUrl: 'https://acme.atlassian.net/wiki' })).dcBaseUrl).toMatch(/Atlassian Cloud address/);
  });

  it('rejects site entries that are not Cloud sites, saying which', () => {
    expect(errorsOf(cloud({ sites: ['not a site'] })).sites).toMatch(/^This is not a Confluence Cloud site/);
    expect(errorsOf(cloud({ sites: ['acme.atlassian.net', 'example.com', 'ftp://x.atlassian.net'] })).sites).toMatch(
      /^Sites 2, 3 of 3 are not a Confluence Cloud site/,
    );
  });

  it('rejects an unknown kind', () => {
    expect(errorsOf(cloud({ kind: 'oauth' })).kind).toMatch(/Choose the kind of token/);
  });

  it('reports every field at once', () => {
    const errors = errorsOf(cloud({ label: 'Work', email: 'x', secret: 'a b', expiresOn: '' }));
    expect(Object.keys(errors).sort()).toEqual(['email', 'expiresOn', 'label', 'secret']);
  });

  it('never repeats a secret, even one pasted into the wrong field', () => {
    const inputs: TokenFormInput[] = [
      cloud({ email: SECRET, secret: `${SECRET} ` }),
      cloud({ label: SECRET + SECRET, sites: [SECRET], expiresOn: SECRET }),
      dc({ dcBaseUrl: SECRET, secret: `x\n${SECRET}` }),
      dc({ dcBaseUrl: `http://${SECRET}.test`, expiresOn: SECRET }),
    ];
    for (const input of inputs) {
      const errors = errorsOf(input);
      expect(Object.keys(errors).length).toBeGreaterThan(0);
      expect(JSON.stringify(errors)).not.toContain(SECRET);
      expect(JSON.stringify(errors)).not.toContain(SECRET.slice(0, 12));
    }
  });
});
