import { describe, expect, it } from 'vitest';
import { browserReminderSurface, type ReminderBrowser } from './browser-surface';

function fakeBrowser(withButtons: boolean) {
  const created: Record<string, unknown>[] = [];
  const calls: string[] = [];
  const api: ReminderBrowser = {
    notifications: {
      create: async (_id, options) => (created.push(options), 'id'),
      clear: async () => true,
      ...(withButtons ? { onButtonClicked: {} } : {}),
    },
    action: {
      setBadgeText: async ({ text }) => void calls.push(`text:${text}`),
      setBadgeBackgroundColor: async ({ color }) => void calls.push(`colour:${color}`),
      setTitle: async ({ title }) => void calls.push(`title:${title}`),
    },
    tabs: { create: async () => ({}) },
    runtime: { getURL: (path) => `chrome-extension://ext${path}` },
  };
  return { api, created, calls };
}

describe('browserReminderSurface', () => {
  const notification = { title: 'T', message: 'M', buttons: ['Snooze a day', 'Renew'] };

  it('sends basic notifications with the icon, and buttons where the browser has them', async () => {
    const chrome = fakeBrowser(true);
    await browserReminderSurface(chrome.api).showNotification('n', notification);
    expect(chrome.created).toEqual([
      { type: 'basic', iconUrl: 'chrome-extension://ext/icon-128.png', title: 'T', message: 'M', buttons: [{ title: 'Snooze a day' }, { title: 'Renew' }] },
    ]);
    const firefox = fakeBrowser(false);
    await browserReminderSurface(firefox.api).showNotification('n', notification);
    expect(firefox.created[0]).not.toHaveProperty('buttons');
  });

  it('sets badge text, colour and title; an empty badge keeps its colour untouched', async () => {
    const b = fakeBrowser(true);
    const surface = browserReminderSurface(b.api);
    await surface.setBadge({ text: '7', colour: '#F9A825', title: 'x' });
    await surface.setBadge({ text: '', colour: '#F9A825', title: 'Default' });
    expect(b.calls).toEqual(['text:7', 'colour:#F9A825', 'title:x', 'text:', 'title:Default']);
    expect(surface.optionsUrl('renew=a')).toBe('chrome-extension://ext/options.html#renew=a');
  });
});
