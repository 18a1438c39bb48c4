import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/report-text/summary-text.ts';
import { policyReasonText } from '../../../src/report-text/policy-reason-text.ts';
import { reasonText } from '../../../src/report-text/reason-text.ts';
import { advise } from '../../../src/engine/advise.ts';
import type { AdviceReport, AdviceRequest, Candidate, Reason } from '../../../src/engine/advice-types.ts';
import type { Scored } from '../../../src/engine/recommend/candidate.ts';
import { costCauses, policyReason } from '../../../src/engine/recommend/policy-reason.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';

/** A candidate with what policyReason reads; the rest of Candidate is irrelevant here. */
function candidate(fields: Partial<Candidate> & Pick<Candidate, 'policy' | 'gpuCount' | 'peakGpuCount' | 'dollarsPerGpuHour'>): Candidate {
  const tokensPerGpuHour = 1e6; // effective $/M = mean GPUs x $/GPU-hour / (mean GPUs of a fixed token stream)
  return {
    platform: 'p', platformName: 'P', vendor: 'nvidia', servingMode: 'aggregated', precision: 'fp8', gpusPerReplica: 2, parallelism: { tensor: 2, expert: 1, pipeline: 1 },
    minGpuCount: fields.peakGpuCount, rentalUnitGpus: 1, fullLoadDollarsPerMillionOutputTokens: 1, effectiveDollarsPerMillionTotalTokens: 1, fullLoadDollarsPerMillionTotalTokens: 1,
    meanUtilizationFraction: 0.5, utilizationGap: { servedFraction: 0.5, demandBelowCapacityFraction: 0.5, replicaGranularityFraction: 0, latencyHeadroomFraction: 0, smallBatchFraction: 0 },
    dollarsPerMonth: 1, meetsSlo: true, sloMissMinutes: 0, joulesPerOutputToken: 1, tpotMs: 20, ttftMs: 500, basis: 'calibrated', priceSource: { title: 't', asOf: '2026', basis: 'estimate' },
    effectiveDollarsPerMillionOutputTokens: (fields.gpuCount * fields.dollarsPerGpuHour) / tokensPerGpuHour * 1e6,
    ...fields,
  } as Candidate;
}

function scored(c: Candidate): Scored {
  return { candidate: c, configuration: { scaleUpLagMinutes: 4 } as Scored['configuration'], run: { minutes: 1440 } as Scored['run'] };
}

const staticNode = candidate({ policy: 'static-peak', gpuCount: 8, peakGpuCount: 8, rentalUnitGpus: 8, dollarsPerGpuHour: 2.9, commitment: 'reserved-3y' });

describe('policyReason', () => {
  it('a 2-GPU on-demand fleet that never changes size against an 8-GPU 3-year node: the saving is the smaller unit, not autoscaling', () => {
    // 2 x $6.89 = $13.78/h against 8 x $2.90 = $23.20/h: 41 % less.
    const small = candidate({ policy: 'reactive-autoscale', gpuCount: 2, peakGpuCount: 2, minGpuCount: 2, rentalUnitGpus: 2, dollarsPerGpuHour: 6.89, commitment: 'on-demand' });
    const reason = policyReason([scored(small), scored(staticNode)], scored(small))!;
    expect(reason.code).toBe('smaller-unit-pays');
    expect(reason.numbers?.savingPercent).toBe(41);
    expect(policyReasonText(reason, small)).not.toMatch(/autoscaling (saves|pays)/);
    expect(policyReasonText(reason, small)).toMatch(/never changes size \(2 GPUs every minute\), so none of it is autoscaling/);
    expect(policyReasonText(reason, small)).toMatch(/2 GPUs at peak in 2-GPU units instead of 8 in 8-GPU units, -75%/);
    expect(policyReasonText(reason, small)).toMatch(/\$6\.89 against \$2\.90 per GPU-hour \(on-demand vs 3-year commitment\) adds \+138%/);
  });

  it('credits autoscaling when the fleet changes size, naming both causes with their shares when they mix', () => {
    // Same 8-GPU peak, 3 GPUs on average, in 1-GPU units at the same price: all of the saving is scaling.
    const scaling = candidate({ policy: 'reactive-autoscale', gpuCount: 3, peakGpuCount: 8, minGpuCount: 1, dollarsPerGpuHour: 2.9, commitment: 'on-demand' });
    expect(policyReason([scored(scaling), scored(staticNode)], scored(scaling))!.code).toBe('autoscaling-pays');
    // Peak 4 (unit ratio 0.5) and mean 2 (scaling 0.5): half of the log saving each.
    const mixed = candidate({ policy: 'reactive-autoscale', gpuCount: 2, peakGpuCount: 4, minGpuCount: 1, dollarsPerGpuHour: 2.9, commitment: 'on-demand' });
    const reason = policyReason([scored(mixed), scored(staticNode)], scored(mixed))!;
    expect(policyReasonText(reason, mixed)).toMatch(/\(50% of it\) and .*\(50% of it\)/);
    expect(costCauses(staticNode, mixed).map((c) => [c.name, c.ratio])).toEqual([['unit', 0.5], ['scaling', 0.5]]);
  });

  it('a static recommendation whose cheaper elastic rival misses the SLO states the trade-off, per day', () => {
    const cheaper = candidate({ policy: 'reactive-autoscale', gpuCount: 3.6, peakGpuCount: 8, minGpuCount: 1, dollarsPerGpuHour: 2.9, commitment: 'on-demand', meetsSlo: false, sloMissMinutes: 14 });
    const reason = policyReason([scored(staticNode), scored(cheaper)], scored(staticNode))!;
    expect(reason.code).toBe('autoscaling-trade-off');
    expect(policyReasonText(reason, staticNode)).toMatch(/would cost 55% less .* but misses the targets for 14 minutes a day while new replicas start \(4 minutes each\)/);
  });
});

const base: AdviceRequest = {
  modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 40, shape: { kind: 'diurnal', peakToAverage: 3 }, horizon: 'day',
  latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 40 }, pricing: { kind: 'rented' },
};

const creditsAutoscaling = (r: Reason, report: AdviceReport) => r.code === 'autoscaling-pays' || /autoscaling (saves|pays)/.test(reasonText(r, report));

describe('reasons on whole answers', () => {
  const workloads: AdviceRequest[] = [
    base,
    { ...base, meanRequestsPerSecond: 0.2 },
    { ...base, meanRequestsPerSecond: 3, shape: { kind: 'flat' } },
    { ...base, meanRequestsPerSecond: 200, shape: { kind: 'diurnal', peakToAverage: 4 } },
    { ...base, pricing: { kind: 'rented', tier: 'rental-3y-neocloud' } },
    { ...base, dollarsPerGpuHourOverrides: { single: 1.5 } },
  ];

  it('no reason credits autoscaling unless the recommended fleet changes size', () => {
    for (const request of workloads) {
      const report = advise(request, adviseCatalog(), FIXTURE_CALIBRATION);
      const c = report.recommendation!;
      const fleetChanges = (c.minGpuCount ?? c.peakGpuCount) < c.peakGpuCount;
      for (const reason of report.reasons) if (creditsAutoscaling(reason, report)) expect(fleetChanges, `${reasonText(reason, report)} (${request.meanRequestsPerSecond} req/s)`).toBe(true);
    }
  });

  it('the headline names the commitment and the elasticity apart', () => {
    const report = advise(base, adviseCatalog(), FIXTURE_CALIBRATION);
    const c = report.recommendation!;
    expect(c.commitment).toBeDefined();
    expect(summaryText(report)).toMatch(/\$\d+\.\d\d\/GPU-hour(, | \()(3-year commitment|on-demand)/);
    expect(summaryText(report)).toMatch(/(static fleet|autoscaled fleet|reserved base \+ burst|scale-to-zero fleet):/);
    const term = advise({ ...base, pricing: { kind: 'rented', tier: 'rental-3y-neocloud' } }, adviseCatalog(), FIXTURE_CALIBRATION);
    // A 3-year GPU is paid around the clock: whatever scales pays on-demand, and the headline says which.
    for (const cand of term.candidates.filter((x) => x.policy === 'reactive-autoscale')) expect(cand.commitment).toBe('on-demand');
    expect(term.reasons.map((r) => reasonText(r, term)).join(' ')).not.toMatch(/every policy at the rental-3y-neocloud price/);
  });

  it('at 0.2 req/s scale to zero is considered and said why not', () => {
    const report = advise({ ...base, meanRequestsPerSecond: 0.2 }, adviseCatalog(), FIXTURE_CALIBRATION);
    expect(reasonText(report.reasons.find((r) => r.code === 'scale-to-zero-considered')!, report)).toMatch(/quietest minute still brings .* req\/s/);
  });

  it('a price override says what it replaced and what the fleet would cost at the catalog price', () => {
    const report = advise({ ...base, dollarsPerGpuHourOverrides: { single: 1.5 } }, adviseCatalog(), FIXTURE_CALIBRATION);
    const reason = report.reasons.find((r) => r.code === 'price-override')!;
    expect(reasonText(reason, report)).toMatch(/your price of \$1\.50\/GPU-hour for .* replaced the catalog's \$2\.00 \(3-year commitment\) and \$3\.00 \(on-demand\)/);
    // The same run re-priced: a static fleet at $2 instead of $1.5 costs 4/3 as much per token.
    const n = reason.numbers!;
    if (report.recommendation!.policy === 'static-peak') expect(n.catalogEffectiveDollarsPerMillionOutputTokens! / n.effectiveDollarsPerMillionOutputTokens!).toBeCloseTo(2 / 1.5, 6);
  });
});
