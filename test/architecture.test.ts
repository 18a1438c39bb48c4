/**
 * Dependency direction (../shared/ARCHITECTURE.md): the engine imports only the engine and never does
 * I/O, reads the clock or the environment, or draws unseeded random numbers; cli and slack never import
 * each other; only chart/render*.ts and its canvas pool touch @napi-rs/canvas and only slack/ (and the playground that
 * hosts it) touches @slack/*.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = filesUnder(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('architecture', () => {
  it('finds the source tree', () => {
    expect(sources.filter((s) => s.path.startsWith('engine/')).length).toBeGreaterThan(30);
  });

  it('keeps the engine pure: engine imports only engine modules', () => {
    const engine = sources.filter((s) => s.path.startsWith('engine/'));
    const packages = engine.flatMap((s) => importsOf(s.text).filter((spec) => !spec.startsWith('.')).map((spec) => `${s.path} -> ${spec}`));
    const outside = engine
      .flatMap((s) => importsOf(s.text).filter((spec) => spec.startsWith('.')).map((spec) => ({ s, target: relative(root, join(root, s.path, '..', spec)) })))
      .filter(({ target }) => !target.startsWith('engine/'))
      .map(({ s, target }) => `${s.path} -> ${target}`);
    expect(packages).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('keeps the engine free of I/O, clock, environment and unseeded randomness', () => {
    const banned = /\bprocess\.|Math\.random|Date\.now|new Date\(|from 'node:|from 'zod'/;
    const offenders = sources.filter((s) => s.path.startsWith('engine/') && banned.test(s.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('keeps the adapters apart: cli and slack never import each other', () => {
    const crossing = sources
      .filter((s) => s.path.startsWith('cli/') || s.path.startsWith('slack/'))
      .flatMap((s) => importsOf(s.text).filter((spec) => spec.startsWith('.')).map((spec) => ({ s, target: relative(root, join(root, s.path, '..', spec)) })))
      .filter(({ s, target }) => (s.path.startsWith('cli/') && target.startsWith('slack/')) || (s.path.startsWith('slack/') && target.startsWith('cli/')))
      .map(({ s, target }) => `${s.path} -> ${target}`);
    expect(crossing).toEqual([]);
  });

  it('confines the canvas to chart rendering and @slack/* to the Slack adapter', () => {
    const canvas = sources.filter((s) => importsOf(s.text).some((spec) => spec.startsWith('@napi-rs/canvas'))).map((s) => s.path);
    expect(canvas.every((p) => /^chart\/(render[\w-]*|canvas-pool)\.ts$/.test(p))).toBe(true);
    const slack = sources.filter((s) => importsOf(s.text).some((spec) => spec.startsWith('@slack/'))).map((s) => s.path);
    expect(slack.every((p) => p.startsWith('slack/') || p.startsWith('playground/'))).toBe(true);
  });
});
