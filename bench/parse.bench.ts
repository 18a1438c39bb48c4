/** Question parsing speed (target < 1 ms a question) on the real catalog's vocabulary, and a general answer. */
import { answerSpecialQuestion } from '../src/advice/special-questions.ts';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { parseQuery, vocabularyFromCatalog } from '../src/query/index.ts';
import { medianMs, printRow } from './median.ts';

const catalog = loadCatalogOrThrow();
const vocabulary = vocabularyFromCatalog(catalog);
const QUESTIONS = [
  'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user',
  'llama 70b 1k/1k 20-30 rps, spike 10x for 2 hours, only AMD',
  'We expect roughly 3 million chats a month on gpt-oss-120b, each about 1.2k tokens in and 350 out',
  '`deepseek-r1` *5 rps* _4k/1k_ on `mi355x`, business hours 9-5 ET only',
  'qwen3-32b, 500 users each sending 4 requests per minute, 2\u2009000 in / 300 out, weekends at 20%',
];
process.stdout.write('\nQuestion parsing (median of 500 runs per question)\n');
for (const q of QUESTIONS) printRow(`parse: ${q.slice(0, 58)}`, medianMs(500, () => parseQuery(q, vocabulary)), 1);
const calibration = loadCalibration();
printRow('general question answered on 3 reference workloads (curve)', medianMs(3, () => answerSpecialQuestion('What does utilization do to effective cost per token?', catalog, calibration, '2026-12-03')));
