import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCatalogCache, loadCatalog, loadCatalogOrThrow } from '../../src/catalog/index.ts';

const VALID = fileURLToPath(new URL('../fixtures/catalog/valid/', import.meta.url));
const tmpDirs: string[] = [];

/** A copy of the valid fixture in a temp dir, with `edit` applied to one file's parsed JSON. */
function brokenCatalog(file: string, edit: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-catalog-'));
  tmpDirs.push(dir);
  cpSync(VALID, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

afterEach(() => {
  for (const dir of tmpDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  clearCatalogCache();
});

describe('loadCatalog', () => {
  it('loads the valid fixture into plain engine data', () => {
    const result = loadCatalog(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalog.accelerators.map((a) => a.id)).toEqual(['h100-sxm', 'b200']);
    expect(result.catalog.models.map((m) => m.id)).toEqual(['llama-3.3-70b', 'gpt-oss-120b']);
    expect(result.catalog.energy.amortizationYears.value).toBe(4);
  });

  it('caches per directory and returns the same object', () => {
    expect(loadCatalog(VALID)).toBe(loadCatalog(VALID));
  });

  it('lists every schema problem of a bad record with its JSON path', () => {
    const dir = brokenCatalog('accelerators.json', (json) => {
      json[1].memoryBytes = -5;
      json[1].vendor = 'acme';
      delete json[1].source.asOf;
      json[0].denseFlopsPerSecond.fp16 = 1;
    });
    const result = loadCatalog(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(result.problems.map((p) => [p.path, p.message]));
    expect(byPath.get('accelerators.json[1].memoryBytes')).toBe('expected positive number');
    expect(byPath.has('accelerators.json[1].vendor')).toBe(true);
    expect(byPath.get('accelerators.json[1].source.asOf')).toBe('expected ISO date YYYY-MM or YYYY-MM-DD');
    expect(byPath.has('accelerators.json[0].denseFlopsPerSecond')).toBe(true);
    expect(result.problems).toHaveLength(4);
  });

  it('reports problems from several files at once', () => {
    const dir = brokenCatalog('prices.json', (json) => {
      json[0].dollarsPerGpuHour = 0;
    });
    writeFileSync(join(dir, 'benchmarks.json'), '{ not json');
    const result = loadCatalog(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain('prices.json[0].dollarsPerGpuHour');
    expect(paths).toContain('benchmarks.json');
  });

  it('reports a missing file', () => {
    const dir = brokenCatalog('energy.json', () => {});
    rmSync(join(dir, 'energy.json'));
    const result = loadCatalog(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toEqual({ path: 'energy.json', message: 'cannot read file (ENOENT)' });
  });

  it('checks references, unique ids and aliases across records', () => {
    const dir = brokenCatalog('benchmarks.json', (json) => {
      json[0].acceleratorId = 'h900';
      json[1].modelId = 'llama-9';
      json[2].id = json[0].id;
    });
    const models = JSON.parse(readFileSync(join(dir, 'models.json'), 'utf8'));
    models[1].aliases.push('Llama 3.3 70B Instruct'); // same normalized name as a llama-3.3-70b alias
    writeFileSync(join(dir, 'models.json'), JSON.stringify(models));
    const result = loadCatalog(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('benchmarks.json[0].acceleratorId: unknown accelerator id "h900"');
    expect(messages).toContain('benchmarks.json[1].modelId: unknown model id "llama-9"');
    expect(messages).toContain(`benchmarks.json[2].id: duplicate id "fx-b200-gptoss-sat"`);
    expect(messages.some((m) => m.startsWith('models.json[1].aliases[') && m.includes('already used by "llama-3.3-70b"'))).toBe(true);
  });

  it('requires the load field that a scenario implies', () => {
    const dir = brokenCatalog('benchmarks.json', (json) => {
      delete json[1].concurrency;
    });
    const result = loadCatalog(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'benchmarks.json[1].concurrency', message: "required when scenario is 'concurrency'" }]);
  });
});

describe('loadCatalogOrThrow', () => {
  it('returns the catalog when valid', () => {
    expect(loadCatalogOrThrow(VALID).models).toHaveLength(2);
  });

  it('throws an Error whose message lists every problem', () => {
    const dir = brokenCatalog('models.json', (json) => {
      json[0].layers = 0;
      json[1].releasedPrecision = 'int4';
    });
    expect(() => loadCatalogOrThrow(dir)).toThrowError(/2 problem\(s\):\n  models.json\[0\].layers: expected positive integer\n  models.json\[1\].releasedPrecision/);
  });
});
