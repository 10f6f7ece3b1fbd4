import * as z from 'zod';

/**
 * What the token form sends to the background when adding or editing a token. Loose on
 * purpose (plain strings): `validateTokenInput` turns bad values into field messages, which
 * a schema failure could not; the bounds only stop absurd sizes. The secret travels only in
 * this message, from the options page.
 */
export const tokenFormInputSchema = z.strictObject({
  label: z.string().max(1000),
  kind: z.string().max(40),
  email: z.string().max(1000).optional(),
  /** Empty or absent when editing means "keep the saved secret". */
  secret: z.string().max(8192).optional(),
  expiresOn: z.string().max(40).optional(),
  sites: z.array(z.string().max(2048)).max(200).optional(),
  dcBaseUrl: z.string().max(2048).optional(),
  readOnly: z.boolean().optional(),
});
export type TokenFormInput = z.infer<typeof tokenFormInputSchema>;

export const TOKEN_FIELDS = ['label', 'kind', 'email', 'secret', 'expiresOn', 'sites', 'dcBaseUrl'] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];

/** One sentence per field that needs fixing, shown next to that field. */
export type TokenFieldErrors = Partial<Record<TokenField, string>>;

export const tokenFieldErrorsSchema = z.strictObject(
  Object.fromEntries(TOKEN_FIELDS.map((field) => [field, z.string().optional()])) as Record<TokenField, z.ZodOptional<z.ZodString>>,
);
