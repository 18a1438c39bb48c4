/** The words parseQuery knows: model and platform ids, names and aliases, taken from the catalog. */
import type { Catalog, Vendor } from '../engine/catalog/types.ts';

export interface VocabularyModel {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Total parameters (count), for matching sizes like "117b". */
  readonly totalParams?: number;
}

export interface VocabularyPlatform {
  readonly id: string;
  readonly name: string;
  readonly vendor: Vendor;
  readonly aliases: readonly string[];
}

export interface Vocabulary {
  readonly models: readonly VocabularyModel[];
  readonly platforms: readonly VocabularyPlatform[];
}

/** Vocabulary from the engine catalog: models and accelerators with their aliases. */
export function vocabularyFromCatalog(catalog: Catalog): Vocabulary {
  return {
    models: catalog.models.map((m) => ({
      id: m.id,
      name: m.name,
      aliases: [...m.aliases, m.hfRepo, m.hfRepo.split('/').pop() ?? ''].filter((a) => a.length > 0),
      totalParams: m.totalParams,
    })),
    platforms: catalog.accelerators.map((a) => ({ id: a.id, name: a.name, vendor: a.vendor, aliases: a.aliases })),
  };
}
