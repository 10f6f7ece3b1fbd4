// The Data Center server's 401s: its JSON answer for a refused PAT, Tomcat's HTML page for a
// failed Basic login (or for every 401, when a test asks), and the spurious "Login Required"
// that follows rate limiting. One place, so the HTML switch covers them all.
import {
  DC_BASIC_AUTH_FAILURE_MESSAGE,
  DC_HTML_UNAUTHORIZED_COVERS_LOGIN_REQUIRED,
  DC_LOGIN_REQUIRED_MESSAGE,
  DC_TOMCAT_HTML_CONTENT_TYPE,
  DC_UNAUTHORIZED_MESSAGE,
  tomcatUnauthorizedPage,
  v1ErrorBody,
} from './guesses';
import { json, text, type SimResponse } from './http';
import type { SimState } from './state';

/** Tomcat's error report for a failed login (seen). */
export function tomcatUnauthorized(): SimResponse {
  return text(401, tomcatUnauthorizedPage(DC_BASIC_AUTH_FAILURE_MESSAGE), DC_TOMCAT_HTML_CONTENT_TYPE);
}

/** No, wrong, expired or revoked PAT. */
export function dcUnauthorized(state: SimState): SimResponse {
  return state.dcHtmlUnauthorized ? tomcatUnauthorized() : json(401, v1ErrorBody(401, DC_UNAUTHORIZED_MESSAGE));
}

/** The spurious 401 right after a 429 (seen under load). */
export function dcLoginRequired(state: SimState): SimResponse {
  if (state.dcHtmlUnauthorized && DC_HTML_UNAUTHORIZED_COVERS_LOGIN_REQUIRED) return tomcatUnauthorized();
  return json(401, v1ErrorBody(401, DC_LOGIN_REQUIRED_MESSAGE));
}
