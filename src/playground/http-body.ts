/** Reading request bodies the way Slack's endpoints accept them: form-encoded, JSON or multipart. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Form fields the Web API client JSON-encodes (blocks, view, files...). */
const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments', 'metadata']);

export function readRaw(req: IncomingMessage, maxBytes = 20 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A Web API call's arguments: JSON, or form fields with the JSON-encoded ones decoded. */
export function parseApiArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw.trim() === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) && /^[[{]/.test(value.trim()) ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

/** The file bytes of an upload POST: the first file part of a multipart body, else the raw body. */
export async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.includes('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = form.values().next().value;
  return Buffer.from(typeof first === 'string' ? first : '');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}
