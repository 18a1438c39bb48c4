/**
 * Slack mrkdwn -> HTML (pure): ```pre```, `code`, *bold*, _italic_, ~strike~, <url|label>, <@U..>,
 * <#C..|name>, <!here>, > quotes, :emoji:, line breaks. Slack's &amp; &lt; &gt; escapes are decoded
 * and everything is HTML-escaped again, so no app text becomes markup.
 * Links and mentions are swapped for placeholders first, then code and pre, so formatting never
 * reaches inside them. Like Slack, `<...>` is a link or mention even inside `code` and ```pre```: a
 * placeholder such as `<question>` loses its brackets and shows as a link, as a Slack user would see it.
 */

export interface MrkdwnContext {
  /** User id -> display name for <@U..> mentions. */
  readonly userName: (id: string) => string | undefined;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** For text content: &, < and >. */
export const escapeText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** For attribute values too. */
export const escapeHtml = (text: string): string => escapeText(text).replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** Slack's three escapes back to characters. */
export const decodeSlackEntities = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

const EMOJI: Readonly<Record<string, string>> = {
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', bulb: '💡', chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉', moneybag: '💰', money_with_wings: '💸', zap: '⚡', rocket: '🚀', hourglass: '⌛',
  hourglass_flowing_sand: '⏳', information_source: 'ℹ️', thumbsup: '👍', '+1': '👍', tada: '🎉', eyes: '👀', gear: '⚙️',
  memo: '📝', mag: '🔍', house: '🏠', robot_face: '🤖', bar_chart: '📊', speech_balloon: '💬', wave: '👋', fire: '🔥',
};

export const replaceEmoji = (text: string): string => text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);

const SAFE_URL = /^(https?:|mailto:)/i;

/** One <...> token: a link, a user/channel mention or a special mention. */
function angleToken(inner: string, ctx: MrkdwnContext): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = ctx.userName(id) ?? label ?? id;
    return `<span class="mention" data-user="${escapeHtml(id)}">@${escapeText(decodeSlackEntities(name))}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention channel">#${escapeText(decodeSlackEntities(label ?? target.slice(1)))}</span>`;
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0] ?? '';
    const shown = ['here', 'channel', 'everyone'].includes(name) ? `@${name}` : (label ?? name);
    return `<span class="mention special">${escapeText(decodeSlackEntities(shown))}</span>`;
  }
  const url = decodeSlackEntities(target);
  const text = escapeText(decodeSlackEntities(label ?? target));
  // Slack turns any other <word> into a link to it, brackets gone: show that, so it gets fixed.
  if (!SAFE_URL.test(url)) return /^[a-z][a-z0-9+.-]*:/i.test(url) ? text : `<span class="bad-link" title="Slack reads this as a link">${text}</span>`;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

const BOUNDARY_BEFORE = `(^|[\\s([{"'“‘.,;:!?/\\-–—${CLOSE}])`;
const BOUNDARY_AFTER = `(?=$|[\\s)\\]}"'”’.,;:!?/&\\-–—${OPEN}])`;
const emphasis = (marker: string, tag: string) =>
  [new RegExp(`${BOUNDARY_BEFORE}\\${marker}(?=[^\\s${marker}])([^${marker}\\n]*?[^\\s${marker}])\\${marker}${BOUNDARY_AFTER}`, 'g'), tag] as const;
const EMPHASIS = [emphasis('*', 'strong'), emphasis('_', 'em'), emphasis('~', 'del')] as const;

function formatLine(line: string): string {
  let out = line;
  for (const [pattern, tag] of EMPHASIS) out = out.replace(pattern, (_m, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  return out;
}

/** mrkdwn text -> safe HTML. */
export function mrkdwnToHtml(source: string, ctx: MrkdwnContext): string {
  const stash: string[] = [];
  const hold = (html: string) => `${OPEN}${stash.push(html) - 1}${CLOSE}`;
  let text = source.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  // A pre block is a block: it takes the line breaks around it.
  text = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => hold(angleToken(inner, ctx)));
  text = text.replace(/\n?```\n?([\s\S]*?)\n?```\n?/g, (_m, code: string) => hold(`<pre class="pre">${escapeText(decodeSlackEntities(code))}</pre>`));
  text = text.replace(/`([^`\n]+)`/g, (_m, code: string) => hold(`<code>${escapeText(decodeSlackEntities(code))}</code>`));
  const lines = text.split('\n').map((line) => {
    const quote = /^(?:&gt;|>)\s?(.*)$/.exec(line);
    const body = formatLine(replaceEmoji(escapeText(decodeSlackEntities(quote ? quote[1]! : line))));
    return quote ? `<span class="quote">${body}</span>` : body;
  });
  // Code and pre may hold link placeholders: unfold until none is left (each pass one level deeper).
  let html = lines.join('<br>');
  for (let depth = 0; depth < 3 && html.includes(OPEN); depth++) html = html.replace(/\uE000(\d+)\uE001/g, (_m, index: string) => stash[Number(index)] ?? '');
  return html;
}

/** plain_text objects: escaped, with :emoji: when the object asks for it. */
export function plainTextToHtml(text: string, emoji = true): string {
  const escaped = escapeText(text).replaceAll('\n', '<br>');
  return emoji ? replaceEmoji(escaped) : escaped;
}
