/**
 * Alternatives table: each candidate's cost at your load and its difference to the best. Kept to
 * ~55 characters a line (short platform names, percent difference only) so it doesn't wrap in a
 * normal-width Slack message; the full-load price and dollar differences are in the card and the
 * breakdown.
 */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Candidate } from '../../engine/advice-types.ts';
import { escapeMrkdwn, formatDollars, formatGpus, formatRelativeChange, truncate } from './format-slack.ts';
import { codeTable, context, divider, section } from './message.ts';
import { shortPlatformName } from '../../engine/reports/report-common.ts';

const MAX_ROWS = 8;

const modeShort = (c: Candidate) => (c.servingMode === 'disaggregated' ? 'disagg' : 'agg');

function difference(best: Candidate | null, c: Candidate): string {
  if (best === null) return '';
  if (c === best) return 'best';
  const delta = c.effectiveDollarsPerMillionOutputTokens - best.effectiveDollarsPerMillionOutputTokens;
  const sign = delta >= 0 ? '+' : '-';
  return `${sign}${formatDollars(Math.abs(delta))}, ${formatRelativeChange(best.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokens)}`;
}

/** The table's short difference to the best: 'best', '+12%', 'same'. */
function percentVsBest(best: Candidate | null, c: Candidate): string {
  if (best === null) return '';
  if (c === best) return 'best';
  return formatRelativeChange(best.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokens);
}

/** Rows of the alternatives table, best first (the engine's order), at most MAX_ROWS. */
export function alternativesRows(report: AdviceReport): string[][] {
  const best = report.recommendation;
  const rows = [['#', 'Platform', 'Mode', 'GPUs', '$/1M out', 'vs best', 'SLO']];
  report.candidates.slice(0, MAX_ROWS).forEach((c, i) => {
    rows.push([
      `${i + 1}`,
      truncate(shortPlatformName(c.platformName), 12),
      modeShort(c),
      formatGpus(c.gpuCount),
      formatDollars(c.effectiveDollarsPerMillionOutputTokens),
      percentVsBest(best, c),
      c.meetsSlo ? 'yes' : 'no',
    ]);
  });
  return rows;
}

export function alternativesBlocks(report: AdviceReport): KnownBlock[] {
  if (report.candidates.length === 0 && report.infeasible.length === 0) return [];
  const blocks: KnownBlock[] = [divider()];
  if (report.candidates.length > 0) {
    const table = codeTable(alternativesRows(report), [true, false, false, true, true, true, false]);
    const more = report.candidates.length > MAX_ROWS ? `\n_${report.candidates.length - MAX_ROWS} more not shown._` : '';
    blocks.push(section(`*Alternatives* (cost per 1M output tokens at your load; difference to the best)\n${table}${more}`, 'tokcost_alternatives'));
  }
  const notes: string[] = [];
  const other = report.runnerUpOtherVendor;
  if (other !== null && report.recommendation !== null) {
    notes.push(`*Best from another vendor:* ${escapeMrkdwn(other.platformName)} at ${formatDollars(other.effectiveDollarsPerMillionOutputTokens)} (${difference(report.recommendation, other)})`);
  }
  if (report.infeasible.length > 0) {
    const list = report.infeasible.slice(0, 8).map((i) => `${escapeMrkdwn(i.platform)} (${escapeMrkdwn(i.reason)})`).join('; ');
    const more = report.infeasible.length > 8 ? `; ${report.infeasible.length - 8} more` : '';
    notes.push(`*Not feasible:* ${truncate(list + more, 1500)}`);
  }
  if (notes.length > 0) blocks.push(context(notes));
  return blocks;
}
