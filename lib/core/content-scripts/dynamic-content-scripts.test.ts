import { describe, expect, it } from 'vitest';
import { createDynamicContentScripts, type RegisteredScript, type ScriptingApi } from './dynamic-content-scripts';

function fakeScripting(refuse: (script: RegisteredScript) => boolean = () => false) {
  const registered = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    async registerContentScripts(scripts) {
      for (const s of scripts) {
        calls.push(`register ${s.id}`);
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        if (refuse(s)) throw new Error('Permission denied');
        registered.set(s.id, s);
      }
    },
    async unregisterContentScripts({ ids }) {
      calls.push(`unregister ${ids.join(',')}`);
      for (const id of ids) registered.delete(id);
    },
    async getRegisteredContentScripts() {
      return [...registered.values()].map((s) => ({ id: s.id, matches: s.matches }));
    },
  };
  return { api, registered, calls };
}

const options = { idPrefix: 'ctc-dc-', js: ['content-scripts/content.js'] };

describe('dynamic content scripts', () => {
  it('registers what is wanted, not persisted, and leaves other scripts alone', async () => {
    const fake = fakeScripting();
    fake.registered.set('someone-else', { id: 'someone-else', matches: ['https://x/*'], js: [], runAt: 'document_idle', persistAcrossSessions: true });
    const scripts = createDynamicContentScripts(fake.api, options);
    const outcome = await scripts.sync(new Map([['ctc-dc-a', ['https://a.example/confluence/*']]]));
    expect(outcome).toEqual({ registered: ['ctc-dc-a'], unregistered: [], failed: [] });
    expect(fake.registered.get('ctc-dc-a')).toEqual({
      id: 'ctc-dc-a',
      matches: ['https://a.example/confluence/*'],
      js: ['content-scripts/content.js'],
      runAt: 'document_idle',
      persistAcrossSessions: false,
    });
    expect(await scripts.ids()).toEqual(['ctc-dc-a']);
    expect(fake.registered.has('someone-else')).toBe(true);
  });

  it('is idempotent, replaces changed matches and drops what is no longer wanted', async () => {
    const fake = fakeScripting();
    const scripts = createDynamicContentScripts(fake.api, options);
    await scripts.sync(new Map([['ctc-dc-a', ['https://a.example/*']], ['ctc-dc-b', ['https://b.example/*']]]));
    fake.calls.length = 0;
    await scripts.sync(new Map([['ctc-dc-a', ['https://a.example/*']], ['ctc-dc-b', ['https://b.example/*']]]));
    expect(fake.calls).toEqual([]);
    const outcome = await scripts.sync(new Map([['ctc-dc-a', ['https://a.example/wiki/*']]]));
    expect(outcome.unregistered.sort()).toEqual(['ctc-dc-a', 'ctc-dc-b']);
    expect(outcome.registered).toEqual(['ctc-dc-a']);
    expect([...fake.registered.keys()]).toEqual(['ctc-dc-a']);
    expect(fake.registered.get('ctc-dc-a')?.matches).toEqual(['https://a.example/wiki/*']);
  });

  it('one refused origin does not keep the others from being registered', async () => {
    const fake = fakeScripting((s) => s.matches[0]!.includes('revoked'));
    const scripts = createDynamicContentScripts(fake.api, options);
    const outcome = await scripts.sync(new Map([['ctc-dc-r', ['https://revoked.example/*']], ['ctc-dc-ok', ['https://ok.example/*']]]));
    expect(outcome.registered).toEqual(['ctc-dc-ok']);
    expect(outcome.failed).toEqual([{ id: 'ctc-dc-r', reason: 'Permission denied' }]);
  });

  it('overlapping syncs do not register the same id twice', async () => {
    const fake = fakeScripting();
    const scripts = createDynamicContentScripts(fake.api, options);
    const wanted = new Map([['ctc-dc-a', ['https://a.example/*']]]);
    const [first, second] = await Promise.all([scripts.sync(wanted), scripts.sync(wanted)]);
    expect(first.failed).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(fake.calls.filter((c) => c.startsWith('register'))).toEqual(['register ctc-dc-a']);
  });
});
