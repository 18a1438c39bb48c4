/** Load profiles and arrivals: the traffic side of the engine. */
export { loadSeries, horizonMinutes, SPIKE_BASE_PEAK_TO_AVERAGE, type Horizon, type LoadSeries } from './load-series.ts';
export { unitDayCurve, MINUTES_PER_DAY } from './diurnal-curve.ts';
export { spikePulse, type SpikeTiming } from './spike-pulse.ts';
export { resampleToMinutes } from './resample-series.ts';
export { requestsPerSecondFrom, type RequestVolume, type RequestRateResult } from './request-rate.ts';
export { poissonArrivals } from './poisson-arrivals.ts';
export { createSeededRandom } from './seeded-random.ts';
export { peakOf, meanOf, quantileOf } from './series-stats.ts';
