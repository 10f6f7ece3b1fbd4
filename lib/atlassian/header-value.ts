/** Header lookup shared by everything that reads Atlassian's answers (no other imports, so no cycles). */

export type HeaderSource = Headers | Record<string, string | undefined>;

/** Case-insensitive header lookup over fetch `Headers` or a plain object. */
export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | undefined>)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
