/** The longest tenant_info body the content script forwards (the real one is ~50 bytes). Zod-free: the content script imports it. */
export const TENANT_INFO_MAX_CHARS = 2048;

/** The longest tenant_info body a content script sends. */
export const CLOUD_ID_BODY_MAX_CHARS = TENANT_INFO_MAX_CHARS;
export const CLOUD_ID_REASON_MAX_CHARS = 200;
