import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../background';
import { createMemoryDeviceKeyStore } from '../../core/storage/memory-device-key-store';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { EXTENSION, OPTIONS_PAGE } from '../../testing/background';
import type { BadgeView } from './badge';
import { SILENT_REMINDER_SURFACE } from './reminder-surface';

// The composition root's reminder wiring: the badge follows token changes, dates are the zone's.
describe('reminders in the background', () => {
  it('updates the badge on every token change, with today in the given time zone', async () => {
    const badges: BadgeView[] = [];
    const shown: string[] = [];
    // 2026-12-01 23:30 in New York is already 2026-12-02 in UTC.
    const now = Date.parse('2026-12-02T04:30:00Z');
    const background = createBackground({
      local: createMemoryStorageArea(),
      session: createMemoryStorageArea(),
      deviceKeys: createMemoryDeviceKeyStore(),
      extension: EXTENSION,
      clientDeps: { fetch: async () => Promise.reject(new Error('no network in this test')), now: () => now, sleep: async () => {}, random: () => 0.5 },
      vaultNow: () => new Date(now),
      getTab: async () => null,
      hasHostPermission: async () => false,
      now: () => now,
      notify: () => {},
      onError: (what, error) => {
        throw new Error(`${what}: ${String(error)}`);
      },
      timeZone: 'America/New_York',
      reminderSurface: {
        ...SILENT_REMINDER_SURFACE,
        setBadge: async (view) => void badges.push(view),
        showNotification: async (_id, n) => void shown.push(n.title),
      },
    });
    const input = { label: 'Work', kind: 'classic', email: 'ada@example.com', secret: 'fake-secret-0123456789abcdefghij-AAAA', expiresOn: '2026-12-08', sites: ['acme.atlassian.net'] };
    expect(await background.route({ type: 'tokens-add', input }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { ok: true } });
    await vi.waitFor(() => expect(badges.at(-1)).toMatchObject({ text: '7', title: 'Token “Work” expires in 7 days, on 2026-12-08' }));
    await background.reminders.evaluate();
    expect(shown).toEqual(['Token “Work” expires in 7 days']);
  });

  it('reminder-only entries: their reminder comes at once, the badge names them, and pages are told', async () => {
    const badges: BadgeView[] = [];
    const shown: { id: string; title: string }[] = [];
    const notices: string[] = [];
    const now = Date.parse('2026-12-02T12:00:00Z');
    const background = createBackground({
      local: createMemoryStorageArea(),
      session: createMemoryStorageArea(),
      deviceKeys: createMemoryDeviceKeyStore(),
      extension: EXTENSION,
      clientDeps: { fetch: async () => Promise.reject(new Error('no network in this test')), now: () => now, sleep: async () => {}, random: () => 0.5 },
      getTab: async () => null,
      hasHostPermission: async () => false,
      now: () => now,
      notify: (topic) => void notices.push(topic),
      onError: (what, error) => {
        throw new Error(`${what}: ${String(error)}`);
      },
      timeZone: 'Europe/Berlin',
      reminderSurface: {
        ...SILENT_REMINDER_SURFACE,
        setBadge: async (view) => void badges.push(view),
        showNotification: async (id, n) => void shown.push({ id, title: n.title }),
      },
    });
    const input = { label: 'CI deploy', expiresOn: '2026-12-05', usedWhere: 'GitHub Actions' };
    expect(await background.route({ type: 'reminder-entries-save', input }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { ok: true } });
    expect(shown).toEqual([{ id: expect.stringMatching(/^ctc-reminder:entry:[0-9a-f]{32}@2026-12-05$/), title: 'Token “CI deploy” expires in 3 days' }]);
    expect(badges.at(-1)).toMatchObject({ text: '3', title: 'Token “CI deploy” expires in 3 days, on 2026-12-05 (reminder only)' });
    expect(notices).toContain('reminders');
    expect(notices).not.toContain('tokens');
  });
});
