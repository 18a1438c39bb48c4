import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import {
  benchmarksFor,
  defaultPrice,
  findAccelerator,
  findModel,
  pricesFor,
  suggestAccelerators,
  suggestModels,
} from '../../src/engine/catalog/lookup.ts';
import { editDistance } from '../../src/engine/catalog/edit-distance.ts';
import { normalizeName } from '../../src/engine/catalog/normalize-name.ts';

const catalog = loadCatalogOrThrow(fileURLToPath(new URL('../fixtures/catalog/valid/', import.meta.url)));

describe('normalizeName and editDistance', () => {
  it('ignores case, spaces, underscores and dashes but keeps dots', () => {
    expect(normalizeName(' H100_SXM-5 ')).toBe('h100sxm5');
    expect(normalizeName('Llama 3.3 70B')).toBe('llama3.370b');
  });
  it('computes Levenshtein distance', () => {
    // Oracle: classic textbook example kitten -> sitting = 3 edits.
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('b200', 'b200')).toBe(0);
  });
});

describe('findAccelerator / findModel', () => {
  it('matches ids, aliases and names regardless of case, spaces, underscores and dashes', () => {
    for (const text of ['h100-sxm', 'H100 SXM', 'h100_sxm', 'H100-SXM', 'h100', 'NVIDIA H100 SXM 80GB']) {
      expect(findAccelerator(catalog, text)?.id).toBe('h100-sxm');
    }
    expect(findAccelerator(catalog, 'hgx b200')?.id).toBe('b200');
    expect(findModel(catalog, 'Llama-3.3-70B-Instruct')?.id).toBe('llama-3.3-70b');
    expect(findModel(catalog, 'llama 3.3 70b')?.id).toBe('llama-3.3-70b');
    expect(findModel(catalog, 'gpt-oss 120b')?.id).toBe('gpt-oss-120b');
  });
  it('returns undefined for unknown or empty names', () => {
    expect(findAccelerator(catalog, 'h900')).toBeUndefined();
    expect(findModel(catalog, '  ')).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('suggests close names, best first', () => {
    expect(suggestAccelerators(catalog, 'h10')[0]).toBe('h100-sxm');
    expect(suggestAccelerators(catalog, 'b20o')).toEqual(['b200']);
    expect(suggestModels(catalog, 'lama 3.3 70b')[0]).toBe('llama-3.3-70b');
    expect(suggestModels(catalog, 'gpt-oss-12b')[0]).toBe('gpt-oss-120b');
  });
  it('suggests nothing for unrelated text', () => {
    expect(suggestAccelerators(catalog, 'toaster oven')).toEqual([]);
    expect(suggestModels(catalog, '')).toEqual([]);
  });
});

describe('prices', () => {
  it('lists prices of one accelerator, cheapest first', () => {
    expect(pricesFor(catalog, 'h100-sxm').map((p) => p.dollarsPerGpuHour)).toEqual([1.3, 2.99, 6.88]);
    expect(pricesFor(catalog, 'nope')).toEqual([]);
  });
  it("prefers the 3-year neocloud rental for 'rented'", () => {
    expect(defaultPrice(catalog, 'h100-sxm')?.id).toBe('sa-h100-rental');
  });
  it('falls back to the cheapest neocloud on-demand, ignoring spot', () => {
    // b200 fixture: no rental tier; Crusoe on-demand 5.5 beats AWS on-demand 14.24; spot 2.63 is not on-demand.
    expect(defaultPrice(catalog, 'b200')?.id).toBe('crusoe-b200-od');
  });
  it('honours an explicit tier and returns null when none exists', () => {
    expect(defaultPrice(catalog, 'b200', 'spot')?.dollarsPerGpuHour).toBe(2.63);
    expect(defaultPrice(catalog, 'b200', 'reserved-3y')).toBeNull();
    expect(defaultPrice(catalog, 'h900')).toBeNull();
  });
});

describe('benchmarksFor', () => {
  it('filters by accelerator and/or model', () => {
    expect(benchmarksFor(catalog)).toHaveLength(3);
    expect(benchmarksFor(catalog, 'h100-sxm').map((b) => b.id)).toEqual(['fx-h100-llama-c64', 'fx-h100-llama-qps4']);
    expect(benchmarksFor(catalog, undefined, 'gpt-oss-120b').map((b) => b.id)).toEqual(['fx-b200-gptoss-sat']);
    expect(benchmarksFor(catalog, 'b200', 'llama-3.3-70b')).toEqual([]);
  });
});
