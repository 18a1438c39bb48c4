/**
 * Builds the production Advisor: the catalog and calibration from data/, every report through
 * src/advice's answer(), charts on. `now` is the composition root's clock: it dates the question
 * (`asOfDate`), so stale API prices are flagged.
 */
import { loadCatalogOrThrow } from '../catalog/index.ts';
import { loadCalibration } from '../catalog/load-calibration.ts';
import type { Advisor } from './advisor.ts';
import { createRealAdvisor } from './real-advisor.ts';

export interface LoadRealAdvisorOptions {
  readonly now?: () => Date;
  /** Render chart PNGs (default true). */
  readonly chart?: boolean;
}

export async function loadRealAdvisor(options: LoadRealAdvisorOptions = {}): Promise<Advisor> {
  return createRealAdvisor({
    catalog: loadCatalogOrThrow(),
    calibration: loadCalibration(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.chart === undefined ? {} : { chart: options.chart }),
  });
}
