import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createMemoryStorageArea } from './storage-area';
import { createVersionedArea, StoredDataTooNewError, type VersionedAreaDefinition } from './versioned-area';

const schema = z.object({ names: z.array(z.object({ first: z.string(), last: z.string() })) });
type Data = z.infer<typeof schema>;
const def: VersionedAreaDefinition<Data> = {
  key: 'people',
  version: 2,
  parse: (d) => schema.parse(d),
  empty: () => ({ names: [] }),
  migrations: {
    1: (old: { names: string[] }) => ({
      names: old.names.map((n) => ({ first: n.split(' ')[0] ?? '', last: n.split(' ').slice(1).join(' ') })),
    }),
  },
};

describe('versioned storage area', () => {
  it('starts empty when nothing is stored', async () => {
    const area = createVersionedArea(createMemoryStorageArea(), def);
    expect(await area.read()).toEqual({ names: [] });
  });

  it('migrates old data, keeps every entry, and writes the new version back', async () => {
    const storage = createMemoryStorageArea({ people: { schemaVersion: 1, data: { names: ['Ada Lovelace', 'Grace B Hopper'] } } });
    const area = createVersionedArea(storage, def);
    expect(await area.read()).toEqual({
      names: [
        { first: 'Ada', last: 'Lovelace' },
        { first: 'Grace', last: 'B Hopper' },
      ],
    });
    expect(storage.dump().people).toMatchObject({ schemaVersion: 2 });
  });

  it('refuses data from a newer version and leaves it untouched', async () => {
    const stored = { people: { schemaVersion: 3, data: { whatever: true } } };
    const storage = createMemoryStorageArea(stored);
    await expect(createVersionedArea(storage, def).read()).rejects.toBeInstanceOf(StoredDataTooNewError);
    expect(storage.dump()).toEqual(stored);
  });

  it('serialises concurrent updates so none is lost', async () => {
    const area = createVersionedArea(createMemoryStorageArea(), def);
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((n) => area.update((d) => ({ names: [...d.names, { first: n, last: '' }] }))),
    );
    expect((await area.read()).names.map((n) => n.first).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
