import { describe, expect, it } from 'vitest';
import { detectedIdentitySchema, siteDetectionSchema } from '../../features/tokens/site-detection';
import { answerByteLimit, describeBytes, MAX_JSON_ANSWER_BYTES, MAX_PAGE_BODY_ANSWER_BYTES, MAX_TEXT_CHARS } from './bounds';

describe('bounds', () => {
  it('answers: 2 MB, page bodies more', () => {
    expect(describeBytes(MAX_JSON_ANSWER_BYTES)).toBe('2 MB');
    expect(answerByteLimit('getCurrentUser')).toBe(MAX_JSON_ANSWER_BYTES);
    expect(answerByteLimit('getPageById')).toBe(MAX_PAGE_BODY_ANSWER_BYTES);
    expect(answerByteLimit('getContentById')).toBe(MAX_PAGE_BODY_ANSWER_BYTES);
  });

  it('the identity a token keeps (features/tokens/site-detection.ts) is cut to MAX_TEXT_CHARS, so one stored before still reads', () => {
    const huge = 'N'.repeat(4 * 1024 * 1024);
    const identity = detectedIdentitySchema.parse({ accountId: `557058:${huge}`, displayName: huge });
    expect(identity.accountId).toHaveLength(MAX_TEXT_CHARS);
    expect(identity.displayName).toHaveLength(MAX_TEXT_CHARS);
    expect(detectedIdentitySchema.parse({ accountId: 'a1', displayName: 'Ada' })).toEqual({ accountId: 'a1', displayName: 'Ada' });
    expect(detectedIdentitySchema.safeParse({ accountId: '' }).success).toBe(false);
    const detection = siteDetectionSchema.parse({ site: 'acme.atlassian.net', kind: 'classic', checkedAt: '2025-03-01T12:00:00.000Z', identity: { accountId: 'a1', displayName: huge } });
    expect(detection.identity?.displayName).toHaveLength(MAX_TEXT_CHARS);
  });
});
