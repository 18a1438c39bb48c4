/**
 * Downloading a file shared with the bot: GET url_private_download with the bot token as a Bearer
 * header (scope files:read), reading at most `maxBytes`. The token goes only to Slack's own hosts
 * (*.slack.com, or the Web API host the app is configured with, e.g. a test's fake): a URL elsewhere is
 * refused before any request, so a crafted payload cannot make the bot send its token away. Errors name
 * the reason and never carry the token or the URL's query.
 */

export type FileDownloadFailure = 'not-a-slack-url' | 'no-token' | 'too-large' | 'http-error' | 'not-a-file' | 'network';

export class FileDownloadError extends Error {
  constructor(readonly reason: FileDownloadFailure, message: string) {
    super(message);
    this.name = 'FileDownloadError';
  }
}

export interface DownloadOptions {
  readonly token: string | undefined;
  /** The Web API URL the client uses (https://slack.com/api/ in production). */
  readonly apiUrl: string;
  readonly maxBytes: number;
  readonly timeoutMs?: number;
}

const DOWNLOAD_TIMEOUT_MS = 15_000;

/** Whether the token may be sent to `url`: https on slack.com or a subdomain, or the configured API's own origin. */
export function isSlackFileUrl(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiUrl);
  if (target.origin === api.origin) return true;
  return target.protocol === 'https:' && (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com'));
}

export async function downloadSlackFile(url: string, options: DownloadOptions): Promise<Buffer> {
  if (!isSlackFileUrl(url, options.apiUrl)) throw new FileDownloadError('not-a-slack-url', 'the file is not on a Slack host');
  if (!options.token) throw new FileDownloadError('no-token', 'no bot token to download the file with');
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${options.token}` },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new FileDownloadError('network', `the download failed (${(error as Error).name})`);
  }
  if (!response.ok) throw new FileDownloadError('http-error', `Slack answered HTTP ${response.status}`);
  // Without files:read Slack answers 200 with its sign-in page instead of the file.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel();
    throw new FileDownloadError('not-a-file', 'Slack sent a web page instead of the file (is the files:read scope granted?)');
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new FileDownloadError('too-large', `the file is ${declared} bytes`);
  }
  try {
    return await readAtMost(response, options.maxBytes);
  } catch (error) {
    if (error instanceof FileDownloadError) throw error;
    throw new FileDownloadError('network', `the download broke off (${(error as Error).name})`);
  }
}

/** The body, or too-large as soon as it passes `maxBytes` (a missing or wrong content-length is not trusted). */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FileDownloadError('too-large', `the file is over ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
