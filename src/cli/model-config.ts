/**
 * `--model-config FILE` for perf, advise and the planning reports: load the config.json, add its model
 * to the catalog and make it the model asked about (unless --model names another).
 */
import { catalogWithModel, loadModelConfig } from '../catalog/load-model-config.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { UsageError } from './args.ts';

export const MODEL_CONFIG_OPTION = { 'model-config': { type: 'string' } } as const;
export const MODEL_CONFIG_HELP = '--model-config FILE  a Hugging Face config.json of a model tokcost has never seen (instead of --model)';

/** The catalog and model flag after --model-config; unchanged without it. Throws UsageError with every problem. */
export function applyModelConfig<V extends { model?: string; 'model-config'?: string }>(values: V, catalog: Catalog): { values: V; catalog: Catalog } {
  const path = values['model-config'];
  if (path === undefined) return { values, catalog };
  const loaded = loadModelConfig(path);
  if (!loaded.ok) throw new UsageError(loaded.problems.join('\n'));
  return { values: { ...values, model: values.model ?? loaded.model.id }, catalog: catalogWithModel(catalog, loaded.model) };
}
