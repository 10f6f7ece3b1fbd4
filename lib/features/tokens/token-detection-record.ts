import * as z from 'zod';
import { siteDetectionSchema } from './site-detection';

/**
 * One detection as stored: which token, made with which revision of its secret (never the
 * secret itself or anything computed from it), and what probing one site showed.
 */
export const storedDetectionSchema = siteDetectionSchema.extend({
  tokenId: z.string().min(1),
  secretRevision: z.number().int().positive(),
});
export type StoredDetection = z.infer<typeof storedDetectionSchema>;

export const tokenDetectionsDataSchema = z
  .object({ detections: z.array(storedDetectionSchema) })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.detections.forEach((d, index) => {
      const key = `${d.tokenId} ${d.site}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['detections', index], message: 'second detection of one token on one site' });
      seen.add(key);
    });
  });
export type TokenDetectionsData = z.infer<typeof tokenDetectionsDataSchema>;
