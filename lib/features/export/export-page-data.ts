/*
 * What the background hands the export page about one Confluence page: its facts and every body
 * the converters use. Zod-free, so the export page and popup import it; the port's schemas
 * (background/port-requests.ts) are checked against these types.
 */

export interface ExportPageData {
  id: string;
  /** `page`, `blogpost`… */
  type: string;
  title: string;
  spaceKey?: string | undefined;
  spaceName?: string | undefined;
  version: number;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
  createdAt?: string | undefined;
  createdBy?: string | undefined;
  labels: string[];
  /** `https://<site>` (Data Center: the base URL): links point here, never at the gateway. */
  siteUrl: string;
  /** The page in Confluence, on the site. */
  webUrl: string;
  tinyUrl?: string | undefined;
  /** Root first, as Confluence lists them. */
  ancestors: Array<{ id: string; title: string }>;
  bodies: {
    storage?: string | undefined;
    /** ADF as Confluence sends it: a JSON text. */
    adf?: string | undefined;
    exportView?: string | undefined;
  };
}

export interface ExportAttachment {
  id: string;
  /** The file name. */
  title: string;
  mediaType?: string | undefined;
  fileSize?: number | undefined;
}

/** An attachment's bytes: a signed URL the page fetches without credentials, or the bytes. */
export type ExportFile = { kind: 'signed-url'; url: string; mediaType?: string | undefined } | { kind: 'bytes'; base64: string; mediaType?: string | undefined };

/** What each port answer reports about the calls behind it. */
export interface ExportCallStats {
  calls: number;
  /** 429s met and ridden out by the client's retries. */
  rateLimited: number;
}
