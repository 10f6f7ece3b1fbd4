import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createTokenDetectionsArea, tokenDetectionsAreaDefinition } from './token-detections-area';
import { createTokensArea, tokensAreaDefinition } from './tokens-area';

/**
 * Empties the saved tokens and their detections without reading them first, so it works when
 * the stored data is damaged. Only ever run on the person's explicit request (`tokens-reset`):
 * the secrets are gone afterwards.
 */
export async function resetTokenStorage(local: StorageAreaLike): Promise<void> {
  await createTokensArea(local).write(tokensAreaDefinition.empty());
  await createTokenDetectionsArea(local).write(tokenDetectionsAreaDefinition.empty());
}
