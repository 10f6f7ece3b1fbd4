import { describe, expect, it, vi } from 'vitest';
import type { ReminderEntry } from '../../lib/features/reminders/reminder-entries-area';
import { byTestId, expand, findAll, fire, one, textOf } from '../shared/vnode-tree.test-helper';
import { entryExpiry, ReminderEntries, type ReminderEntriesProps } from './ReminderEntries';
import { ReminderEntryForm } from './ReminderEntryForm';
import { RemindersSection } from './RemindersSection';

const TODAY = '2026-12-02';
const entry: ReminderEntry = { id: 'e1', label: 'CI deploy', expiresOn: '2026-12-05', usedWhere: 'GitHub Actions' };

function props(patch: Partial<ReminderEntriesProps> = {}): ReminderEntriesProps {
  return {
    state: { status: 'ready', entries: [entry] },
    today: TODAY,
    editing: null,
    notice: null,
    onStartAdd: vi.fn(),
    onEdit: vi.fn(),
    onCancel: vi.fn(),
    onSave: vi.fn(async () => ({ ok: true as const, entry })),
    onRemove: vi.fn(),
    onReset: vi.fn(),
    ...patch,
  };
}
// The form holds what is typed (hooks): it stays one element with its props.
const render = (p: ReminderEntriesProps) => expand(<ReminderEntries {...p} />, [ReminderEntryForm]);

describe('ReminderEntries', () => {
  it('lists an entry with its expiry, where it is used, and that no secret is stored', () => {
    const nodes = render(props());
    const row = one(nodes, 'reminder-entry');
    expect(row.props['data-label']).toBe('CI deploy');
    expect(textOf(byTestId([row], 'reminder-entry-no-secret'))).toBe('No secret stored: reminder only');
    expect(textOf(byTestId([row], 'reminder-entry-expiry'))).toBe('Expires on 2026-12-05, in 3 days.');
    expect(one([row], 'reminder-entry-expiry').props['data-state']).toBe('expiring-soon');
    expect(textOf(byTestId([row], 'reminder-entry-used-where'))).toBe('GitHub Actions');
    expect(one([row], 'reminder-entry-edit').props['aria-label']).toBe('Edit “CI deploy”');
  });

  it('hands Edit, Remove and Add to its callbacks, and shows the form in the edited row', () => {
    const p = props();
    const nodes = render(p);
    fire(one(nodes, 'reminder-entry-edit'), 'onClick');
    fire(one(nodes, 'reminder-entry-remove'), 'onClick');
    fire(one(nodes, 'reminder-entry-add'), 'onClick');
    expect(p.onEdit).toHaveBeenCalledWith('e1');
    expect(p.onRemove).toHaveBeenCalledWith('e1');
    expect(p.onStartAdd).toHaveBeenCalled();
    const editing = render(props({ editing: 'e1' }));
    expect(byTestId(editing, 'reminder-entry')).toEqual([]);
    const [form] = findAll(editing, (e) => e.tag === 'ReminderEntryForm');
    expect(form?.props).toMatchObject({ entry, today: TODAY });
  });

  it('says when there is none, when the stored entries are damaged (with a reset), and a failure', () => {
    expect(textOf(byTestId(render(props({ state: { status: 'ready', entries: [] } })), 'reminder-entries-empty'))).toBe('No reminder-only entry yet.');
    const p = props({ state: { status: 'damaged', sentence: 'Your reminder-only entries are damaged.', resetting: false } });
    const damaged = render(p);
    expect(textOf(byTestId(damaged, 'reminder-entries-damaged'))).toContain('Your reminder-only entries are damaged.');
    fire(one(damaged, 'reminder-entries-damaged-reset'), 'onClick');
    expect(p.onReset).toHaveBeenCalled();
    expect(byTestId(damaged, 'reminder-entry-add')).toEqual([]);
    expect(textOf(byTestId(render(props({ notice: 'The background did not answer.' })), 'reminder-entries-notice'))).toBe('The background did not answer.');
  });

  it('is part of the Reminders section when given', () => {
    const nodes = expand(<RemindersSection view={{ thresholds: [7], choices: [7], status: null }} onChange={() => {}} entries={props()} />, [ReminderEntryForm]);
    expect(byTestId(nodes, 'reminder-entries')).toHaveLength(1);
  });
});

describe('entryExpiry', () => {
  it('counts calendar days to the date, and says when it has passed', () => {
    expect(entryExpiry('2026-12-02', TODAY)).toMatchObject({ state: 'expiring-soon', short: 'expires today' });
    expect(entryExpiry('2026-12-03', TODAY)).toMatchObject({ short: '1 day left', sentence: 'Expires on 2026-12-03, in 1 day.' });
    expect(entryExpiry('2027-01-31', TODAY)).toMatchObject({ state: 'ok', short: '60 days left' });
    expect(entryExpiry('2026-11-30', TODAY)).toEqual({ state: 'expired', short: 'expired', sentence: 'Expired on 2026-11-30 (2 days ago): replace it where it is used.' });
  });
});
