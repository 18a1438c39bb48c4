/** What `/tokcost <text>` asks for: a question, the form, help, or a workspace setting. Pure. */

export type CommandIntent =
  | { readonly kind: 'form' }
  | { readonly kind: 'help' }
  | { readonly kind: 'settings' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'set-price'; readonly platform: string; readonly dollarsPerGpuHour: number }
  | { readonly kind: 'set-power'; readonly dollarsPerKwh: number }
  | { readonly kind: 'set-usage'; readonly message: string }
  | { readonly kind: 'question'; readonly text: string };

const SET_USAGE = 'Use `/tokcost set price <platform> <dollars per GPU-hour>` (e.g. `set price h100-sxm 2.10`) or `/tokcost set power <dollars per kWh>` (e.g. `set power 0.12`).';

/** "$2.10", "2.1/h", "2.10/GPU-hour" -> 2.1; undefined when not a positive amount. */
export function parseDollars(text: string | undefined): number | undefined {
  const match = /^\$?(\d+(?:\.\d+)?|\.\d+)(?:\s*(?:\/|per)\s*\S*)?$/i.exec((text ?? '').trim());
  const value = match ? Number(match[1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function parseCommandText(raw: string): CommandIntent {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (text === '') return { kind: 'form' };
  if (lower === 'help' || lower === '?' || lower === '-h' || lower === '--help') return { kind: 'help' };
  if (lower === 'settings' || lower === 'show settings') return { kind: 'settings' };
  if (lower === 'reset' || lower === 'reset settings') return { kind: 'reset' };
  const words = text.split(/\s+/);
  if (words[0]?.toLowerCase() !== 'set') return { kind: 'question', text };
  const what = words[1]?.toLowerCase();
  if (what === 'price' && words.length >= 4) {
    const dollars = parseDollars(words.slice(3).join(' '));
    if (dollars === undefined) return { kind: 'set-usage', message: `“${words.slice(3).join(' ')}” is not a price in dollars per GPU-hour. ${SET_USAGE}` };
    return { kind: 'set-price', platform: words[2]!, dollarsPerGpuHour: dollars };
  }
  if (what === 'power' && words.length >= 3) {
    const dollars = parseDollars(words.slice(2).join(' '));
    if (dollars === undefined || dollars > 5) return { kind: 'set-usage', message: `“${words.slice(2).join(' ')}” is not a power price in dollars per kWh. ${SET_USAGE}` };
    return { kind: 'set-power', dollarsPerKwh: dollars };
  }
  return { kind: 'set-usage', message: SET_USAGE };
}
