/** Static for the peak: enough workers for the peak minute, kept the whole horizon at the committed price. */
import type { ProvisioningPolicy } from './provisioning-policy.ts';
import { peakWorkers } from './provisioning-policy.ts';

export const staticPeak: ProvisioningPolicy = {
  kind: 'static-peak',
  description: 'a static fleet sized for the peak',
  label: 'static fleet',
  simplicityRank: 0,
  elastic: false,
  appliesTo: () => true,
  prices: (pricing) => ({ base: pricing.committed, elastic: pricing.committed }),
  workers: (pool, load) => peakWorkers(pool, load),
  baseWorkers: (pool, load) => peakWorkers(pool, load),
  minimumWorkers: 1,
};
