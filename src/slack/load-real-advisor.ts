/** Builds the production Advisor: the catalog and calibration from data/, the engine's advise, charts on. */
import { loadCatalogOrThrow } from '../catalog/index.ts';
import { loadCalibration } from '../catalog/load-calibration.ts';
import { advise } from '../engine/advise.ts';
import type { Advisor } from './advisor.ts';
import { createRealAdvisor } from './real-advisor.ts';

export function loadRealAdvisor(): Promise<Advisor> {
  const catalog = loadCatalogOrThrow();
  const calibration = loadCalibration();
  return Promise.resolve(createRealAdvisor({ catalog, advise: (request, c) => advise(request, c, calibration) }));
}
