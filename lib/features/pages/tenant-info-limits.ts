/** The longest tenant_info body the content script forwards (the real one is ~50 bytes). Zod-free: the content script imports it. */
export const TENANT_INFO_MAX_CHARS = 2048;
