/**
 * A local load balancer for the two-replica test: forwards each request to the next replica in
 * turn (round robin) and, like a balancer's health check, skips a replica that refuses connections.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRaw } from './fake-slack.ts';

export interface RoundRobinProxy {
  readonly url: string;
  /** How many requests each upstream answered, by index. */
  readonly served: number[];
  close(): Promise<void>;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    const out = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: { 'content-type': String(res.headers['content-type'] ?? 'text/plain') }, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

/** `upstreams`: base URLs such as http://127.0.0.1:1234 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = upstreams.map(() => 0);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readRaw(req);
      const start = next++;
      for (let tried = 0; tried < upstreams.length; tried++) {
        const index = (start + tried) % upstreams.length;
        try {
          const answer = await forward(new URL(upstreams[index]!), req, body);
          served[index]! += 1;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
          return;
        } catch {
          // refused or reset: a dead replica; try the next one
        }
      }
      res.writeHead(502);
      res.end('no replica answered');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
