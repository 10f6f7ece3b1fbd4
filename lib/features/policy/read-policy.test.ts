import { describe, expect, it } from 'vitest';
import { readPolicy } from './read-policy';
import { sentKindAllowed, siteAllowed, tokenKindAllowed } from './merge-policy';
import { thresholdSettings } from '../reminders/thresholds';
import { policyFieldErrors } from './policy-vault';

describe('reading a managed policy', () => {
  it('takes every well-formed key, normalised', () => {
    const { policy, warnings } = readPolicy({
      forceReadOnly: true,
      allowedSites: ['*.atlassian.net', 'https://Confluence.example.com/confluence/'],
      allowedTokenKinds: ['scoped', 'dc-pat', 'scoped'],
      reminderThresholdsDays: [7, 30, 14],
      minimumReminderDays: 14,
      disableExport: false,
      disableActivityExport: true,
      helpUrl: 'https://intranet.example.com/tokens',
      supportContact: ' IT desk, ext. 4242 ',
    });
    expect(warnings).toEqual([]);
    expect(policy).toEqual({
      forceReadOnly: true,
      allowedSites: ['*.atlassian.net', 'https://confluence.example.com/confluence'],
      allowedTokenKinds: ['scoped', 'dc-pat'],
      reminderThresholdsDays: [30, 14, 7],
      minimumReminderDays: 14,
      disableExport: false,
      disableActivityExport: true,
      helpUrl: 'https://intranet.example.com/tokens',
      supportContact: 'IT desk, ext. 4242',
    });
  });

  it.each<[string, unknown]>([
    ['forceReadOnly', 'yes'],
    ['allowedSites', ['acme.atlassian.net', 'http://confluence.example.com']],
    ['allowedSites', 'acme.atlassian.net'],
    ['allowedTokenKinds', ['scoped', 'basic']],
    ['allowedTokenKinds', []],
    ['reminderThresholdsDays', [7, -1]],
    ['minimumReminderDays', 3.5],
    ['disableExport', 1],
    ['helpUrl', 'javascript:alert(1)'],
    ['helpUrl', 'http://intranet.example.com'],
    ['supportContact', ''],
  ])('ignores a malformed %s alone, with a warning naming it', (key, value) => {
    const { policy, warnings } = readPolicy({ [key]: value, disableActivityExport: true });
    expect(policy).toEqual({ disableActivityExport: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`“${key}”`);
  });

  it('warns about unknown keys and a policy that is not an object; nothing set is no policy', () => {
    expect(readPolicy({ forceReadonly: true }).warnings[0]).toContain('“forceReadonly” is not one this extension knows');
    expect(readPolicy(['forceReadOnly'])).toEqual({ policy: {}, warnings: [expect.stringContaining('none of it applies')] });
    expect(readPolicy(undefined)).toEqual({ policy: {}, warnings: [] });
  });
});

describe('the policy over what a person set', () => {
  it('allowedSites: hosts, wildcards of Cloud hosts, exact base URLs', () => {
    const policy = readPolicy({ allowedSites: ['*.atlassian.net', 'https://confluence.example.com/confluence'] }).policy;
    expect(siteAllowed('acme.atlassian.net', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/confluence', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/other', policy)).toBe(false);
    expect(siteAllowed('https://evil.example.com/x.atlassian.net', policy)).toBe(false);
    expect(siteAllowed('acme.atlassian.net', readPolicy({ allowedSites: ['globex.atlassian.net'] }).policy)).toBe(false);
    expect(siteAllowed('anything.example', {})).toBe(true);
  });

  it('allowedSites: a host pattern covers Data Center base URLs on that host; base URLs are read as site keys', () => {
    const policy = readPolicy({ allowedSites: ['wiki.example.com', '*.corp.example', 'https://Confluence.example.com:443/ctx/'] }).policy;
    expect(policy.allowedSites).toEqual(['wiki.example.com', '*.corp.example', 'https://confluence.example.com/ctx']);
    expect(siteAllowed('https://wiki.example.com/confluence', policy)).toBe(true);
    expect(siteAllowed('https://wiki.example.com', policy)).toBe(true);
    expect(siteAllowed('https://eu.corp.example/wiki', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/ctx', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/other', policy)).toBe(false);
    expect(siteAllowed('https://wiki.example.com.evil.test/confluence', policy)).toBe(false);
    expect(siteAllowed('acme.atlassian.net', policy)).toBe(false);
  });

  it('the kinds a call may send: auto detects only among the Cloud kinds listed with it', () => {
    expect(sentKindAllowed('classic', { allowedTokenKinds: ['auto', 'scoped'] })).toBe(false);
    expect(sentKindAllowed('scoped', { allowedTokenKinds: ['auto', 'scoped'] })).toBe(true);
    expect(sentKindAllowed('classic', { allowedTokenKinds: ['auto'] })).toBe(true);
    expect(sentKindAllowed('dc-pat', { allowedTokenKinds: ['auto'] })).toBe(false);
    expect(sentKindAllowed('classic', {})).toBe(true);
  });

  it('the token form’s policy errors: the kind, the Cloud sites and the Data Center base URL, each on its field', () => {
    const policy = { allowedTokenKinds: ['scoped' as const, 'dc-pat' as const], allowedSites: ['acme.atlassian.net', 'https://wiki.example.com/confluence'] };
    expect(policyFieldErrors({ label: 'a', kind: 'classic', sites: ['acme.atlassian.net', 'Globex.atlassian.net'] }, policy)).toEqual({
      kind: expect.stringContaining('“allowedTokenKinds”'),
      sites: expect.stringContaining('globex.atlassian.net (policy “allowedSites”)'),
    });
    expect(policyFieldErrors({ label: 'a', kind: 'dc-pat', dcBaseUrl: 'https://other.example.com' }, policy)).toEqual({ dcBaseUrl: expect.stringContaining('allowedSites') });
    expect(policyFieldErrors({ label: 'a', kind: 'dc-pat', dcBaseUrl: 'https://wiki.example.com/confluence/' }, policy)).toEqual({});
    expect(policyFieldErrors({ label: 'a', kind: 'classic', sites: ['anything.atlassian.net'] }, {})).toEqual({});
  });

  it('allowedTokenKinds', () => {
    expect(tokenKindAllowed('classic', { allowedTokenKinds: ['scoped', 'dc-pat'] })).toBe(false);
    expect(tokenKindAllowed('dc-pat', { allowedTokenKinds: ['scoped', 'dc-pat'] })).toBe(true);
    expect(tokenKindAllowed('classic', {})).toBe(true);
  });

  it('reminder thresholds: the defaults people start from, and a floor they cannot go under', () => {
    const usual = [30, 14, 7, 3, 1, 0];
    expect(thresholdSettings(usual, false, { defaults: [30, 7] })).toEqual({ thresholds: [30, 7], choices: usual, locked: [], defaultsFromOrganisation: true });
    expect(thresholdSettings([3, 1], true, { defaults: [30, 7] })).toMatchObject({ thresholds: [3, 1], defaultsFromOrganisation: false });
    expect(thresholdSettings([3, 1], true, { floor: 10 })).toEqual({ thresholds: [10, 3, 1], choices: [30, 14, 10, 7, 3, 1, 0], locked: [10], defaultsFromOrganisation: false });
    expect(thresholdSettings([30, 1], true, { floor: 14 })).toMatchObject({ thresholds: [30, 1], locked: [] });
    expect(thresholdSettings([7], true, {})).toEqual({ thresholds: [7], choices: usual, locked: [], defaultsFromOrganisation: false });
  });
});
