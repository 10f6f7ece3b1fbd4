import { afterEach, describe, expect, it } from 'vitest';
import type { Policy } from '../../lib/features/policy/policy';
import { NO_POLICY } from '../../lib/features/policy/policy-view';
import { reminderToken } from '../../lib/features/reminders/test-tokens';
import { ActivityLog } from '../activity/ActivityLog';
import { DcSitesSection, type DcSitesView } from '../dc-sites/DcSitesSection';
import { PageActions } from '../popup/PageActions';
import { RemindersSection } from '../reminders/RemindersSection';
import { FailureNotice } from '../shared/FailureNotice';
import { byTestId, expand, textOf, type Node } from '../shared/vnode-tree.test-helper';
import { TokenFormView } from '../tokens/TokenFormView';
import { tokenFormViewProps } from '../tokens/token-form-view-props.test-helper';
import { TokenRow } from '../tokens/TokenRow';
import { PolicyScope } from './OrganisationPolicy';
import { PolicySection } from './PolicySection';

const noop = () => {};
/** Expands `view` as a page under `policy` shows it. */
const under = (policy: Policy, view: preact.ComponentChildren, warnings: string[] = []) => expand(<PolicyScope value={{ policy, warnings }}>{view}</PolicyScope>);
const marks = (nodes: Node[]) => byTestId(nodes, 'policy-mark').map((e) => e.props['data-policy-key']);
const texts = (nodes: Node[], id: string) => byTestId(nodes, id).map((e) => textOf(e.children));

afterEach(() => void expand(<PolicyScope value={NO_POLICY}>{null}</PolicyScope>));

describe('what the organisation set, as views show it', () => {
  it('the options section: a line and a mark per key set, a warning per ignored value; nothing without a policy', () => {
    const nodes = under({ forceReadOnly: true, allowedTokenKinds: ['scoped'] }, <PolicySection />, ['The policy “minimumReminderDays” is ignored: it must be a whole number of days from 0 to 365.']);
    expect(byTestId(nodes, 'policy-setting').map((e) => e.props['data-policy-key'])).toEqual(['forceReadOnly', 'allowedTokenKinds']);
    expect(texts(nodes, 'policy-setting')[1]).toBe('Only these kinds of token can be saved: scoped token. Set by your organisation');
    expect(texts(nodes, 'policy-warning')).toEqual(['The policy “minimumReminderDays” is ignored: it must be a whole number of days from 0 to 365.']);
    expect(under({}, <PolicySection />)).toEqual([]);
  });

  it('forceReadOnly: the token row is marked and the form’s switch is on, locked and marked', () => {
    const token = reminderToken({ readOnly: true, readOnlyBy: 'organisation' });
    expect(marks(under({ forceReadOnly: true }, <TokenRow token={token} today="2026-11-22" onCheck={noop} onEdit={noop} onRemove={noop} onGrantPermission={noop} />))).toEqual(['forceReadOnly']);
    const form = under({ forceReadOnly: true }, <TokenFormView {...tokenFormViewProps()} />);
    const box = byTestId(form, 'field-read-only')[0]!;
    expect([box.props.checked, box.props.disabled]).toEqual([true, true]);
    expect(marks(form)).toContain('forceReadOnly');
    const free = byTestId(under({}, <TokenFormView {...tokenFormViewProps()} />), 'field-read-only')[0]!;
    expect([free.props.checked, free.props.disabled]).toEqual([false, false]);
  });

  it('allowed kinds and sites are said in the form, marked', () => {
    const form = under({ allowedTokenKinds: ['scoped', 'dc-pat'], allowedSites: ['acme.atlassian.net'] }, <TokenFormView {...tokenFormViewProps()} />);
    expect(texts(form, 'policy-kinds')[0]).toContain('Scoped API token, Data Center personal access token');
    expect(texts(form, 'policy-sites')[0]).toContain('acme.atlassian.net');
    expect(marks(form)).toEqual(['allowedTokenKinds', 'allowedSites']);
  });

  it('allowedSites in the Data Center sites section, marked; nothing without the key', () => {
    const view: DcSitesView = { sites: [], tokensBySite: {}, listError: null, formOpen: false, adding: false, error: null, status: null };
    const actions = { onOpenForm: noop, onCancel: noop, onAdd: noop, onRemove: noop, onGrant: noop, tokenFor: () => undefined };
    const section = (policy: Policy) => under(policy, <DcSitesSection view={view} actions={actions} />);
    expect(texts(section({ allowedSites: ['https://wiki.example.com/confluence'] }), 'dc-policy-sites')).toEqual(['Your organisation allows only: https://wiki.example.com/confluence. Set by your organisation']);
    expect(byTestId(section({}), 'dc-policy-sites')).toEqual([]);
  });

  it('disableExport: no export buttons nor Copy page as Markdown in the popup, a marked sentence instead', () => {
    const view = { locked: false };
    const off = under({ disableExport: true }, <PageActions view={view} onWatch={noop} onSpaceWatch={noop} onCopy={noop} />);
    expect(byTestId(off, 'export-page')).toEqual([]);
    expect(byTestId(off, 'copy-page-markdown')).toEqual([]);
    expect(texts(off, 'export-off')).toEqual(['Exporting pages is turned off. Set by your organisation']);
    const on = under({}, <PageActions view={view} onWatch={noop} onSpaceWatch={noop} onCopy={noop} />);
    expect(byTestId(on, 'export-page')).toHaveLength(1);
    expect(byTestId(on, 'copy-page-markdown')).toHaveLength(1);
  });

  it('disableActivityExport: the log without its export buttons, still with the log', () => {
    const log = under({ disableActivityExport: true }, <ActivityLog entries={[]} filter="all" onFilter={noop} onRefresh={noop} onExport={noop} onClear={noop} />);
    expect(byTestId(log, 'export-json')).toEqual([]);
    expect(marks(log)).toEqual(['disableActivityExport']);
    expect(byTestId(log, 'clear-activity')).toHaveLength(1);
  });

  it('reminders: the floor ticked, locked and marked; the defaults said to be the organisation’s', () => {
    const view = { thresholds: [14, 3], choices: [30, 14, 7, 3, 1, 0], locked: [14], defaultsFromOrganisation: true, status: null };
    const nodes = under({ minimumReminderDays: 14 }, <RemindersSection view={view} onChange={noop} />);
    const floor = byTestId(nodes, 'reminder-threshold-14')[0]!;
    expect([floor.props.checked, floor.props.disabled]).toEqual([true, true]);
    expect(byTestId(nodes, 'reminder-threshold-3')[0]!.props.disabled).toBe(false);
    expect(marks(nodes)).toEqual(['reminderThresholdsDays', 'minimumReminderDays']);
  });

  it('every failure’s fix comes with the organisation’s help, and a policy refusal with its mark', () => {
    const failure = { class: 'policy-refused' as const, message: 'globex.atlassian.net is not allowed by your organisation.', fix: 'Ask your administrator if you need it.', policyKey: 'allowedSites' };
    const nodes = under({ helpUrl: 'https://intranet.example.com/tokens', supportContact: 'IT desk, ext. 4242' }, <FailureNotice failure={failure} />);
    expect(texts(nodes, 'org-help')).toEqual(['Help from your organisation: https://intranet.example.com/tokens · IT desk, ext. 4242']);
    expect(marks(nodes)).toEqual(['allowedSites']);
    const plain = under({}, <FailureNotice failure={{ class: 'offline', message: 'Offline.', fix: 'Try again.' }} />);
    expect(byTestId(plain, 'org-help')).toEqual([]);
  });
});
