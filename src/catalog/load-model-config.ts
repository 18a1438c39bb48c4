/**
 * EDGE: `--model-config FILE`: a Hugging Face config.json on disk -> a Model, and the catalog with it
 * added, so the engine answers for a model the catalog has never seen. Problems name the file and
 * what was wrong, with an example that works.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Catalog, Model } from '../engine/catalog/types.ts';
import { modelFromHfConfig } from './model-from-config.ts';

export type ModelConfigResult = { readonly ok: true; readonly model: Model } | { readonly ok: false; readonly problems: readonly string[] };

const EXAMPLE = 'save a model\'s config.json from Hugging Face (https://huggingface.co/<org>/<model>/blob/main/config.json) and pass --model-config ./config.json';

/** The model a config.json file describes; its id is `config-<name>` from `_name_or_path` or the file name. */
export function loadModelConfig(path: string): ModelConfigResult {
  let text: string;
  let modified: Date;
  try {
    text = readFileSync(path, 'utf8');
    modified = statSync(path).mtime;
  } catch (error) {
    return { ok: false, problems: [`--model-config: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? String(error)}); ${EXAMPLE}`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`--model-config: "${path}" is not JSON (${(error as Error).message}); ${EXAMPLE}`] };
  }
  const named = typeof (raw as { _name_or_path?: unknown })?._name_or_path === 'string' ? String((raw as { _name_or_path: string })._name_or_path) : '';
  const label = named || basename(path).replace(/\.json$/i, '');
  const slug = (label.split('/').pop() ?? label).toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  const result = modelFromHfConfig(raw, {
    id: `config-${slug}`,
    name: `${label} (from ${basename(path)})`,
    hfRepo: named || 'unknown (local config.json)',
    aliases: [],
    source: {
      title: `config.json given with --model-config (${path})`,
      asOf: modified.toISOString().slice(0, 10),
      basis: 'datasheet',
      note: 'architecture read from the given config.json; parameter counts computed from it (embeddings, attention or recurrent mixers, MLP, routers, experts; norms, biases and MTP layers left out)',
    },
  });
  return result.ok ? result : { ok: false, problems: result.problems.map((p) => `--model-config ${path}: ${p}`) };
}

/** The catalog with `model` added (replacing a model of the same id). */
export function catalogWithModel(catalog: Catalog, model: Model): Catalog {
  return { ...catalog, models: [...catalog.models.filter((m) => m.id !== model.id), model] };
}
