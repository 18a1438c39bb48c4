import type { PolicyKind } from '../advice-types.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import { policyOf } from './policies/index.ts';
import type { Configuration } from './types.ts';

/**
 * GPUs a fleet grows and shrinks by under a policy: the instance size of the price that policy pays
 * (1-GPU on-demand VMs for autoscaling, whole nodes for term contracts), as long as one replica fits in an
 * instance; a replica larger than the instance needs whole nodes (tensor parallelism does not cross VMs).
 * Owned hardware is bought by the node.
 */
export function deployUnitFor(configuration: Configuration, policy: PolicyKind, pricing: PlatformPricing): number {
  if (pricing.kind === 'owned') return configuration.deployUnitGpus;
  const paid = policyOf(policy).prices(pricing).base;
  const replicaGpus = Math.max(...configuration.pools.map((pool) => pool.gpusPerWorker));
  if (paid.gpusPerInstance >= replicaGpus && paid.gpusPerInstance % replicaGpus === 0) return paid.gpusPerInstance;
  return Math.max(configuration.deployUnitGpus, replicaGpus);
}

/** The configuration as rented under `policy` (its deploy unit set from the price that policy pays). */
export function rentedAs(configuration: Configuration, policy: PolicyKind, pricing: PlatformPricing): Configuration {
  const deployUnitGpus = deployUnitFor(configuration, policy, pricing);
  return deployUnitGpus === configuration.deployUnitGpus ? configuration : { ...configuration, deployUnitGpus };
}
