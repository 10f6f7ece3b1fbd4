// The Confluence simulator: a real HTTPS server standing in for Atlassian (Cloud sites, the API
// gateway, the media host, a Data Center server) in end-to-end tests and the demo.
import https from 'node:https';
import { createControl } from './control';
import { SIM_DC, SIM_OTHER_HOSTS } from './fixtures';
import { startServer } from './server';
import { createSimFetch } from './sim-fetch';
import { loadSpecIndex } from './spec-scopes';
import { SimState } from './state';
import { createCertificate } from './tls';
import type { Simulator, SimulatorOptions } from './types';

export type {
  AuthKind,
  FailContentSpec,
  FaultKind,
  FaultSpec,
  GenerateTreeSpec,
  RateLimitBudgetSpec,
  RateLimitSpec,
  RequestLogEntry,
  ServiceUnavailableSpec,
  SimToken,
  SimTokenSpec,
  SimUser,
  Simulator,
  SimulatorControl,
  SimulatorOptions,
  TenantInfoMode,
  TokenKind,
} from './types';
export * from './fixtures';
export { SIM_CONTENT } from './all-content';
export { EXPORT_CSHARP_CODE, EXPORT_PLAIN_CODE, EXPORT_ROOT_SAMPLES, SIM_EXPORT, SIM_EXPORT_PAGES } from './export-fixtures';
export { GENERATED_ATTACHMENT_ID_BASE, GENERATED_PAGE_ID_BASE } from './generate-tree';
export { idForTinyCode, tinyCodeForId } from './tiny-link';
export { authorizationFor, basicAuthorization, bearerAuthorization } from './credentials';

/** Hosts the simulator serves besides `*.atlassian.net` and `*.atlassian.com`. */
const OTHER_SIMULATED_HOSTS: readonly string[] = [SIM_DC.host, SIM_OTHER_HOSTS.notConfluence];

/**
 * Chromium's `--host-resolver-rules` sending every simulated host to the simulator's port, and
 * the unreachable host nowhere (its name does not resolve).
 */
export function hostResolverRules(port: number): string {
  const to = `127.0.0.1:${port}`;
  return [
    `MAP *.atlassian.net ${to}`,
    `MAP *.atlassian.com ${to}`,
    ...OTHER_SIMULATED_HOSTS.map((h) => `MAP ${h} ${to}`),
    `MAP ${SIM_OTHER_HOSTS.unreachable} ~NOTFOUND`,
  ].join(', ');
}

/** Whether the simulator serves `host` (what `hostResolverRules` maps to it): for proxies that tunnel only those. */
export function isSimulatedHost(host: string): boolean {
  const h = host.toLowerCase();
  return h.endsWith('.atlassian.net') || h.endsWith('.atlassian.com') || OTHER_SIMULATED_HOSTS.includes(h);
}

/** Whether `host` is the one that must look dead (DNS failure, failed CONNECT). */
export function isUnreachableHost(host: string): boolean {
  return host.toLowerCase() === SIM_OTHER_HOSTS.unreachable;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = new SimState(Math.max(0, options.latencyMs ?? 0));
  const specs = loadSpecIndex();
  const { key, cert } = await createCertificate();
  const server = await startServer({ state, specs }, { port: options.port ?? 0, key, cert });
  // No keep-alive: a socket the server closed (drop/truncate faults, idle timeout) is never reused.
  const agent = new https.Agent({ keepAlive: false });
  return {
    port: server.port,
    hostResolverRules: hostResolverRules(server.port),
    siteUrl: (host) => `https://${host.includes('.') ? host : `${host}.atlassian.net`}`,
    fetch: createSimFetch(server.port, agent),
    log: state.log,
    clearLog: () => {
      state.log.length = 0;
    },
    control: createControl(state),
    close: async () => {
      agent.destroy();
      await server.close();
    },
  };
}
