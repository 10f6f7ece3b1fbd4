/**
 * The Data Center probe: `GET <base URL>/rest/api/space?limit=1` and `GET <base URL>/` without any
 * credential, to tell whether an address a person typed is Confluence before anything is saved.
 * Sent by the executor like every call (no redirects followed, no cookies, logged under
 * NO_TOKEN_LABEL); every HTTP answer is data for the caller to judge, only a network failure is a
 * failure.
 */
import { MAX_JSON_ANSWER_BYTES } from '../schemas/bounds';
import { NO_TOKEN_LABEL } from '../unauthenticated';
import type { Call } from './execute';

/** What one probe answer said, cut to what judging it needs. */
export interface DcProbeAnswer {
  status: number;
  contentType: string;
  /** At most MAX_JSON_ANSWER_BYTES of the body. */
  text: string;
}

export const DC_PROBE_PATHS = { rest: '/rest/api/space?limit=1', page: '/' } as const;
export type DcProbeTarget = keyof typeof DC_PROBE_PATHS;

/** `baseUrl` must already be a normalised https base URL (lib/sites/site-key.ts). */
export function dcProbeCall(baseUrl: string, target: DcProbeTarget, signal: AbortSignal | undefined): Call<DcProbeAnswer> {
  const path = DC_PROBE_PATHS[target];
  return {
    label: { tokenLabel: NO_TOKEN_LABEL, site: new URL(baseUrl).host, operation: target === 'rest' ? 'probeDataCenterRest' : 'probeDataCenterPage', method: 'GET' },
    request: {
      url: `${baseUrl}${path}`,
      method: 'GET',
      headers: { Accept: target === 'rest' ? 'application/json' : 'text/html' },
      download: false,
      maxBodyBytes: MAX_JSON_ANSWER_BYTES,
    },
    signal,
    // Not repeated: a person waits on the form, and an address that does not answer at once is
    // told as unreachable (the retries would make that about 7 s).
    idempotent: false,
    secrets: [],
    read(answer) {
      const text = answer.body.kind === 'text' ? answer.body.text : '';
      return { ok: true, data: { status: answer.status, contentType: answer.headers.get('content-type') ?? '', text } };
    },
  };
}

