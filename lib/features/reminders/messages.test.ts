import { describe, expect, it } from 'vitest';
import { createTestBackground, OPTIONS_PAGE } from '../../testing/background';

describe('reminder messages', () => {
  it('reminders-settings gives the defaults; reminders-set-thresholds keeps a valid choice', async () => {
    const bg = createTestBackground();
    const all = [30, 14, 7, 3, 1, 0];
    expect(await bg.route({ type: 'reminders-settings' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { thresholds: all, choices: all } });
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [0, 7] }, OPTIONS_PAGE)).toEqual({ ok: true, data: { thresholds: [7, 0], choices: all } });
    expect(await bg.route({ type: 'reminders-settings' }, OPTIONS_PAGE)).toMatchObject({ data: { thresholds: [7, 0] } });
    expect(bg.local.dump().reminders).toMatchObject({ schemaVersion: 1, data: { thresholds: [7, 0] } });
  });

  it('refuses a threshold that is not a choice', async () => {
    const bg = createTestBackground();
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [5] }, OPTIONS_PAGE)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});
