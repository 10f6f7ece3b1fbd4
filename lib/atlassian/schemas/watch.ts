/**
 * Watch status of a page or space. Cloud answers `{"watching": bool}`, Data Center a bare
 * `true`/`false`; both become `{ watching }`.
 */
import * as z from 'zod';

export const watchStatusSchema = z
  .union([z.object({ watching: z.boolean() }), z.boolean()])
  .transform((value) => (typeof value === 'boolean' ? { watching: value } : { watching: value.watching }));
export type WatchStatus = z.output<typeof watchStatusSchema>;
