/** The Slack form's prefix-cache and speculative-decoding inputs (issue 24): read, checked, onto the draft, shown back. */
import { describe, expect, it } from 'vitest';
import { buildWorkload } from '../../src/advice/build-workload.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { FORM_BLOCK } from '../../src/slack/blocks/form-view.ts';
import { draftFromForm, formSummary, readFormFields, type ViewStateValues } from '../../src/slack/form-fields.ts';
import { fieldsOf } from '../../src/slack/real-advisor.ts';

const BASE = { model: 'llama-3.3-70b', inputTokens: '8000', outputTokens: '500', requestsPerSecond: '5' };
function state(fields: Record<string, string>): ViewStateValues {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => {
    const block = FORM_BLOCK[k as keyof typeof FORM_BLOCK];
    return [block, { [block]: k === 'model' ? { selected_option: { value: v } } : { value: v } }];
  }));
}

describe('form: prefix caching and speculative decoding', () => {
  it('75 % hits and eagle3:3 at 0.6 reach the request, are summarised, and are shown back when the form reopens', () => {
    const read = readFormFields(state({ ...BASE, prefixCacheHitPercent: '75', speculative: 'eagle3:3', acceptanceRate: '0.6' }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const draft = draftFromForm(read.fields);
    expect(draft.fields.prefixCacheHitFraction).toBe(0.75);
    expect(draft.fields.speculative).toEqual({ method: 'eagle3', draftTokens: 3, acceptanceRate: 0.6 });
    expect(formSummary(draft)).toMatch(/75 % prefix-cache hits, speculative eagle3:3 at 0.6/);
    const built = buildWorkload(draft, loadCatalogOrThrow(), { door: 'form', asOfDate: '2026-12-03' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(fieldsOf(built.workload.request)).toMatchObject({ prefixCacheHitPercent: 75, speculativeSetting: 'eagle3:3', acceptanceRate: 0.6 });
  });

  it('an empty speculative input turns it off over a previous draft that had it', () => {
    const first = readFormFields(state({ ...BASE, speculative: 'mtp:3' }));
    const second = readFormFields(state(BASE));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(draftFromForm(second.fields, draftFromForm(first.fields)).fields.speculative).toBeUndefined();
  });

  it('refuses an unknown method, an acceptance of 1.5 and a hit rate of 100 %, next to each field', () => {
    const read = readFormFields(state({ ...BASE, speculative: 'medusa:3', acceptanceRate: '1.5', prefixCacheHitPercent: '100' }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[FORM_BLOCK.speculative]).toMatch(/eagle3:3/);
    expect(read.errors[FORM_BLOCK.acceptanceRate]).toMatch(/acceptance rate/);
    expect(read.errors[FORM_BLOCK.prefixCacheHitPercent]).toMatch(/Example: 30/);
  });
});
