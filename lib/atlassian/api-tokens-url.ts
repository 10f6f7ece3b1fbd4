/** Where Atlassian Cloud API tokens are created and revoked (classic and scoped alike). */
export const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';
