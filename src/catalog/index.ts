export { loadCatalog, loadCatalogOrThrow, clearCatalogCache, type LoadResult, type CatalogProblem } from './load-catalog.ts';
