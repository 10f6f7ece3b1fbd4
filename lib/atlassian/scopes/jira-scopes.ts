import type { JiraOperationId } from '../operations';
import type { GeneratedOperationScopes } from './scope-table.generated';

/**
 * Scopes of the Jira operations the health report calls. Jira's OpenAPI spec is not among
 * ../shared/atlassian/openapi, so these are typed by hand from memory of Atlassian's Jira
 * reference: a **guess** until that spec is added (then derive them like Confluence's). The
 * classic scope alone, or the whole granular set, covers the call.
 */
export const JIRA_SCOPES: Readonly<Record<JiraOperationId, GeneratedOperationScopes>> = {
  getJiraCurrentUser: {
    specOperationId: 'getCurrentUser',
    classic: ['read:jira-user'],
    granular: ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira'],
  },
};
