/**
 * Number words before a unit ("two cents", "thirty rps", "twenty-five users", "a million requests a
 * day", "half a cent") rewritten as digits, so every extractor reads them like "2 cents". Only before a
 * unit word, so "one model" or "a few" stay words.
 */
const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const TEN_WORD = `(${Object.keys(TENS).join('|')})`;
const UNIT_WORD = `(${Object.keys(UNITS).join('|')})`;
const NUMBER_WORD = new RegExp(`\\b(?:${TEN_WORD}(?:[\\s-]${UNIT_WORD})?|${UNIT_WORD}|(a|half an?|a half)(?=\\s(?:thousand|million|billion|cents?|dollars?|hundred)\\b))(?:\\s(hundred))?(?=\\s(?:thousand|million|billion|cents?|dollars?|bucks|percent|%|x\\b|times|in\\b|out\\b|input|output|prompt|rps|qps|requests?|queries|calls?|users?|tokens?|toks?|seconds?|secs?|ms\\b|milliseconds?|minutes?|hours?|days?|weeks?|months?|years?|concurrent|gpus?|k\\b)|-(?:hour|minute|day|second))`, 'gi');

/** "a cent", "a million", "a hundred" are one (hundred); "half a cent" is 0.5. */
function valueOf(tens: string | undefined, unit: string | undefined, article: string | undefined, hundred: string | undefined): number | undefined {
  let value: number;
  if (article !== undefined) value = /^half|a half/i.test(article) ? 0.5 : 1;
  else value = (tens ? TENS[tens.toLowerCase()]! : 0) + (unit ? UNITS[unit.toLowerCase()]! : 0);
  return hundred ? value * 100 : value;
}

const FRACTIONS: Readonly<Record<string, number>> = { half: 1 / 2, third: 1 / 3, quarter: 1 / 4, fifth: 1 / 5, tenth: 1 / 10, hundredth: 1 / 100 };
/** "a tenth of a cent", "a quarter of a dollar": the fraction is the number, the unit stays. */
const FRACTION = new RegExp(`\\b(?:a|one)\\s(${Object.keys(FRACTIONS).join('|')})\\sof\\san?\\s(?=(?:cent|dollar|million|thousand)s?\\b)`, 'gi');

export function rewriteNumberWords(text: string): string {
  return text.replace(FRACTION, (_m, word: string) => `${String(Number(FRACTIONS[word.toLowerCase()]!.toPrecision(6)))} `).replace(NUMBER_WORD, (m, tens?: string, unitAfterTens?: string, unit?: string, article?: string, hundred?: string) => {
    const value = valueOf(tens, unitAfterTens ?? unit, article, hundred);
    if (value === undefined) return m;
    return String(value);
  });
}
