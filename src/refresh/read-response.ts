/**
 * A source's response text: read from a recorded file under `--from DIR`, or fetched from its public
 * URL (30 s timeout). Failures name the source and what was tried.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RefreshError, type PriceSource } from './types.ts';

export type FetchText = (url: string) => Promise<string>;

export const fetchText: FetchText = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'tokcost data refresh' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
};

/** The response text, or null when `fromDir` has no recording for this source. */
export async function readResponse(source: PriceSource, fromDir: string | undefined, fetcher: FetchText): Promise<{ text: string; origin: string } | null> {
  if (fromDir !== undefined) {
    const path = join(fromDir, source.recordedFile);
    try {
      return { text: readFileSync(path, 'utf8'), origin: `recorded response ${source.recordedFile}` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new RefreshError(source.name, path, `cannot read the recorded response (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  try {
    return { text: await fetcher(source.url), origin: source.url };
  } catch (error) {
    throw new RefreshError(source.name, source.url, `download failed (${(error as Error).message})`);
  }
}
