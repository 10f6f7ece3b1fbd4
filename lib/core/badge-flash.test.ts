import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_FLASH_MS, createBadgeFlasher, FLASH_COLOURS, type BadgeLook } from './badge-flash';

const WARNING: BadgeLook = { text: '3', colour: '#E65100', title: 'Token “CI” expires in 3 days' };
const EXPIRED: BadgeLook = { text: '!', colour: '#B3261E', title: 'Token “CI” expired' };
const CLEAR: BadgeLook = { text: '', colour: '#F9A825', title: 'Confluence Token Companion' };
const TICK = { text: '✓', colour: FLASH_COLOURS.ok, title: 'Copied' };

describe('createBadgeFlasher', () => {
  let shown: BadgeLook[];
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
  });
  afterEach(() => void vi.useRealTimers());
  const flasher = (extra: Partial<Parameters<typeof createBadgeFlasher>[0]> = {}) =>
    createBadgeFlasher({ show: async (view) => void shown.push(view), ...extra });
  const last = () => shown.at(-1);

  it('passes computed badges through when no flash runs', async () => {
    const badge = flasher();
    await badge.setBadge(WARNING);
    await badge.setBadge(CLEAR);
    expect(shown).toEqual([WARNING, CLEAR]);
  });

  it('shows a flash for its time, then the computed badge again', async () => {
    const badge = flasher();
    await badge.setBadge(WARNING);
    await badge.flash(TICK);
    expect(last()).toEqual(TICK);
    await vi.advanceTimersByTimeAsync(BADGE_FLASH_MS - 1);
    expect(last()).toEqual(TICK);
    await vi.advanceTimersByTimeAsync(1);
    expect(last()).toEqual(WARNING);
  });

  it('keeps a badge computed during the flash and shows it when the flash ends, not before', async () => {
    const badge = flasher();
    await badge.setBadge(CLEAR);
    await badge.flash(TICK, 2_000);
    await badge.setBadge(WARNING);
    await badge.setBadge(EXPIRED);
    expect(last()).toEqual(TICK);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown).toEqual([CLEAR, TICK, EXPIRED]);
  });

  it('keeps the computed tooltip (the token warning) during a flash without its own title', async () => {
    const badge = flasher();
    await badge.setBadge(EXPIRED);
    await badge.flash({ text: '!', colour: FLASH_COLOURS.error });
    expect(last()).toEqual({ text: '!', colour: FLASH_COLOURS.error, title: EXPIRED.title });
  });

  it('a second flash replaces the first with its own time; the warning returns once the last one ends', async () => {
    const badge = flasher();
    await badge.setBadge(WARNING);
    await badge.flash(TICK, 3_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await badge.flash({ text: '!', colour: FLASH_COLOURS.error, title: 'Locked' }, 3_000);
    await vi.advanceTimersByTimeAsync(1_000); // the first flash's end: nothing happens
    expect(last()?.title).toBe('Locked');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last()).toEqual(WARNING);
  });

  it('ends the flash on time even when writing it failed', async () => {
    let fail = true;
    const badge = createBadgeFlasher({
      show: async (view) => {
        if (fail) throw new Error('no badge');
        shown.push(view);
      },
    });
    await badge.setBadge(WARNING).catch(() => {});
    await expect(badge.flash(TICK)).rejects.toThrow('no badge');
    fail = false;
    await vi.advanceTimersByTimeAsync(BADGE_FLASH_MS);
    expect(shown).toEqual([WARNING]);
  });

  it('asks for the computed badge when a flash ends before any was seen (a fresh service worker)', async () => {
    const refresh = vi.fn(async () => badge.setBadge(WARNING));
    const badge = flasher({ refresh });
    await badge.flash(TICK);
    await vi.advanceTimersByTimeAsync(BADGE_FLASH_MS);
    expect(refresh).toHaveBeenCalledOnce();
    expect(shown).toEqual([TICK, WARNING]);
  });

  it('writes in the order asked, even when a write is slow', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const badge = createBadgeFlasher({
      show: async (view) => {
        if (view === WARNING) await slow;
        shown.push(view);
      },
    });
    const first = badge.setBadge(WARNING);
    const second = badge.flash(TICK);
    release();
    await Promise.all([first, second]);
    expect(shown).toEqual([WARNING, TICK]);
  });

  it('reports a failed restore', async () => {
    const onError = vi.fn();
    const badge = createBadgeFlasher({ show: async () => {}, refresh: async () => Promise.reject(new Error('vault')), onError });
    await badge.flash(TICK);
    await vi.advanceTimersByTimeAsync(BADGE_FLASH_MS);
    expect(onError).toHaveBeenCalledWith('Restoring the badge after a flash', expect.any(Error));
  });
});
