import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from './tab-id-from-search';

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N and nothing else', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tabId=0')).toBe(0);
    expect(tabIdFromSearch('?tabId=1152428140')).toBe(1152428140);
    for (const search of ['', '?tabId=', '?tabId=-1', '?tabId=1.5', '?tabId=abc', '?tabId=1e3', '?tabId=1234567890123456']) {
      expect(tabIdFromSearch(search), search).toBeNull();
    }
  });
});
