/** Load-profile speed: a 7-day, 1-minute series for each shape (median of 50 runs, target < 5 ms). */
import type { LoadShape } from '../src/engine/advice-types.ts';
import { loadSeries } from '../src/engine/traffic/index.ts';
import { medianMs, printRow } from './median.ts';

const MEAN_REQUESTS_PER_SECOND = 30;
const SHAPES: readonly LoadShape[] = [
  { kind: 'diurnal', peakToAverage: 4 },
  { kind: 'weekly', peakToAverage: 3, weekendFraction: 0.4 },
  { kind: 'spike', peakToAverage: 5, riseMinutes: 30, durationMinutes: 600 },
];
process.stdout.write('\nLoad profiles (median of 50 runs)\n');
for (const shape of SHAPES) printRow(`7-day ${shape.kind} series, 1-minute steps`, medianMs(50, () => loadSeries(MEAN_REQUESTS_PER_SECOND, shape, 'week')), 5);
