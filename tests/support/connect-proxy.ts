import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { UNREACHABLE_HOST_CONNECT_STATUS } from '../simulator/guesses';
import { isUnreachableHost } from '../simulator/index';

/**
 * A local HTTP proxy that answers `CONNECT host:port` by piping the socket to one port on
 * 127.0.0.1 (the simulator's). Firefox has no `--host-resolver-rules`: the Firefox tests point
 * its proxy prefs here instead, so `https://acme.atlassian.net` reaches the simulator with TLS end
 * to end (its self-signed certificate is accepted through `acceptInsecureCerts`).
 *
 * `tunnels(host)` says which hosts go to the simulator (by default every host). Others get
 * `403` and are listed in `refused`: Firefox's own traffic (remote settings, which no pref stops
 * in a release build) then never reaches the simulator's log, nor the real network. Plain HTTP
 * requests (not CONNECT) are refused the same way: nothing under test travels in clear text.
 *
 * `unreachable(host)` names hosts that must look dead (by default the simulator's
 * `down.example.test`): their CONNECT fails as a proxy's does when the name does not resolve
 * (UNREACHABLE_HOST_CONNECT_STATUS), before `tunnels` is asked, and they are listed in `unreachable`.
 */
export interface ConnectProxy {
  port: number;
  /** `host:port` of every tunnelled CONNECT, in order. */
  readonly connects: string[];
  /** `host:port` of every CONNECT refused, and `METHOD url` of every plain request. */
  readonly refused: string[];
  /** `host:port` of every CONNECT to an unreachable host. */
  readonly unreachable: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(
  targetPort: number,
  tunnels: (host: string) => boolean = () => true,
  isUnreachable: (host: string) => boolean = isUnreachableHost,
): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const connects: string[] = [];
  const refused: string[] = [];
  const unreachable: string[] = [];
  const server: Server = createServer((request, response) => {
    refused.push(`${request.method} ${request.url}`);
    response.writeHead(403, { 'content-type': 'text/plain' });
    response.end(`This test proxy only tunnels CONNECT; refused ${request.method} ${request.url}\n`);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const host = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    if (isUnreachable(host)) {
      unreachable.push(target);
      client.end(`HTTP/1.1 ${UNREACHABLE_HOST_CONNECT_STATUS} Bad Gateway\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    if (!tunnels(host)) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    connects.push(target);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // A dropped connection on either side (the simulator's drop faults) closes the other.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connects,
    refused,
    unreachable,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
