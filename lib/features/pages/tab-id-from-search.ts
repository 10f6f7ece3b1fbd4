/**
 * The tab named by `?tabId=N` in the popup's URL, or null. End-to-end tests open the popup as an
 * ordinary page in its own tab, where "the active tab" would be the popup itself.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  // Chrome's tab ids are large (ten digits are common); any safe integer is accepted.
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}
