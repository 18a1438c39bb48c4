/** `/tokcost help`, problems with a question, and short notices. */
import type { KnownBlock } from '@slack/types';
import type { QueryProblem } from '../advisor.ts';
import { literalInline } from './asked-line.ts';
import { escapeMrkdwn, truncate } from './format-slack.ts';
import { context, header, section, type SlackMessage } from './message.ts';

export const EXAMPLE_QUESTIONS: readonly string[] = [
  'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s',
  'llama 3.3 70b, 1k in / 300 out, 5 rps, TPOT under 50 ms',
  'deepseek-r1, 4k in / 1k out, 12 rps, peaks 3x, on b200 or mi355x',
];

export function helpMessage(command = '/tokcost'): SlackMessage {
  const examples = EXAMPLE_QUESTIONS.map((q) => `• \`${command} ${q}\``).join('\n');
  const blocks: KnownBlock[] = [
    header('tokcost: what your LLM inference really costs'),
    section(
      'Tell me the model, tokens per request, traffic and latency target. I answer with the platform, serving mode and GPUs, ' +
        'and the effective $ per million output tokens at *your* load vs at full load.',
    ),
    section(`*Ask*\n${examples}\n• \`${command}\` alone opens a form.`),
    section(
      '*Follow up in the thread* (mention me, or just reply in a thread I answered):\n' +
        '• _what about 4k in?_  • _double the traffic_  • _on mi355x_  • _TTFT under 500 ms_\n' +
        '• _tco?_  • _show the crossover_  • _batch efficiency_  • _the curve_  • _vs API?_',
    ),
    section(
      `*Planning reports* (a table, a verdict and a chart in the thread)\n` +
        `• \`${command} tco\` and a question: $ per 1M input/output/total tokens, J/token, $ per GB of HBM and KV cache, rented and owned\n` +
        `• \`${command} crossover\` and a question: the cheapest platform by throughput and tokens/s per user, and where it changes\n` +
        `• \`${command} batch\` and a question: cost per token vs batch size, memory- vs compute-bound, mixed request lengths\n` +
        `• \`${command} curve\` and a question: effective cost per token vs load for each platform\n` +
        `• \`${command} api\` and a question: self-hosted vs hosted APIs`,
    ),
    section(
      `*Workspace settings* (used in every answer and named in its assumptions)\n` +
        `• \`${command} set price h100-sxm 2.10\`: your $ per GPU-hour for a platform\n` +
        `• \`${command} set power 0.12\`: your $ per kWh\n` +
        `• \`${command} settings\` shows them, \`${command} reset\` clears them.`,
    ),
    context(['Mention @tokcost in a channel or DM me; the chart goes into the answer’s thread.']),
  ];
  return { text: `tokcost help: try ${command} ${EXAMPLE_QUESTIONS[0]}`, blocks };
}

export function problemsMessage(question: string, problems: readonly QueryProblem[]): SlackMessage {
  const lines = problems.slice(0, 10).map((p) => {
    const where = p.fragment ? `\`${escapeMrkdwn(truncate(p.fragment, 80))}\`: ` : '';
    return `• ${where}${escapeMrkdwn(p.message)}\n   e.g. _${escapeMrkdwn(p.example)}_`;
  });
  const more = problems.length > 10 ? `\n…and ${problems.length - 10} more.` : '';
  const blocks: KnownBlock[] = [
    section(`I couldn’t use all of ${literalInline(question) || '_your question_'}:\n${lines.join('\n')}${more}`),
    context([`A question that works: _${EXAMPLE_QUESTIONS[0]}_ · \`/tokcost help\` for more`]),
  ];
  const text = `I couldn't use that question: ${problems.map((p) => p.message).join('; ')}`;
  return { text: truncate(text, 3000), blocks };
}

/** A one-section message. */
export function noticeMessage(text: string): SlackMessage {
  return { text: text.replaceAll('*', ''), blocks: [section(text)] };
}

export const CHART_HINT =
  'I couldn’t attach the chart here. Invite me to the channel (`/invite @tokcost`) and I’ll add charts to my answers.';

/** On a card posted (chat:write.public) in a public channel the bot has not joined. */
export const NOT_A_MEMBER_NOTE =
  '_I’m not in this channel, so I won’t see replies to this card or attach its chart: `/invite @tokcost` to follow up here, or DM me._';

export const ERROR_TEXT = 'Sorry, something went wrong on my side while answering. Please try again in a minute.';
