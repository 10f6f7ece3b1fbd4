// User objects as Cloud v1 and Data Center return them (schema: v1 `User`).
import { HIDE_OTHER_USERS_EMAIL, anonymousUserBody, dcAnonymousUserBody, profilePicturePath } from './guesses';
import type { Principal } from './content-store';
import type { SimUser } from './types';
import type { Flavor } from './urls';

export interface UserEnv {
  base: string;
  context: string;
  flavor: Flavor;
}

export function cloudUserJson(user: SimUser, env: UserEnv, isSelf: boolean): Record<string, unknown> {
  const accountId = user.accountId ?? '';
  return {
    type: 'known',
    accountId,
    accountType: 'atlassian',
    email: isSelf || !HIDE_OTHER_USERS_EMAIL ? user.email : '',
    publicName: user.publicName,
    profilePicture: { path: profilePicturePath(accountId), width: 48, height: 48, isDefault: false },
    displayName: user.displayName,
    timeZone: isSelf ? user.timeZone : null,
    isExternalCollaborator: false,
    externalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${env.base}/rest/api/user?accountId=${encodeURIComponent(accountId)}` },
  };
}

export function dcUserJson(user: SimUser, env: UserEnv): Record<string, unknown> {
  return {
    type: 'known',
    username: user.username ?? user.key,
    userKey: user.userKey ?? user.key,
    profilePicture: { path: `${env.context}/images/icons/profilepics/default.svg`, width: 48, height: 48, isDefault: true },
    displayName: user.displayName,
    _links: { self: `${env.base}/rest/api/user?key=${user.userKey ?? user.key}` },
  };
}

export function userJson(user: SimUser, env: UserEnv, isSelf: boolean): Record<string, unknown> {
  return env.flavor === 'dc' ? dcUserJson(user, env) : cloudUserJson(user, env, isSelf);
}

/** `GET /rest/api/user/current` for whoever is calling. */
export function currentUserJson(principal: Principal, env: UserEnv): Record<string, unknown> {
  if (principal.kind === 'anonymous') {
    return env.flavor === 'dc' ? dcAnonymousUserBody(env.base) : anonymousUserBody({ base: env.base, context: env.context });
  }
  const body = userJson(principal.user, env, true);
  body._links = { ...(body._links as object), base: env.base, context: env.context };
  return body;
}

export function isSelf(principal: Principal, user: SimUser): boolean {
  return principal.kind === 'user' && principal.user.key === user.key;
}
