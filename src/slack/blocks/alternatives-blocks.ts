/**
 * Alternatives table: the cheapest fleet of each platform and serving mode, its cost at your load and
 * its difference to the best. One row per (platform, mode), so no two rows read the same; the
 * configurations behind a row (fleet policy, parallelism) are in the breakdown and the CLI. Every
 * line fits CODE_LINE_MAX columns, so the table does not wrap on a phone.
 */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Candidate } from '../../engine/advice-types.ts';
import { shortPlatformName } from '../../engine/reports/report-common.ts';
import { escapeMrkdwn, formatDollars, formatGpus, formatRelativeChange, truncate } from './format-slack.ts';
import { codeTable, context, section } from './message.ts';

const MAX_ROWS = 6;
const PLATFORM_CHARS = 12;

const modeShort = (c: Candidate) => (c.servingMode === 'disaggregated' ? 'disagg' : 'agg');

/** The first (cheapest, in the engine's order) candidate of each platform and serving mode. */
export function distinctAlternatives(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.platform}|${c.servingMode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function difference(best: Candidate, c: Candidate): string {
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

/** Rows of the alternatives table (header first), best first, at most MAX_ROWS distinct rows. */
export function alternativesRows(report: AdviceReport): string[][] {
  const best = report.recommendation;
  const rows = [['Platform', 'Mode', 'GPUs', '$/1M out', 'vs #1', 'SLO']];
  for (const c of distinctAlternatives(report.candidates).slice(0, MAX_ROWS)) {
    rows.push([
      truncate(shortPlatformName(c.platformName), PLATFORM_CHARS),
      modeShort(c),
      formatGpus(c.gpuCount),
      formatDollars(c.effectiveDollarsPerMillionOutputTokens),
      percentVsBest(best, c),
      c.meetsSlo ? 'yes' : 'no',
    ]);
  }
  return rows;
}

const NO_PRICE = /^no (rental |purchase )?price\b/i;
/** The CLI's way to give a price, which a Slack user cannot use. */
const CLI_PRICE_HINT = /\s*\(give one with --price [^)]*\)/g;

/** "Not feasible" in Slack's words: unpriced platforms get the Slack way to set a price. */
export function infeasibleNotes(report: AdviceReport): string[] {
  const unpriced = report.infeasible.filter((i) => NO_PRICE.test(i.reason));
  const other = report.infeasible.filter((i) => !NO_PRICE.test(i.reason));
  const notes: string[] = [];
  if (unpriced.length > 0) {
    const ids = unpriced.slice(0, 8).map((i) => `\`${escapeMrkdwn(i.platform)}\``).join(', ');
    const more = unpriced.length > 8 ? ` and ${unpriced.length - 8} more` : '';
    const example = escapeMrkdwn(unpriced[0]!.platform);
    notes.push(`*No price in the catalog:* ${ids}${more}. Set yours with \`/tokcost set price ${example} 2.50\` ($ per GPU-hour), or add _${example} at $2.50/hr_ to the question.`);
  }
  if (other.length > 0) {
    const list = other.slice(0, 6).map((i) => `${escapeMrkdwn(i.platform)} (${escapeMrkdwn(i.reason.replace(CLI_PRICE_HINT, ''))})`).join('; ');
    const more = other.length > 6 ? `; ${other.length - 6} more` : '';
    notes.push(`*Not feasible:* ${truncate(list + more, 1200)}`);
  }
  return notes;
}

export function alternativesBlocks(report: AdviceReport): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const distinct = distinctAlternatives(report.candidates);
  if (distinct.length > 1 || (distinct.length === 1 && report.recommendation === null)) {
    const table = codeTable(alternativesRows(report), [false, false, true, true, true, false]);
    const hidden = report.candidates.length - Math.min(distinct.length, MAX_ROWS);
    const more = hidden > 0 ? `\n_Cheapest fleet per platform and mode; ${hidden} other configurations not shown._` : '';
    blocks.push(section(`*Alternatives* ($ per 1M output tokens at your load)\n${table}${more}`, 'tokcost_alternatives'));
  }
  const notes: string[] = [];
  const other = report.runnerUpOtherVendor;
  if (other !== null && report.recommendation !== null) {
    notes.push(`*Best from another vendor:* ${escapeMrkdwn(other.platformName)} at ${formatDollars(other.effectiveDollarsPerMillionOutputTokens)} (${difference(report.recommendation, other)})`);
  }
  notes.push(...infeasibleNotes(report));
  if (notes.length > 0) blocks.push(context(notes));
  return blocks;
}
