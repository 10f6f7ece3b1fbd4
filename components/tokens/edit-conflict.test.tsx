import { describe, expect, it, vi } from 'vitest';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { byTestId, expand, findAll, fire, one, textOf, type Element } from '../shared/vnode-tree.test-helper';
import { mergeReloaded, RELOADED, REMOVED_ELSEWHERE, tokenWrite } from './edit-conflict';
import { initialDraft, type TokenDraft } from './token-draft';
import { TokenFormView, type TokenFormViewProps } from './TokenFormView';
import { tokenFormViewProps } from './token-form-view-props.test-helper';

const TODAY = '2026-11-22';
const STALE = 'This token was changed in another window: reload to see the change, then edit it again.';
const attr = (e: Element, name: string) => e.props[name];

/** As tab A opened it. */
const opened: TokenSummary = {
  id: 't1',
  label: 'Acme classic',
  email: 'ada@example.com',
  kind: 'classic',
  secretHint: '…Wd8c',
  detected: [],
  mismatch: [],
  expiresOn: '2027-02-20',
  createdAt: '2026-11-22T10:00:00.000Z',
  sites: ['acme.atlassian.net', 'globex.atlassian.net'],
  readOnly: false,
  revision: '00000000000000a1',
};
/** As tab B saved it meanwhile: renamed and read-only. */
const savedInB: TokenSummary = { ...opened, label: 'Acme (read-only)', readOnly: true, revision: '00000000000000b2' };

describe('what a token form’s Save sends', () => {
  const input = { label: 'L', kind: 'classic', readOnly: false };

  it('an update based on the revision the form was filled from', () => {
    expect(tokenWrite(opened, false, input)).toEqual({ kind: 'update', id: 't1', revision: '00000000000000a1', input });
  });

  it('a new token when adding, or when the token was removed elsewhere', () => {
    expect(tokenWrite(undefined, false, input)).toEqual({ kind: 'add', input });
    expect(tokenWrite(opened, true, input)).toEqual({ kind: 'add', input });
  });
});

describe('Reload after a stale save', () => {
  it('keeps every field the person changed and takes the other window’s value for the others', () => {
    const typed: TokenDraft = { ...initialDraft(opened), expiresOn: '2027-01-31', secret: 'fake-new-secret-0123', otherSites: 'initech.atlassian.net' };
    expect(mergeReloaded(opened, typed, savedInB)).toEqual({
      ...initialDraft(savedInB), // B's label and read-only switch
      expiresOn: '2027-01-31',
      secret: 'fake-new-secret-0123',
      otherSites: 'initech.atlassian.net',
    });
  });

  it('keeps what the person typed where both windows changed a field', () => {
    const typed: TokenDraft = { ...initialDraft(opened), label: 'Typed in A', readOnly: false };
    expect(mergeReloaded(opened, typed, savedInB)).toMatchObject({ label: 'Typed in A', readOnly: true });
  });

  it('counts sites ticked in another order as unchanged', () => {
    const typed: TokenDraft = { ...initialDraft(opened), sites: ['globex.atlassian.net', 'acme.atlassian.net'] };
    const now = { ...savedInB, sites: ['acme.atlassian.net'] };
    expect(mergeReloaded(opened, typed, now).sites).toEqual(['acme.atlassian.net']);
    const unticked: TokenDraft = { ...initialDraft(opened), sites: ['globex.atlassian.net'] };
    expect(mergeReloaded(opened, unticked, now).sites).toEqual(['globex.atlassian.net']);
  });
});

describe('the token form when its token changed in another window', () => {
  const props = (patch: Partial<TokenFormViewProps> = {}): TokenFormViewProps =>
    tokenFormViewProps({
      editing: opened,
      today: TODAY,
      draft: { ...initialDraft(opened), label: 'Typed in A', secret: 'fake-typed-secret-0123' },
      ...patch,
    });
  const render = (patch: Partial<TokenFormViewProps> = {}) => expand(<TokenFormView {...props(patch)} />);

  it('shows no conflict notice while nothing happened elsewhere', () => {
    const nodes = render();
    for (const id of ['form-stale', 'form-removed', 'form-reloaded', 'reload-token']) expect(byTestId(nodes, id)).toHaveLength(0);
    expect(textOf([one(nodes, 'save-token')])).toBe('Save changes');
    expect(textOf(findAll(nodes, (e) => e.tag === 'h3'))).toBe('Edit “Acme classic”');
  });

  it('after a stale save, says so with a Reload button and keeps what was typed', () => {
    const onReload = vi.fn();
    const nodes = render({ conflict: { kind: 'stale', message: STALE }, onReload });
    const notice = one(nodes, 'form-stale');
    expect(attr(notice, 'role')).toBe('alert');
    expect(textOf([notice])).toBe(`${STALE} Reload`);
    fire(one(nodes, 'reload-token'), 'onClick');
    expect(onReload).toHaveBeenCalledOnce();
    expect(attr(one(nodes, 'field-label'), 'value')).toBe('Typed in A');
    expect(attr(one(nodes, 'field-secret'), 'value')).toBe('fake-typed-secret-0123');
    expect(textOf([one(nodes, 'save-token')])).toBe('Save changes');

    const reloading = render({ conflict: { kind: 'stale', message: STALE }, reloading: true });
    expect(attr(one(reloading, 'reload-token'), 'disabled')).toBe(true);
    expect(textOf([one(reloading, 'reload-token')])).toBe('Reloading…');
  });

  it('after Reload, says which values it now shows', () => {
    const nodes = render({ editing: savedInB, conflict: { kind: 'reloaded' } });
    expect(textOf([one(nodes, 'form-reloaded')])).toBe(RELOADED);
    expect(attr(one(nodes, 'form-reloaded'), 'role')).toBe('status');
    expect(byTestId(nodes, 'reload-token')).toHaveLength(0);
  });

  it('when the token was removed, says so, keeps what was typed and saves it as a new token (with its secret)', () => {
    const nodes = render({ conflict: { kind: 'removed' } });
    expect(textOf([one(nodes, 'form-removed')])).toBe(REMOVED_ELSEWHERE);
    expect(attr(one(nodes, 'form-removed'), 'role')).toBe('alert');
    expect(textOf([one(nodes, 'save-token')])).toBe('Save as a new token');
    expect(attr(one(nodes, 'field-label'), 'value')).toBe('Typed in A');
    // No saved secret is left to keep.
    expect(attr(one(nodes, 'field-secret'), 'placeholder')).toBe('');
    expect(textOf(nodes)).not.toContain('Leave empty to keep');
    expect(textOf(nodes)).toContain('The saved secret went with the removed token: paste it again.');
    expect(textOf(findAll(nodes, (e) => e.tag === 'h3'))).toBe('Save “Acme classic” as a new token');
    one(nodes, 'cancel-edit');
    const locked = render({ conflict: { kind: 'removed' }, locked: true });
    expect(textOf([one(locked, 'form-locked')])).toContain('Unlock first');
  });
});
