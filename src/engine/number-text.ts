/**
 * `value.toLocaleString('en-US', { maximumFractionDigits })`, character for character, without Intl.
 * Why: the first Intl number format in a process loads ICU's locale data, 10-30 ms of every CLI start
 * for a handful of numbers in sentences. Intl rounds the shortest decimal form of the double (the
 * digits String(value) prints) half away from zero, then groups the integer digits by three with
 * commas; this does the same on the digits. Values String() prints with an exponent (below 1e-6 or from
 * 1e21), non-finite values and -0 go to Intl itself. test/engine/number-text.test.ts checks it against
 * toLocaleString.
 */
export function enUsNumber(value: number, maximumFractionDigits = 3): string {
  const digits = String(Math.abs(value));
  if (!Number.isFinite(value) || Object.is(value, -0) || digits.includes('e')) return value.toLocaleString('en-US', { maximumFractionDigits });
  const point = digits.indexOf('.');
  let integer = point < 0 ? digits : digits.slice(0, point);
  let fraction = point < 0 ? '' : digits.slice(point + 1);
  if (fraction.length > maximumFractionDigits) {
    const roundsUp = fraction.charCodeAt(maximumFractionDigits) >= 53; // the first dropped digit is 5..9
    fraction = fraction.slice(0, maximumFractionDigits);
    if (roundsUp) ({ integer, fraction } = incremented(integer, fraction));
  }
  fraction = fraction.replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** integer.fraction plus one unit in the last fraction digit (or in the integer when there is none), in decimal digits. */
function incremented(integer: string, fraction: string): { integer: string; fraction: string } {
  const all = (integer + fraction).split('');
  let i = all.length - 1;
  while (i >= 0 && all[i] === '9') all[i--] = '0';
  if (i >= 0) all[i] = String.fromCharCode(all[i]!.charCodeAt(0) + 1);
  else all.unshift('1');
  const integerLength = all.length - fraction.length;
  return { integer: all.slice(0, integerLength).join(''), fraction: all.slice(integerLength).join('') };
}
