/**
 * A local stand-in for Slack's Socket Mode endpoint: the WebSocket URL that apps.connections.open
 * hands out. A minimal RFC 6455 server on node:http (handshake, text/ping/close frames) so the test
 * needs no network and no extra dependency. It greets with `hello`, sends envelopes the way Slack does
 * (events_api, slash_commands, interactive) and records each ack with the time it took.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface Ack {
  readonly envelopeId: string;
  readonly payload: Record<string, unknown> | undefined;
  readonly ms: number;
}

/** One unmasked server frame: FIN + opcode, 7/16/64-bit length, payload. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65_536) {
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65_536) {
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Complete client frames at the start of `buffer` (clients always mask) and the bytes left over. */
function readFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f;
    const masked = (buffer[offset + 1]! & 0x80) !== 0;
    let length = buffer[offset + 1]! & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (buffer.length < at + 2) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (buffer.length < at + 8) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    const maskAt = at;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const payload = Buffer.from(buffer.subarray(at, at + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buffer[maskAt + (i % 4)]!;
    frames.push({ opcode, payload });
    offset = at + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export class FakeSocketSlack {
  readonly acks: Ack[] = [];
  /** Connections opened (a reconnect opens another). */
  connections = 0;
  private server?: Server;
  private socket?: Duplex;
  private readonly pending = new Map<string, { sentAt: number; resolve: (ack: Ack) => void }>();
  url = '';

  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      res.writeHead(426);
      res.end();
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex) => this.accept(req, socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=test`;
  }

  /** Sends an envelope; resolves with the app's ack (rejects after `timeoutMs`: Slack would retry). */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, timeoutMs = 3000): Promise<Ack> {
    const envelopeId = randomUUID();
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { sentAt: Date.now(), resolve: (ack) => (clearTimeout(timer), resolve(ack)) });
      const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' };
      socket.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
    });
  }

  /** Resolves once the app has a live connection (it has received `hello`). */
  async waitForConnection(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.socket) {
      if (Date.now() > deadline) throw new Error('the app never opened the Socket Mode connection');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.socket?.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') return void socket.destroy();
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.connections += 1;
    this.socket = socket;
    let buffered: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([buffered, chunk]));
      buffered = rest;
      for (const f of frames) this.onFrame(socket, f.opcode, f.payload);
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
    });
    socket.on('error', () => undefined);
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }))));
  }

  private onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) return void socket.write(frame(0xa, payload)); // ping -> pong
    if (opcode === 0x8) {
      socket.write(frame(0x8, payload));
      return void socket.end();
    }
    if (opcode !== 0x1) return;
    const message = JSON.parse(payload.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
    const waiting = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
    if (!waiting || !message.envelope_id) return;
    this.pending.delete(message.envelope_id);
    const ack: Ack = { envelopeId: message.envelope_id, payload: message.payload, ms: Date.now() - waiting.sentAt };
    this.acks.push(ack);
    waiting.resolve(ack);
  }
}
