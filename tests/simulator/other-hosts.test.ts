// The hosts "Add a Data Center site" must refuse: a web server that is not Confluence, and a name
// that does not resolve (in sim.fetch, Chromium's resolver rules and the Firefox CONNECT proxy).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { UNREACHABLE_HOST_CONNECT_STATUS } from './guesses';
import { SIM_DC, SIM_OTHER_HOSTS, isSimulatedHost, isUnreachableHost } from './index';
import { useSimulator } from './use-simulator';

const www = `https://${SIM_OTHER_HOSTS.notConfluence}`;
const sim = useSimulator();

describe('a host that is not Confluence (www.example.test)', () => {
  it('serves an ordinary home page without any ajs-* meta tag', async () => {
    const r = await sim.fetch(`${www}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain('<title>Example Corp intranet</title>');
    expect(html).not.toMatch(/ajs-/);
  });

  it.each(['/rest/api/user/current', '/rest/api/space', '/confluence', '/confluence/rest/api/user/current', '/wiki/rest/api/user/current', '/_edge/tenant_info'])(
    '%s answers 404 text/html',
    async (path) => {
      const r = await sim.fetch(`${www}${path}`, { headers: { Authorization: 'Bearer SIMpat-carol-NDE2ODc0OTQ1MjM0Ok0x' } });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await r.text()).not.toMatch(/ajs-|"statusCode"/);
    },
  );

  it('is logged like every request, credentials masked', async () => {
    await sim.fetch(`${www}/rest/api/user/current`, { headers: { Authorization: 'Bearer SIMpat-carol-NDE2ODc0OTQ1MjM0Ok0x' } });
    expect(sim.log).toMatchObject([{ host: SIM_OTHER_HOSTS.notConfluence, path: '/rest/api/user/current', status: 404, headers: { authorization: 'Bearer ***' } }]);
  });
});

describe('an unreachable host (down.example.test)', () => {
  it('sim.fetch fails as on a DNS failure, without reaching the simulator', async () => {
    const error = await sim.fetch(`https://${SIM_OTHER_HOSTS.unreachable}/confluence/rest/api/user/current`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: 'ENOTFOUND', hostname: SIM_OTHER_HOSTS.unreachable });
    expect(sim.log).toEqual([]);
  });

  it('a redirect to it fails the same way', async () => {
    sim.control.injectFault({ kind: 'redirect', host: SIM_DC.host, pathPrefix: '/confluence/rest/', location: `https://${SIM_OTHER_HOSTS.unreachable}/x` });
    await expect(sim.fetch(`${SIM_DC.baseUrl}/rest/api/user/current`)).rejects.toMatchObject({ cause: { code: 'ENOTFOUND' } });
  });

  it('Chromium’s resolver rules map it to ~NOTFOUND and the served hosts to the simulator', () => {
    const rules = sim.hostResolverRules.split(', ');
    expect(rules).toContain(`MAP ${SIM_OTHER_HOSTS.unreachable} ~NOTFOUND`);
    expect(rules).toContain(`MAP ${SIM_OTHER_HOSTS.notConfluence} 127.0.0.1:${sim.port}`);
    expect(rules).toContain(`MAP ${SIM_DC.host} 127.0.0.1:${sim.port}`);
  });

  it('isSimulatedHost / isUnreachableHost say which hosts a proxy tunnels and which look dead', () => {
    for (const h of ['acme.atlassian.net', 'api.atlassian.com', 'api.media.atlassian.com', SIM_DC.host, SIM_OTHER_HOSTS.notConfluence, 'WWW.Example.test']) expect(isSimulatedHost(h), h).toBe(true);
    for (const h of [SIM_OTHER_HOSTS.unreachable, 'example.test', 'atlassian.net.evil.test', 'firefox.settings.services.mozilla.com']) expect(isSimulatedHost(h), h).toBe(false);
    expect([isUnreachableHost(SIM_OTHER_HOSTS.unreachable), isUnreachableHost(SIM_OTHER_HOSTS.notConfluence)]).toEqual([true, false]);
  });
});

describe('the Firefox CONNECT proxy', () => {
  let proxy: ConnectProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  /** CONNECT through the proxy; the status line, and the tunnel's socket when it is open. */
  function connectThrough(port: number, target: string): Promise<{ status: number; socket: Socket }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'CONNECT', path: target });
      req.on('connect', (res: IncomingMessage, socket: Socket) => resolve({ status: res.statusCode ?? 0, socket }));
      req.on('error', reject);
      req.end();
    });
  }

  /** One HTTPS GET through an open tunnel; the raw answer. */
  function getThrough(socket: Socket, host: string, path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const tls = tlsConnect({ socket, servername: host, rejectUnauthorized: false }, () => {
        tls.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      });
      let answer = '';
      tls.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      tls.on('end', () => resolve(answer));
      tls.on('error', reject);
    });
  }

  it('forwards www.example.test to the simulator and fails CONNECTs to down.example.test like a dead host', async () => {
    proxy = await startConnectProxy(sim.port, isSimulatedHost);
    const open = await connectThrough(proxy.port, `${SIM_OTHER_HOSTS.notConfluence}:443`);
    expect(open.status).toBe(200);
    const answer = await getThrough(open.socket, SIM_OTHER_HOSTS.notConfluence, '/rest/api/user/current');
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(sim.log.map((e) => `${e.host} ${e.path} ${e.status}`)).toEqual([`${SIM_OTHER_HOSTS.notConfluence} /rest/api/user/current 404`]);

    const dead = await connectThrough(proxy.port, `${SIM_OTHER_HOSTS.unreachable}:443`);
    expect(dead.status).toBe(UNREACHABLE_HOST_CONNECT_STATUS);
    dead.socket.destroy();
    const other = await connectThrough(proxy.port, 'firefox.settings.services.mozilla.com:443');
    expect(other.status).toBe(403);
    other.socket.destroy();
    expect(proxy.connects).toEqual([`${SIM_OTHER_HOSTS.notConfluence}:443`]);
    expect(proxy.unreachable).toEqual([`${SIM_OTHER_HOSTS.unreachable}:443`]);
    expect(proxy.refused).toEqual(['firefox.settings.services.mozilla.com:443']);
    expect(sim.log).toHaveLength(1);
  });

  it('fails the unreachable host even when told to tunnel everything', async () => {
    proxy = await startConnectProxy(sim.port);
    const dead = await connectThrough(proxy.port, `${SIM_OTHER_HOSTS.unreachable}:443`);
    expect(dead.status).toBe(UNREACHABLE_HOST_CONNECT_STATUS);
    dead.socket.destroy();
    expect(proxy.connects).toEqual([]);
  });
});
