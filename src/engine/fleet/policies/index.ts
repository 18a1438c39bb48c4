/** Every provisioning policy, in the order they are evaluated and listed; a new policy is one module added here. */
import type { PolicyKind } from '../../advice-types.ts';
import type { PlatformPricing } from '../../cost/platform-pricing.ts';
import type { ProvisioningPolicy } from './provisioning-policy.ts';
import { reactiveAutoscale } from './reactive-autoscale.ts';
import { reservedPlusBurst } from './reserved-plus-burst.ts';
import { scaleToZero } from './scale-to-zero.ts';
import { staticPeak } from './static-peak.ts';

export type { PolicyPrices, ProvisioningPolicy } from './provisioning-policy.ts';

export const POLICIES: readonly ProvisioningPolicy[] = [staticPeak, reactiveAutoscale, scaleToZero, reservedPlusBurst];

export function policyOf(kind: PolicyKind): ProvisioningPolicy {
  const policy = POLICIES.find((p) => p.kind === kind);
  if (!policy) throw new Error(`unknown provisioning policy ${kind}`);
  return policy;
}

/** The policies that can run under this pricing and load. */
export function policiesFor(pricing: PlatformPricing, loadReachesZero: boolean): PolicyKind[] {
  return POLICIES.filter((p) => p.appliesTo(pricing, loadReachesZero)).map((p) => p.kind);
}
