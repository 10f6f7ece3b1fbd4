import * as z from 'zod';

/**
 * What the token form sends to the background when adding or editing a token. Loose on
 * purpose (plain strings): `validateTokenInput` turns bad values into field messages, which
 * a schema failure could not. The secret travels only in this message, from the options page.
 */
export const tokenFormInputSchema = z.object({
  label: z.string(),
  kind: z.string(),
  email: z.string().optional(),
  /** Empty or absent when editing means "keep the saved secret". */
  secret: z.string().optional(),
  expiresOn: z.string().optional(),
  sites: z.array(z.string()).optional(),
  dcBaseUrl: z.string().optional(),
  readOnly: z.boolean().optional(),
});
export type TokenFormInput = z.infer<typeof tokenFormInputSchema>;

export const TOKEN_FIELDS = ['label', 'kind', 'email', 'secret', 'expiresOn', 'sites', 'dcBaseUrl'] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];

/** One sentence per field that needs fixing, shown next to that field. */
export type TokenFieldErrors = Partial<Record<TokenField, string>>;
