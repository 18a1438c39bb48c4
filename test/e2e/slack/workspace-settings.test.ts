/**
 * Workspace settings over loopback (scripted advisor), issue 25: who may change them (Slack workspace
 * admins and owners by users.info when TOKCOST_ADMINS is unset), bounds on every value with the
 * reason, who changed what when in `settings`, and a store whose disk is full: the setting is said
 * to be not saved, and an answer already posted is not followed by an apology.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../../src/slack/blocks/help-blocks.ts';
import { StoreError } from '../../../src/store/store-errors.ts';
import type { TokcostStore } from '../../../src/store/store.ts';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { QUESTION, startHarness, type Harness } from './harness.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';

const ackText = (res: { text: string }) => (res.text.trim() === '' ? '' : String((JSON.parse(res.text) as { text?: string }).text ?? '') + JSON.stringify((JSON.parse(res.text) as { blocks?: unknown }).blocks ?? []));

/** A store whose disk fills up on demand: every write then fails as SQLite does (SQLITE_FULL). */
function fillable(store: TokcostStore) {
  const state = { full: false };
  const WRITES = new Set(['saveAnswer', 'setGpuPrice', 'setPowerPrice', 'resetSettings', 'claimEvent', 'claimSignature', 'takeRateLimit', 'beginWork', 'renewWork', 'finishWork', 'claimAbandonedWork', 'beginStep', 'finishStep', 'recordUsage']);
  const wrapped = Object.fromEntries(
    Object.entries(store).map(([name, value]) => [
      name,
      typeof value === 'function' && WRITES.has(name)
        ? (...args: unknown[]) => (state.full ? Promise.reject(new StoreError('full', 'SQLite store: database or disk is full')) : (value as (...a: unknown[]) => unknown)(...args))
        : value,
    ]),
  ) as unknown as TokcostStore;
  return { state, wrapped };
}

describe('workspace settings', () => {
  const advisor = new FakeAdvisor();
  let h: Harness;
  let disk: ReturnType<typeof fillable>['state'];
  beforeAll(async () => {
    h = await startHarness({
      advisor,
      wrapStore: (store) => {
        const f = fillable(store);
        disk = f.state;
        return f.wrapped;
      },
    });
  });
  afterAll(async () => h.stop());
  beforeEach(() => {
    h.fake.reset();
    h.fake.roles.clear();
    disk.full = false;
  });

  it('by default only Slack workspace admins and owners may change them: an absurd price from a member is not saved', async () => {
    h.fake.roles.set('UMEMBER', {});
    const refused = await h.command('set price h200-sxm 0.0000001', { userId: 'UMEMBER', teamId: 'TP' });
    expect(ackText(refused)).toContain('Only Slack workspace admins and owners');
    expect(h.fake.callsTo('users.info').map((c) => c.body.user)).toEqual(['UMEMBER']);
    expect(ackText(await h.command('reset', { userId: 'UMEMBER', teamId: 'TP' }))).toContain('Only Slack workspace admins and owners');
    expect(await h.store.settings('TP')).toEqual({ dollarsPerGpuHour: {} });
    h.fake.roles.set('UOWNER', { is_owner: true });
    expect(ackText(await h.command('set price h200-sxm 1.90', { userId: 'UOWNER', teamId: 'TP' }))).toContain('Saved');
    // Anyone may read them.
    expect(ackText(await h.command('settings', { userId: 'UMEMBER', teamId: 'TP' }))).toContain('1.90');
  });

  it('refuses when Slack cannot say who is an admin, naming the reason and the fix', async () => {
    h.fake.fail('users.info', 'missing_scope');
    const refused = ackText(await h.command('set power 0.09', { userId: 'UADMIN', teamId: 'TQ' }));
    expect(refused).toContain('missing_scope');
    expect(refused).toContain('users:read');
    expect(await h.store.settings('TQ')).toEqual({ dollarsPerGpuHour: {} });
  });

  it('bounds every value, saying the bound and why, even for an admin', async () => {
    for (const [text, bound] of [
      ['set price h200-sxm 0.0000001', '0.05–100 $ per GPU-hour'],
      ['set price b200 250', '0.05–100 $ per GPU-hour'],
      ['set power 0.001', '0.01–1 $ per kWh'],
      ['set power 3', '0.01–1 $ per kWh'],
    ] as const) {
      const reply = ackText(await h.command(text, { userId: 'UADMIN', teamId: 'TB' }));
      expect(reply, text).toContain('Not saved');
      expect(reply, text).toContain(bound);
      expect(reply, text).toContain('because');
      expect(reply, text).toMatch(/set (price h100-sxm 2\.10|power 0\.12)/);
    }
    expect(await h.store.settings('TB')).toEqual({ dollarsPerGpuHour: {} });
  });

  it('shows who changed what when in `settings`', async () => {
    await h.command('set price h200-sxm 2.10', { userId: 'UANN', teamId: 'TA' });
    await h.command('set price h200-sxm 1.95', { userId: 'UBOB', teamId: 'TA' });
    await h.command('set power 0.09', { userId: 'UANN', teamId: 'TA' });
    const shown = ackText(await h.command('settings', { userId: 'UCAT', teamId: 'TA' }));
    expect(shown).toContain('Recent changes');
    expect(shown).toMatch(/power none → \$0\.09 by <@UANN>, \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(shown).toMatch(/price h200-sxm \$2\.10 → \$1\.95 by <@UBOB>/);
    expect(shown).toMatch(/price h200-sxm none → \$2\.10 by <@UANN>/);
    expect(shown.indexOf('by <@UANN>')).toBeLessThan(shown.indexOf('by <@UBOB>')); // newest first
  });

  it('with a full disk, says the setting was not saved', async () => {
    disk.full = true;
    const reply = ackText(await h.command('set price h200-sxm 2.10', { userId: 'UADMIN', teamId: 'TF' }));
    expect(reply).toContain('I could not save the setting: the disk holding tokcost’s store is full. Nothing was changed');
    expect(reply).not.toContain(ERROR_TEXT);
    disk.full = false;
    expect(await h.store.settings('TF')).toEqual({ dollarsPerGpuHour: {} });
  });

  it('with a full disk, still answers, and an answer already posted is not followed by an apology', async () => {
    disk.full = true;
    const ack = await h.command(QUESTION, { userId: 'U1', teamId: 'TF', channelId: 'CFULL', responseId: 'full' });
    expect(ack.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer and chart');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('CFULL');
    expect([...posts.map((p) => String(p.body.text)), ...h.fake.responses.map((r) => String(r.body.text))].filter((t) => t.includes('Sorry'))).toEqual([]);
  });

  it('reports the store’s health on /healthz', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: { ok: true, kind: 'sqlite' } });
  });
});
