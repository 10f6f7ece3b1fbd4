import * as z from 'zod';
import type { StorageAreaLike } from '../../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../../core/storage/versioned-area';
import { healthKey, type HealthReport } from './health-report';
import { healthReportSchema } from './health-report-schema';

/**
 * The last health report per token and site, in `storage.local` under its own key (never beside
 * the secret records), so the popup can show it at once and the badge can say a check failed.
 */
export const HEALTH_STORAGE_KEY = 'healthReports';
export const HEALTH_SCHEMA_VERSION = 1;
/** A person has a handful of tokens and sites; this bounds what a bug could pile up. */
export const MAX_STORED_REPORTS = 200;

const healthDataSchema = z.strictObject({
  reports: z.array(healthReportSchema).max(MAX_STORED_REPORTS),
  /** Token id → the token revision an "invalid token" notification was shown for (once each). */
  alerted: z.record(z.string(), z.string()),
});
export type HealthData = z.infer<typeof healthDataSchema>;

export const healthAreaDefinition: VersionedAreaDefinition<HealthData> = {
  key: HEALTH_STORAGE_KEY,
  version: HEALTH_SCHEMA_VERSION,
  parse: (data) => healthDataSchema.parse(data),
  empty: () => ({ reports: [], alerted: {} }),
  migrations: {},
};

export interface HealthStore {
  get(tokenId: string, site: string): Promise<HealthReport | undefined>;
  /** Every stored report, of tokens in `liveTokenIds` only when given. */
  list(liveTokenIds?: ReadonlySet<string>): Promise<HealthReport[]>;
  put(report: HealthReport): Promise<void>;
  /** Drops the reports of tokens no longer saved. */
  prune(liveTokenIds: ReadonlySet<string>): Promise<void>;
  /**
   * Records that token `tokenId` at `revision` was alerted about; false when it already was
   * (a 401 shows one notification, not one per failed call).
   */
  markAlerted(tokenId: string, revision: string): Promise<boolean>;
}

export function createHealthStore(local: StorageAreaLike): HealthStore {
  const area: VersionedArea<HealthData> = createVersionedArea(local, healthAreaDefinition);
  // A damaged key is a lost cache, not lost input: reports are rebuilt by the next check.
  const read = () => area.read().catch((): HealthData => healthAreaDefinition.empty());
  return {
    async get(tokenId, site) {
      const key = healthKey(tokenId, site);
      return (await read()).reports.find((r) => healthKey(r.tokenId, r.site) === key);
    },
    async list(live) {
      const { reports } = await read();
      return live ? reports.filter((r) => live.has(r.tokenId)) : reports;
    },
    async put(report) {
      const key = healthKey(report.tokenId, report.site);
      const write = (current: HealthData): HealthData => ({
        ...current,
        reports: [...current.reports.filter((r) => healthKey(r.tokenId, r.site) !== key), report].slice(-MAX_STORED_REPORTS),
      });
      await area.update(write).catch(async () => area.write(write(healthAreaDefinition.empty())));
    },
    async prune(live) {
      const data = await read();
      if (data.reports.every((r) => live.has(r.tokenId)) && Object.keys(data.alerted).every((id) => live.has(id))) return;
      await area.write({
        reports: data.reports.filter((r) => live.has(r.tokenId)),
        alerted: Object.fromEntries(Object.entries(data.alerted).filter(([id]) => live.has(id))),
      });
    },
    async markAlerted(tokenId, revision) {
      let fresh = false;
      await area.update((current) => {
        fresh = current.alerted[tokenId] !== revision;
        return fresh ? { ...current, alerted: { ...current.alerted, [tokenId]: revision } } : current;
      });
      return fresh;
    },
  };
}
