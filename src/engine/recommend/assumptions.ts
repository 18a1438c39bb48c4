/**
 * Every default the report used, with its source and as-of date: prices actually used, energy
 * defaults, the model-load-time estimate, the policy parameters, the queueing model and the serving
 * assumptions. tokcost's own defaults are labelled estimates as of ASSUMPTIONS_AS_OF.
 */
import type { AdviceRequest, Assumption } from '../advice-types.ts';
import type { Catalog, SourceRef } from '../catalog/types.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import type { PolicyParameters } from '../fleet/policy-parameters.ts';
import { SCALE_OUT_BYTES_PER_SECOND_PER_GPU } from '../performance/disaggregated.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import type { Scored } from './candidate.ts';
import { staleSuffix } from './price-staleness.ts';
import { PREFILL_HEAVY_INPUT_PER_OUTPUT } from './headline-metric.ts';
import { enUsNumber } from '../number-text.ts';

export const ASSUMPTIONS_AS_OF = '2026-11';

/** A figure the user gave: its source is their request. */
const YOUR_REQUEST: SourceRef = { title: 'your request', asOf: 'as given', basis: 'estimate' };

function ours(title: string, note?: string): SourceRef {
  return { title: `tokcost default: ${title}`, asOf: ASSUMPTIONS_AS_OF, basis: 'estimate', ...(note ? { note } : {}) };
}

export interface AssumptionInputs {
  readonly request: AdviceRequest;
  readonly catalog: Catalog;
  readonly calibration: CalibrationTable;
  readonly parameters: PolicyParameters;
  readonly lengthSpreadFraction: number;
  readonly pricings: ReadonlyMap<string, PlatformPricing>;
  readonly shown: readonly Scored[];
}

export function assumptionsOf(inputs: AssumptionInputs): Assumption[] {
  const { request, catalog, parameters } = inputs;
  const list: Assumption[] = [...priceAssumptions(inputs)];
  const energy = catalog.energy;
  list.push({ name: 'power usage effectiveness (PUE)', value: String(request.pricing.kind === 'owned' ? request.pricing.powerUsageEffectiveness ?? energy.powerUsageEffectiveness.value : energy.powerUsageEffectiveness.value), source: energy.powerUsageEffectiveness.source });
  if (request.pricing.kind === 'owned') {
    list.push({ name: 'electricity $/kWh', value: String(request.pricing.dollarsPerKwh ?? energy.dollarsPerKwh.value), source: energy.dollarsPerKwh.source });
    list.push({ name: 'amortization years', value: String(request.pricing.amortizationYears ?? energy.amortizationYears.value), source: energy.amortizationYears.source });
    list.push(...ownedCostAssumptions(request.pricing, catalog));
  }
  list.push(
    { name: 'model load time', value: `weight bytes / ${parameters.weightLoadBytesPerSecond / 1e9} GB/s + ${parameters.engineStartSeconds} s start`, source: ours('model load estimate', 'object-store or NVMe read at ~2 GB/s per replica plus engine start and CUDA-graph capture') },
    { name: 'autoscaler decision interval', value: `${parameters.decisionIntervalSeconds} s`, source: ours('policy parameter') },
    { name: 'scale-down hysteresis', value: `${parameters.scaleDownHysteresisMinutes} min`, source: ours('policy parameter', 'Kubernetes HPA default stabilization window is 5 min') },
    { name: 'autoscaler target utilization of SLO capacity', value: `${parameters.targetUtilizationFraction}`, source: ours('policy parameter') },
    { name: 'minimum replicas', value: 'reactive autoscaling 1, scale to zero 0', source: ours('policy parameter') },
    { name: 'reserved base of reserved-plus-burst', value: `p${Math.round(parameters.reservedBaseQuantile * 100)} of demand`, source: ours('policy parameter') },
    { name: 'SLO-miss allowance', value: `${parameters.sloMissAllowanceFraction * 100}% of minutes`, source: ours('meets-SLO rule') },
    { name: 'request length spread (coefficient of variation)', value: String(inputs.lengthSpreadFraction), source: request.lengthSpreadFraction === undefined ? ours('length spread', 'chat traffic varies; 0 = fixed lengths') : YOUR_REQUEST },
    { name: 'queueing model', value: 'Erlang-C batch slots + Kingman prefill queue, exponential tails, Allen-Cunneen (ca2+cs2)/2; utilization capped at 0.95', source: { title: 'Kingman 1961; Allen-Cunneen approximation; ../shared/ENGINE.md', asOf: ASSUMPTIONS_AS_OF, basis: 'estimate', note: 'optimistic above rho ~0.8' } },
    { name: 'disaggregated rate-matching derates', value: 'prefill 0.9, decode 0.92', source: { title: 'NVIDIA AIConfigurator rate matching', url: 'https://github.com/ai-dynamo/aiconfigurator', asOf: '2025', basis: 'estimate' } },
    { name: 'KV hand-off bandwidth', value: `scale-up link inside the domain, else ${SCALE_OUT_BYTES_PER_SECOND_PER_GPU / 1e9} GB/s per GPU`, source: ours('KV transfer estimate') },
    { name: 'serving engine', value: request.engine ?? 'TensorRT-LLM on NVIDIA, SGLang on AMD, vLLM elsewhere', source: request.engine === undefined ? ours('engine per vendor') : YOUR_REQUEST },
    { name: 'precision', value: request.precision ?? 'narrowest the chip runs natively: FP4 for FP4/FP8-released models, else FP8', source: request.precision === undefined ? ours('precision choice') : YOUR_REQUEST },
    { name: 'configuration search', value: 'every configuration screened on 10-minute buckets (bucket peaks); the cheapest per platform, mode and policy simulated at 1-minute steps', source: ours('search heuristic') },
    { name: 'idle power when unpublished', value: '30 % of full power', source: ours('power estimate') },
    { name: 'commitment by elasticity', value: 'a static fleet pays the cheapest term price on offer (3-year rental, else a cheaper reserved tier, else on-demand); whatever scales pays by the hour (on-demand), since a reserved GPU is paid around the clock; a reserved base pays its term and bursts on-demand', source: ours('commitment rule') },
    { name: 'cost range', value: "the calibration's cross-validated throughput band (p10-p90 of predicted / measured; wider for spec-only platforms), the fleet re-sized and re-priced at both ends", source: ours('cost range method') },
    { name: 'headline metric', value: `$ per 1M output tokens; $ per 1M total tokens and per request when input >= ${PREFILL_HEAVY_INPUT_PER_OUTPUT} x output tokens (prefill-heavy)`, source: ours('headline metric') },
    { name: 'input/output cost split', value: "by the GPU-time prefill and decode take at full load (aggregated: the replica's prefill time share; disaggregated: the prefill pool's share)", source: ours('cost split') },
    { name: 'performance calibration', value: inputs.calibration.fittedOn === 'none' ? 'none fitted: every platform spec-only (prior efficiencies)' : `fitted ${inputs.calibration.fittedOn} on ${inputs.calibration.benchmarkCount} benchmark points`, source: { title: 'data/calibration.json (npm run calibrate)', asOf: inputs.calibration.fittedOn === 'none' ? ASSUMPTIONS_AS_OF : inputs.calibration.fittedOn, basis: 'estimate' } },
  );
  return list;
}

/** The owned-hardware shares beyond the accelerator, each with its source (data/energy-and-capex.json). */
function ownedCostAssumptions(pricing: Extract<AdviceRequest['pricing'], { kind: 'owned' }>, catalog: Catalog): Assumption[] {
  const owned = catalog.ownedCosts;
  if (!owned) return [{ name: 'server, network, facility, operations', value: 'not counted: no defaults in the catalog (data/energy-and-capex.json)', source: ours('owned cost scope') }];
  const operations: Assumption = pricing.operationsFractionPerYear === undefined
    ? { name: 'staff and operations (estimate)', value: `${owned.operationsFractionOfHardwarePerYear.value * 100}% of hardware value per year`, source: owned.operationsFractionOfHardwarePerYear.source }
    : { name: 'staff and operations', value: `${pricing.operationsFractionPerYear * 100}% of hardware value per year`, source: YOUR_REQUEST };
  return [
    { name: 'server share (when the purchase price is the accelerator alone)', value: `${owned.serverShareOfAcceleratorPrice.value * 100}% of the accelerator price`, source: owned.serverShareOfAcceleratorPrice.source },
    { name: 'network share', value: `${owned.networkShareOfAcceleratorPrice.value * 100}% of the accelerator price`, source: owned.networkShareOfAcceleratorPrice.source },
    { name: 'facility capex', value: `$${enUsNumber(owned.facilityDollarsPerKw.value)} per kW of IT power over ${owned.facilityLifeYears.value} years`, source: owned.facilityDollarsPerKw.source },
    { name: 'facility life', value: `${owned.facilityLifeYears.value} years`, source: owned.facilityLifeYears.source },
    operations,
  ];
}

/** One assumption per distinct price (or purchase price) the shown candidates used. */
function priceAssumptions(inputs: AssumptionInputs): Assumption[] {
  const seen = new Set<string>();
  const out: Assumption[] = [];
  for (const { candidate } of inputs.shown) {
    const pricing = inputs.pricings.get(candidate.platform);
    if (!pricing) continue;
    const entries: [string, string, SourceRef][] =
      pricing.kind === 'owned'
        ? [[`${candidate.platformName} purchase price`, `$${enUsNumber(pricing.purchase.dollarsPerAccelerator)} per accelerator over ${pricing.amortizationYears} years`, pricing.purchase.source]]
        : [pricing.committed, ...(pricing.elastic ? [pricing.elastic] : []), ...(pricing.reserved ? [pricing.reserved] : [])].map((p) => [`${candidate.platformName} $/GPU-hour (${p.label})`, `$${p.dollarsPerGpuHour}`, p.source]);
    for (const [name, value, source] of entries) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, value: `${value}${staleSuffix(source, inputs.request.asOfDate, inputs.request.priceStaleAfterDays)}`, source });
    }
  }
  return out;
}
