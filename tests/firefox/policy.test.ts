import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { attributeOf, click, countOf, expect, expectAttribute, expectCount, expectText, fill, press, test, tid, type FirefoxExtensionGlobal } from './harness';
import { addToken } from './token-steps';

// The organisation's managed policy in real Firefox (issue 12, docs/policy.md). Each Firefox gets
// its policy from a managed-storage manifest in a HOME of its own (harness.ts, `managedPolicy`),
// which Firefox reads for storage.managed as it would a policies.json `3rdparty` entry; the other
// tests' Firefoxes, running at the same time, see none.

const acme = SIM_SITES.acme;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;

/** What the extension itself reads from storage.managed, from one of its pages. */
const managedStorage = async () => {
  try {
    return await (globalThis as FirefoxExtensionGlobal).browser.storage.managed.get();
  } catch (error) {
    return { rejected: String((error as Error).message ?? error) };
  }
};

test.describe('forceReadOnly', () => {
  test.override({ managedPolicy: { forceReadOnly: true } });

  test('a watch from the popup is refused before the network, and the simulator gets no write', async ({ ff, sim }) => {
    const options = await ff.openOptions();
    expect(await ff.inExtension(managedStorage, null)).toEqual({ forceReadOnly: true });
    // The person's own switch is off: only the policy makes the token read-only.
    await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });

    const page = await ff.newTab(architectureUrl);
    const popup = await ff.openPopup(page);
    await expectAttribute(popup, tid('popup-token'), 'data-label', 'Acme classic');
    const toggle = tid('watch-toggle');
    await expect.poll(() => attributeOf(popup, toggle, 'data-watching'), { timeout: 10_000 }).toMatch(/^(true|false)$/);
    const before = await attributeOf(popup, toggle, 'data-watching');

    sim.clearLog();
    await click(popup, toggle);
    await expectAttribute(popup, tid('action-result'), 'data-failure', 'read-only-refused');
    await expectText(popup, tid('action-result'), /read-only/i);
    await expectAttribute(popup, toggle, 'data-watching', before!);
    await ff.saveScreenshot(popup, 'policy-force-read-only-popup');
    // Refused before the network: the popup may still read the watch status (GET), but no watch
    // write reached the simulator, nor any other write.
    expect(sim.log.filter((e) => e.path.includes('/user/watch/') && e.method !== 'GET')).toEqual([]);
    expect(sim.log.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.host}${e.path}`)).toEqual([]);
  });
});

test.describe('allowedTokenKinds', () => {
  test.override({ managedPolicy: { allowedTokenKinds: ['scoped'] } });

  test('adding a classic token is refused with a sentence naming the policy, and nothing is saved', async ({ ff, sim }) => {
    const options = await ff.openOptions();
    expect(await ff.inExtension(managedStorage, null)).toEqual({ allowedTokenKinds: ['scoped'] });

    await press(options, tid('add-token-open'));
    const form = tid('token-form');
    await fill(options, tid('field-label', form), 'Acme classic');
    await click(options, tid('field-kind-classic', form));
    await fill(options, tid('field-email', form), SIM_USERS.alice.email);
    await click(options, tid('quick-pick-90', form));
    await fill(options, tid('field-other-sites', form), acme.host);
    await fill(options, tid('field-secret', form), SIM_TOKENS.aliceClassic.secret);
    sim.clearLog();
    await click(options, tid('save-token', form));

    await expectText(options, tid('field-error-kind', form), /allowedTokenKinds/);
    await expectText(options, tid('field-error-kind', form), /scoped token/);
    await ff.saveScreenshot(options, 'policy-allowed-token-kinds-refused');
    // The form stays open with what was typed; no token row, and the token went nowhere.
    expect(await countOf(options, form)).toBe(1);
    await expectCount(options, tid('token-row'), 0);
    expect(sim.log.filter((e) => e.authKind !== 'none').map((e) => `${e.method} ${e.host}${e.path}`)).toEqual([]);
  });
});

test.describe('a malformed value', () => {
  // Firefox has no schema for managed storage: the wrong type arrives as written, and the
  // extension ignores that key alone, with a warning, while the others still apply.
  test.override({ managedPolicy: { minimumReminderDays: 'seven', disableActivityExport: true, forceReadonly: true } });

  test('is ignored alone with a warning in the options page, and the other keys apply', async ({ ff }) => {
    const options = await ff.openOptions();
    await expectCount(options, tid('policy-section'), 1);
    await expectText(options, tid('policy-warning'), /minimumReminderDays/);
    expect(await options.$$eval(tid('policy-warning'), (els) => els.map((e) => e.textContent ?? ''))).toEqual([
      expect.stringMatching(/“minimumReminderDays” is ignored: it must be a whole number of days/),
      expect.stringMatching(/“forceReadonly” is not one this extension knows/),
    ]);
    await expectAttribute(options, tid('policy-setting'), 'data-policy-key', 'disableActivityExport');
    await expectCount(options, tid('activity-export-off'), 1);
    await expectCount(options, tid('export-json'), 0);
    await ff.saveScreenshot(options, 'policy-malformed-value-options');
  });
});
