/** A claim check as text: reproduced or not, under which conditions, and the same platform at 30 % and 60 % load. */
import { formatDollars, formatTable } from '../format.ts';
import { REPRODUCED_WITHIN, type ClaimCheck } from './claim-check.ts';

const tokensWord = (t: 'output' | 'total'): string => (t === 'total' ? 'total (input + output)' : 'output');

export function renderClaimCheck(c: ClaimCheck): string {
  const claimed = formatDollars(c.claimedDollarsPerMillionTokens);
  const lines: string[] = [];
  if (!c.closest) {
    lines.push(`Claim: ${claimed} per 1M tokens on ${c.platformName} for ${c.modelId}. tokcost finds no priced configuration of ${c.platformName} that serves ${c.modelId}, so it cannot check the figure.`);
  } else {
    const k = c.closest;
    const ratio = k.dollarsPerMillionTokens / c.claimedDollarsPerMillionTokens;
    const head = c.reproduced
      ? `Reproduced: ${c.platformName} on ${c.modelId} comes to ${formatDollars(k.dollarsPerMillionTokens)} per 1M ${tokensWord(k.tokens)} tokens against the claimed ${claimed}`
      : `Not reproduced: the closest tokcost gets on ${c.platformName} for ${c.modelId} is ${formatDollars(k.dollarsPerMillionTokens)} per 1M ${tokensWord(k.tokens)} tokens, ${ratio >= 1 ? `${ratio.toFixed(1)}x the claimed ${claimed}` : `${(1 / ratio).toFixed(1)}x below the claimed ${claimed}`}`;
    lines.push(`${head}, only under these conditions: full load (every GPU busy all the time), ${k.pricing} pricing, counting ${tokensWord(k.tokens)} tokens, ${k.interactivity} (TPOT ${k.tpotMs.toFixed(0)} ms), ${c.inputTokens} in / ${c.outputTokens} out.`);
    if (c.alsoWithin.length > 0) lines.push(`Also within ${REPRODUCED_WITHIN}x of the claim: ${c.alsoWithin.join('; ')}.`);
    const loads = k.atLoad.map((a) => `${formatDollars(a.dollarsPerMillionTokens)} at ${Math.round(a.loadFraction * 100)} % load`).join(' and ');
    if (loads) lines.push(`At real load the same platform costs ${loads} (per 1M ${tokensWord(k.tokens)} tokens, same pricing and interactivity): a GPU costs the same per hour busy or idle.`);
  }
  if (c.conditions.length > 0) {
    lines.push(formatTable([
      ['pricing', 'interactivity', '$/1M total, full load', '$/1M output, full load', ...(c.conditions[0]!.atLoad.map((a) => `${Math.round(a.loadFraction * 100)} % load`))],
      ...c.conditions.map((x) => [x.pricing, x.interactivity, formatDollars(x.fullLoadDollarsPerMillionTotalTokens), formatDollars(x.fullLoadDollarsPerMillionOutputTokens), ...x.atLoad.map((a) => formatDollars(a.dollarsPerMillionTokens))]),
    ]));
  }
  lines.push('To check it for your own workload, ask e.g. "gpt-oss-120b on b200, 2k in / 500 out, 30 rps, peaks 3x".');
  lines.push(`Assumptions:\n${c.assumptions.map((a) => `  - ${a.name}: ${a.value} [${a.source.title}, ${a.source.asOf}, ${a.source.basis}]`).join('\n')}`);
  return lines.join('\n\n');
}
