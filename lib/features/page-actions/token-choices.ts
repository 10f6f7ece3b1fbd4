import * as z from 'zod';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';

/**
 * Which token a person picked for a site, when several are for it: the popup, menus and
 * shortcuts all use that one. In `storage.local` under its own key; only ids, never a secret.
 */
export const TOKEN_CHOICES_KEY = 'tokenChoices';

const choicesSchema = z.strictObject({ bySite: z.record(z.string().max(300), z.string().max(100)) });
type Choices = z.infer<typeof choicesSchema>;

export const tokenChoicesDefinition: VersionedAreaDefinition<Choices> = {
  key: TOKEN_CHOICES_KEY,
  version: 1,
  parse: (data) => choicesSchema.parse(data),
  empty: () => ({ bySite: {} }),
  migrations: {},
};

export interface TokenChoices {
  /** The token chosen for `site`, if any (it may since have been removed or changed sites). */
  get(site: string): Promise<string | undefined>;
  set(site: string, tokenId: string): Promise<void>;
}

export function createTokenChoices(local: StorageAreaLike): TokenChoices {
  const area = createVersionedArea(local, tokenChoicesDefinition);
  const key = (site: string) => site.trim().toLowerCase();
  return {
    // A damaged key only loses a preference: the first token for the site is used instead.
    get: async (site) => (await area.read().catch(() => tokenChoicesDefinition.empty())).bySite[key(site)],
    async set(site, tokenId) {
      await area.update((current) => ({ bySite: { ...current.bySite, [key(site)]: tokenId } })).catch(() => area.write({ bySite: { [key(site)]: tokenId } }));
    },
  };
}
