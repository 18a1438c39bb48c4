/**
 * Load said per user: "500 users each sending 2 requests a minute", "10k daily active users, 20 requests
 * per user per day", "3 queries an hour per employee, 2,000 employees". requests/s = users x the rate
 * each sends; the multiplication is stated as an assumption. A per-user rate without a head count is a
 * problem, not a guess.
 */
import type { Extraction } from './extraction.ts';
import { addRate } from './load-bounds.ts';
import { NUM, parseNumber, secondsPerUnit, UNIT } from './numbers.ts';
import type { Scanner } from './scanner.ts';

const PEOPLE = '(?:users?|people|persons?|customers?|employees?|seats?|members?|agents?|devs?|developers?|dau|mau)';
const NOUN = '(?:requests?|reqs?|queries|query|calls?|prompts?|messages?|questions?|chats?|conversations?)';
const PER = '(?:\\s?/\\s?|\\s(?:per|a|an|each|every)\\s)';
const EACH_RATE = `(?:each|who each|every one|apiece)?\\s?(?:sending|making|doing|asking|running|with|sends?|makes?|at|averag(?:ing|e))?\\s?(?:(?:about|around|maybe|roughly|approximately|approx|typically|like|on average)\\s|~)?${NUM}\\s?${NOUN}${PER}${UNIT}(?:\\s(?:each|apiece))?(?![a-z])`;
/** "500 users each sending 2 requests a minute" */
const USERS_THEN_RATE = new RegExp(`${NUM}\\s?(?:(?:daily|weekly|monthly) (?:active )?|active |internal )?${PEOPLE},?\\s?${EACH_RATE}`, 'gi');
/** "20 requests per user per day", "2 requests a minute each" */
const RATE_PER_USER = new RegExp(
  `${NUM}\\s?${NOUN}(?:${PER}${PEOPLE}${PER}${UNIT}|${PER}${UNIT}(?:\\s(?:per|each|for each|a|every)\\s${PEOPLE}|\\s(?:each|apiece)))(?![a-z])`,
  'gi',
);
const HEAD_COUNT = new RegExp(`${NUM}\\s?(?:(?:daily|weekly|monthly) (?:active )?|active |internal )?${PEOPLE}(?![a-z])(?!\\s?(?:at once|concurrently|simultaneously|in parallel|at the same time))`, 'gi');

function addPerUser(out: Extraction, users: number, perUser: number, seconds: number, fragment: string): void {
  if (!Number.isFinite(users) || users <= 0 || !Number.isFinite(perUser) || perUser <= 0) {
    out.problem(fragment, `"${fragment}" needs a positive number of users and a positive rate each`, '500 users each sending 2 requests a minute', 'requestsPerSecond');
    return;
  }
  const total = users * perUser;
  addRate(out, String(total), seconds, fragment);
  out.assume('requestsPerSecond', total / seconds, `"${fragment}": ${users} users x ${perUser} requests each per ${seconds} s = ${Number((total / seconds).toPrecision(4))} requests/s`);
}

export function extractPerUserLoad(scanner: Scanner, out: Extraction): void {
  scanner.each(USERS_THEN_RATE, (m) => addPerUser(out, parseNumber(m[1]!), parseNumber(m[2]!), secondsPerUnit(m[3]!), m[0]));
  scanner.each(RATE_PER_USER, (m) => {
    const perUser = parseNumber(m[1]!);
    const seconds = secondsPerUnit(m[2] ?? m[3]!);
    let users: { value: number; fragment: string } | undefined;
    scanner.each(HEAD_COUNT, (h) => {
      if (users) return false;
      users = { value: parseNumber(h[1]!), fragment: h[0] };
    });
    if (!users) {
      out.problem(m[0], `"${m[0]}" is a rate per user; how many users send it?`, '2,000 users, 3 requests an hour each', 'requestsPerSecond');
      return;
    }
    addPerUser(out, users.value, perUser, seconds, `${users.fragment}, ${m[0]}`);
  });
}
