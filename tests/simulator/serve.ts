// Manual poking: `npx tsx tests/simulator/serve.ts [port]`, then e.g.
//   curl -k --resolve acme.atlassian.net:<port>:127.0.0.1 https://acme.atlassian.net:<port>/_edge/tenant_info
import { SIM_DC, SIM_GATEWAY_HOST, SIM_OTHER_HOSTS, SIM_SITES, SIM_TOKENS, startSimulator } from './index';

const arg = process.argv[2];
const port = arg === undefined ? 0 : Number(arg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Usage: npx tsx tests/simulator/serve.ts [port]   (got "${arg}")`);
  process.exit(2);
}

const sim = await startSimulator({ port });
console.log(`Confluence simulator listening on 127.0.0.1:${sim.port}`);
console.log(`Chromium: --host-resolver-rules="${sim.hostResolverRules}" --ignore-certificate-errors`);
console.log('Hosts:');
for (const s of Object.values(SIM_SITES)) console.log(`  https://${s.host}  cloudId ${s.cloudId}  anonymous ${s.anonymousAccess ? 'on' : 'off'}`);
console.log(`  https://${SIM_GATEWAY_HOST}/ex/confluence/<cloudId>/wiki/...`);
console.log(`  https://${SIM_GATEWAY_HOST}/ex/jira/<cloudId>/rest/api/3/myself  (and /rest/api/3/myself on each site)`);
console.log(`  ${SIM_DC.baseUrl}`);
console.log(`  https://${SIM_OTHER_HOSTS.notConfluence}  (not Confluence)   ${SIM_OTHER_HOSTS.unreachable}  (does not resolve)`);
console.log('Tokens (fake):');
for (const t of Object.values(SIM_TOKENS)) console.log(`  ${t.name.padEnd(26)} ${t.kind.padEnd(8)} ${t.secret}`);

const stop = async (): Promise<void> => {
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
