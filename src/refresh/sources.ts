/** Every price source `tokcost data refresh` knows, by name (`--source NAME`). */
import { openRouterSource } from './openrouter.ts';
import { skyPilotSource } from './skypilot.ts';
import type { PriceSource } from './types.ts';

export const PRICE_SOURCES: readonly PriceSource[] = [openRouterSource, skyPilotSource('lambda', 'Lambda'), skyPilotSource('nebius', 'Nebius'), skyPilotSource('aws', 'AWS', ['spot'])] as readonly PriceSource[];

export function findSource(name: string): PriceSource | undefined {
  return PRICE_SOURCES.find((s) => s.name === name);
}
