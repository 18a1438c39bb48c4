/** The advisor the end-to-end tests run: the real one (catalog from data/, engine, charts). */
import type { Advisor } from '../../../src/slack/advisor.ts';
import { loadRealAdvisor } from '../../../src/slack/load-real-advisor.ts';

export const advisorForE2E = (): Promise<Advisor> => loadRealAdvisor();
