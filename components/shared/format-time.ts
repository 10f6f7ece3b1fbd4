/** A date and time in the browser's locale, for people. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}
