/**
 * Dev-time importer: reads ../shared/data/*.json (reference research data) and writes the project's own
 * catalog JSON into data/ in the engine's units (bytes, bytes/s, flops/s, watts, $/accelerator-hour).
 *
 *   npx tsx scripts/import-shared-data.ts
 *
 * Every rule that turns a shared record into a catalog record is written here and summarised in
 * data/README.md. Estimates are labelled `estimate` (in `source.basis` or `fieldSources`), never silent.
 * The output is validated by src/catalog (loadCatalog) afterwards; this script only reshapes.
 */
import { sharedPrefixOf, speculativeOf } from './serving-settings-of.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Accelerator,
  ApiPrice,
  Basis,
  BenchmarkPoint,
  BenchmarkScenario,
  EnergyDefaults,
  Model,
  Precision,
  PriceRecord,
  PriceTier,
  PurchasePrice,
  ServingEngine,
  SourceRef,
  Vendor,
} from '../src/engine/catalog/types.ts';
import { parsePrecisionText } from '../src/catalog/precision-text.ts';
import { modelFromHfConfig } from '../src/catalog/model-from-config.ts';
import { CURRENT_MODELS } from './current-models.ts';
import { CURRENT_ACCELERATORS } from './current-accelerators.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sharedDir = join(repoRoot, '..', 'shared', 'data');
const outDir = join(repoRoot, 'data');

const readShared = (name: string): Json => JSON.parse(readFileSync(join(sharedDir, name), 'utf8'));
const writeOut = (name: string, value: unknown): void =>
  writeFileSync(join(outDir, name), JSON.stringify(value, null, 2) + '\n');

/** Same normalisation as src/engine/catalog/lookup.ts: case, spaces, underscores and dashes ignored. */
const normalizeName = (text: string): string => text.toLowerCase().replace(/[\s_\-]+/g, '');

/** Keeps the first spelling of each normalised form (the shared-data key first, even when it equals the id's). */
function dedupeAliases(id: string, aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = normalizeName(alias);
    if (!seen.has(key) && alias !== id) {
      seen.add(key);
      kept.push(alias);
    }
  }
  return kept;
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));

/* ------------------------------------------------------------------------------------------------ */
/* Shared sources                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

const GH = 'https://github.com';
const SOURCES: Record<string, SourceRef> = {
  AIC: {
    title: 'NVIDIA ai-dynamo/aiconfigurator system specs (aic-core/src/aiconfigurator_core/systems/<gpu>.yaml)',
    url: `${GH}/ai-dynamo/aiconfigurator/tree/095f58a51c4ca8e61b66ec108d86f223f8d559ce/aic-core/src/aiconfigurator_core/systems`,
    asOf: '2026-08-21',
    basis: 'datasheet',
    note: 'vendor-authored tool config (NVIDIA); figures per GPU, dense',
  },
  MLENG: {
    title: 'Stas Bekman, ml-engineering: compute/accelerator/README.md (dense TFLOPS and memory tables citing vendor pages)',
    url: `${GH}/stas00/ml-engineering/blob/7bc7c3054eb93c277a4755c597ae0864d77a63f1/compute/accelerator/README.md`,
    asOf: '2026-08-10',
    basis: 'datasheet',
    note: 'curated secondary source citing vendor spec pages',
  },
  GCP_V5E: {
    title: 'Google Cloud TPU v5e documentation',
    url: 'https://docs.cloud.google.com/tpu/docs/v5e',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
  GCP_V5P: {
    title: 'Google Cloud TPU v5p documentation',
    url: 'https://docs.cloud.google.com/tpu/docs/v5p',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
  GCP_V6E: {
    title: 'Google Cloud TPU v6e (Trillium) documentation',
    url: 'https://docs.cloud.google.com/tpu/docs/v6e',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
  GCP_TPU7X: {
    title: 'Google Cloud TPU7x (Ironwood) documentation and performance guide',
    url: 'https://docs.cloud.google.com/tpu/docs/tpu7x',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
  AWS_TRN2: {
    title: 'AWS Neuron docs v2.29.0: Trainium2 architecture',
    url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.0/_sources/about-neuron/arch/neuron-hardware/trainium2.rst',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
  AWS_INF2: {
    title: 'AWS Neuron docs: Inferentia2 architecture and NKI Trainium/Inferentia2 guide',
    url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/arch/trainium_inferentia2_arch.html',
    asOf: '2026-08',
    basis: 'datasheet',
    note: 'page undated; asOf = month of the research pass that read it',
  },
};

/* ------------------------------------------------------------------------------------------------ */
/* Accelerators                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

interface AcceleratorPlan {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly primary: keyof typeof SOURCES;
  readonly minimumDeployableCount: number;
  readonly minimumDeployableNote: string;
}

const HGX = 'one HGX/DGX-class 8-GPU node is the usual rentable unit';
const ACCELERATOR_PLANS: Record<string, AcceleratorPlan> = {
  'A100-SXM-80GB': { id: 'a100', aliases: ['A100-SXM-80GB', 'A100-SXM4-80GB', 'a100 80gb', 'a100 sxm', 'NVIDIA A100 80GB SXM'], primary: 'AIC', minimumDeployableCount: 8, minimumDeployableNote: HGX },
  L40S: { id: 'l40s', aliases: ['L40S', 'NVIDIA L40S'], primary: 'AIC', minimumDeployableCount: 1, minimumDeployableNote: 'PCIe card, rented singly' },
  'H100-SXM': { id: 'h100-sxm', aliases: ['H100-SXM', 'h100', 'h100 sxm5', 'H100-SXM-80GB', 'H100 80GB HBM3', 'NVIDIA H100 SXM 80GB'], primary: 'AIC', minimumDeployableCount: 8, minimumDeployableNote: HGX },
  'H100-PCIe': { id: 'h100-pcie', aliases: ['H100-PCIe', 'H100-PCIe-80GB', 'NVIDIA H100 PCIe 80GB'], primary: 'AIC', minimumDeployableCount: 1, minimumDeployableNote: 'PCIe card, rented singly' },
  'H100-NVL': { id: 'h100-nvl', aliases: ['H100-NVL', 'H100-NVL-94GB', 'h100 nvl 94gb'], primary: 'MLENG', minimumDeployableCount: 1, minimumDeployableNote: 'PCIe card, rented singly (Azure NC H100 v5 has 1-2 per VM)' },
  'H200-SXM': { id: 'h200', aliases: ['H200-SXM', 'H200-SXM-141GB', 'H200 141GB HBM3', 'NVIDIA H200 SXM 141GB'], primary: 'AIC', minimumDeployableCount: 8, minimumDeployableNote: HGX },
  'H200-NVL': { id: 'h200-nvl', aliases: ['H200-NVL', 'H200-NVL-141GB'], primary: 'AIC', minimumDeployableCount: 1, minimumDeployableNote: 'PCIe card, rented singly' },
  GH200: { id: 'gh200', aliases: ['GH200', 'grace hopper', 'gh200 superchip', 'GH200 Grace Hopper Superchip'], primary: 'MLENG', minimumDeployableCount: 1, minimumDeployableNote: 'one superchip per instance (e.g. Lambda gpu_1x_gh200)' },
  B200: { id: 'b200', aliases: ['B200', 'B200-SXM-180GB', 'hgx b200', 'dgx b200', 'NVIDIA B200'], primary: 'AIC', minimumDeployableCount: 8, minimumDeployableNote: HGX },
  B300: { id: 'b300', aliases: ['B300', 'B300-SXM-270GB', 'hgx b300', 'NVIDIA B300'], primary: 'AIC', minimumDeployableCount: 8, minimumDeployableNote: HGX },
  GB200: { id: 'gb200', aliases: ['GB200', 'gb200 nvl72', 'NVIDIA GB200'], primary: 'AIC', minimumDeployableCount: 72, minimumDeployableNote: 'GB200 NVL72 rack is the deployable unit (some clouds sell 4-GPU trays; the NVLink domain is the rack)' },
  GB300: { id: 'gb300', aliases: ['GB300', 'gb300 nvl72', 'NVIDIA GB300'], primary: 'AIC', minimumDeployableCount: 72, minimumDeployableNote: 'GB300 NVL72 rack is the deployable unit' },
  'RTX-PRO-6000-Blackwell-Server': { id: 'rtx-pro-6000', aliases: ['RTX-PRO-6000-Blackwell-Server', 'rtx pro 6000 blackwell', 'rtx 6000 pro', 'RTX PRO 6000 Blackwell Server Edition'], primary: 'AIC', minimumDeployableCount: 1, minimumDeployableNote: 'PCIe card, rented singly' },
  MI300X: { id: 'mi300x', aliases: ['MI300X', 'mi300', 'instinct mi300x', 'AMD Instinct MI300X'], primary: 'MLENG', minimumDeployableCount: 8, minimumDeployableNote: 'one 8-GPU OAM/UBB node is the usual rentable unit' },
  MI325X: { id: 'mi325x', aliases: ['MI325X', 'mi325', 'instinct mi325x', 'AMD Instinct MI325X'], primary: 'MLENG', minimumDeployableCount: 8, minimumDeployableNote: 'one 8-GPU OAM/UBB node is the usual rentable unit' },
  MI355X: { id: 'mi355x', aliases: ['MI355X', 'mi355', 'instinct mi355x', 'AMD Instinct MI355X'], primary: 'MLENG', minimumDeployableCount: 8, minimumDeployableNote: 'one 8-GPU OAM/UBB node is the usual rentable unit' },
  'TPU-v5e': { id: 'tpu-v5e', aliases: ['TPU-v5e', 'v5e', 'tpu v5 lite', 'v5litepod'], primary: 'GCP_V5E', minimumDeployableCount: 1, minimumDeployableNote: 'single-chip v5e slices (v5litepod-1) exist' },
  'TPU-v5p': { id: 'tpu-v5p', aliases: ['TPU-v5p', 'v5p'], primary: 'GCP_V5P', minimumDeployableCount: 4, minimumDeployableNote: 'smallest v5p slice is one 4-chip VM' },
  'TPU-v6e': { id: 'tpu-v6e', aliases: ['TPU-v6e', 'v6e', 'trillium', 'tpu trillium'], primary: 'GCP_V6E', minimumDeployableCount: 1, minimumDeployableNote: 'single-chip v6e slices (v6e-1) exist' },
  TPU7x: { id: 'tpu7x', aliases: ['TPU7x', 'ironwood', 'tpu v7', 'tpu v7x', 'tpu ironwood'], primary: 'GCP_TPU7X', minimumDeployableCount: 4, minimumDeployableNote: 'one 4-chip VM (tpu7x-standard-4t) is the usual unit; 1-chip shapes exist for small models' },
  Trainium2: { id: 'trainium2', aliases: ['Trainium2', 'trn2', 'trainium 2', 'aws trainium2'], primary: 'AWS_TRN2', minimumDeployableCount: 16, minimumDeployableNote: 'trn2.48xlarge has 16 Trainium2 devices (trn2.3xlarge with 1 device exists in few regions)' },
  Inferentia2: { id: 'inferentia2', aliases: ['Inferentia2', 'inf2', 'inferentia 2', 'aws inferentia2'], primary: 'AWS_INF2', minimumDeployableCount: 1, minimumDeployableNote: 'inf2.xlarge has 1 Inferentia2 device' },
  Gaudi3: { id: 'gaudi3', aliases: ['Gaudi3', 'gaudi 3', 'intel gaudi 3', 'HL-325L'], primary: 'MLENG', minimumDeployableCount: 8, minimumDeployableNote: 'one 8-accelerator HLS-3 node is the usual unit' },
};

const VENDORS: Record<string, Vendor> = { NVIDIA: 'nvidia', AMD: 'amd', Google: 'google', AWS: 'aws', Intel: 'intel' };

/** Catalog field for each hardware.json field (used to translate field_sources). */
const FIELD_NAMES: Record<string, string> = {
  hbm_capacity_gb: 'memoryBytes',
  hbm_bandwidth_tbps: 'memoryBandwidthBytesPerSecond',
  dense_bf16_tflops: 'denseFlopsPerSecond.bf16',
  dense_fp8_tflops: 'denseFlopsPerSecond.fp8',
  dense_fp4_tflops: 'denseFlopsPerSecond.fp4',
  tdp_watts: 'tdpWatts',
  all_in_power_kw_semianalysis: 'allInWatts',
  scale_up_bw_gbps_bidirectional: 'scaleUpBytesPerSecondPerDirection',
  scale_up_domain_size: 'scaleUpDomainCount',
  launch_year: 'launchYear',
};

/**
 * Figures the shared data leaves null and the engine needs; each is an estimate with its basis.
 * Dense = the datasheet's "with sparsity" figure halved (NVIDIA marks sparse figures with *).
 */
const ACCELERATOR_ESTIMATES: Record<string, Record<string, { value: number; note: string }>> = {
  'H100-NVL': {
    dense_bf16_tflops: { value: 835.5, note: 'estimate: NVIDIA H100 NVL product brief lists 1,671 BF16 TFLOPS with sparsity per GPU; halved for dense. Not retrieved in shared data - verify.' },
    dense_fp8_tflops: { value: 1670.5, note: 'estimate: NVIDIA H100 NVL product brief lists 3,341 FP8 TFLOPS with sparsity per GPU; halved for dense. Not retrieved in shared data - verify.' },
    scale_up_bw_gbps_bidirectional: { value: 600, note: 'estimate: NVIDIA lists a 600 GB/s NVLink bridge between the 2 GPUs of an H100 NVL pair (not retrieved in shared data); per direction = 300 GB/s' },
  },
  'H200-NVL': {
    dense_bf16_tflops: { value: 835.5, note: 'estimate: NVIDIA H200 NVL datasheet lists 1,671 BF16 TFLOPS with sparsity; halved for dense. Not retrieved in shared data - verify.' },
    dense_fp8_tflops: { value: 1670.5, note: 'estimate: NVIDIA H200 NVL datasheet lists 3,341 FP8 TFLOPS with sparsity; halved for dense. Not retrieved in shared data - verify.' },
    scale_up_bw_gbps_bidirectional: { value: 900, note: 'estimate: NVIDIA lists a 900 GB/s 2- or 4-way NVLink bridge for H200 NVL (not retrieved in shared data); modelled as a 2-GPU domain' },
    scale_up_domain_size: { value: 2, note: 'estimate: 2-way NVLink bridge (4-way also offered)' },
  },
  Inferentia2: {
    scale_up_bw_gbps_bidirectional: { value: 64, note: 'estimate: NeuronLink-v2 bandwidth not in shared data; PCIe Gen4 x16 (64 GB/s both directions) used as a conservative stand-in' },
  },
};

function idleWattsEstimate(tdpWatts: number | null): number | null {
  return tdpWatts === null ? null : Math.round(0.3 * tdpWatts + 100);
}
const IDLE_NOTE =
  'estimate: 30% of board power (datacenter GPUs idle at roughly 20-30% of TDP with clocks parked) + 100 W host/network share per accelerator; not measured';

function buildAccelerators(): Accelerator[] {
  const hardware: Json[] = readShared('hardware.json').hardware;
  const extra: Json = readShared('hardware-extra.json').hardware;
  return [...hardware.map((hw) => buildAccelerator(hw, extra[hw.key] ?? {})), ...CURRENT_ACCELERATORS];
}

function buildAccelerator(hw: Json, extra: Json): Accelerator {
  const plan = ACCELERATOR_PLANS[hw.key];
  if (!plan) throw new Error(`no accelerator plan for shared key ${hw.key}`);
  const fieldSources: Record<string, string> = {};
  for (const [field, citation] of Object.entries<string>(hw.field_sources ?? {})) {
    fieldSources[FIELD_NAMES[field] ?? field] = citation;
  }
  fieldSources.memoryBytes = `${fieldSources.memoryBytes ?? 'vendor label'}; label read as GiB (nvidia-smi: H100 80GB = 81,559 MiB)`;
  const value = (field: string): number | null => {
    if (hw[field] !== null && hw[field] !== undefined) return hw[field];
    const filled = extra[field];
    if (filled && typeof filled.value === 'number') {
      fieldSources[FIELD_NAMES[field] ?? field] =
        `hardware-extra.json: ${filled.source?.name ?? 'see source'} (trust: ${filled.trust ?? 'unstated'})` +
        (filled.notes ? `; ${filled.notes}` : '');
      return filled.value;
    }
    const estimate = ACCELERATOR_ESTIMATES[hw.key]?.[field];
    if (estimate) {
      fieldSources[FIELD_NAMES[field] ?? field] = estimate.note;
      return estimate.value;
    }
    return null;
  };

  const flops: Partial<Record<Precision, number>> = {};
  const bf16 = value('dense_bf16_tflops');
  const fp8 = value('dense_fp8_tflops');
  const fp4 = value('dense_fp4_tflops');
  if (bf16 !== null) flops.bf16 = round(bf16 * 1e12, 0);
  if (fp8 !== null) flops.fp8 = round(fp8 * 1e12, 0);
  if (fp4 !== null) flops.fp4 = round(fp4 * 1e12, 0);
  if (fp8 !== null && bf16 !== null && fp8 === bf16) {
    fieldSources['denseFlopsPerSecond.fp8'] =
      `${fieldSources['denseFlopsPerSecond.fp8'] ?? ''} (FP8 listed at the BF16 rate: supported, no speed-up; kept as the data says)`.trim();
  }

  const memoryGb = value('hbm_capacity_gb');
  const bandwidthTbps = value('hbm_bandwidth_tbps');
  const scaleUpBidirectionalGbps = value('scale_up_bw_gbps_bidirectional');
  if (memoryGb === null || bandwidthTbps === null || scaleUpBidirectionalGbps === null) {
    throw new Error(`${hw.key}: memory, bandwidth or scale-up bandwidth missing and no labelled estimate`);
  }
  const domain = value('scale_up_domain_size');
  if (domain === null) {
    fieldSources.scaleUpDomainCount = 'no shared scale-up fabric (PCIe or single module): 1';
  }
  const tdpWatts = value('tdp_watts');
  const allInKw = value('all_in_power_kw_semianalysis');
  const idleWatts = idleWattsEstimate(tdpWatts);
  if (idleWatts !== null) fieldSources.idleWatts = IDLE_NOTE;
  else fieldSources.idleWatts = 'null: board power unpublished, so no idle estimate';
  fieldSources.minimumDeployableCount = `estimate: ${plan.minimumDeployableNote}`;
  if (tdpWatts === null) fieldSources.tdpWatts = 'null: not published by the vendor in any source found';
  const launchYear = value('launch_year');
  if (launchYear !== null) {
    fieldSources.launchYear = `${hw.launch_year_basis ?? 'hardware-extra.json'} (unverified general knowledge unless stated)`;
  }

  const source: SourceRef = {
    ...SOURCES[plan.primary]!,
    note: [SOURCES[plan.primary]!.note, hw.notes].filter(Boolean).join('. '),
  };
  const accelerator: Accelerator = {
    id: plan.id,
    name: hw.name,
    vendor: VENDORS[hw.vendor]!,
    aliases: dedupeAliases(plan.id, [...plan.aliases, hw.name]),
    // Vendor 'GB' memory labels are binary: an 'H100 80GB' reports 81,559 MiB, an 'H200 141GB' 143,771 MiB.
    memoryBytes: round(memoryGb * 2 ** 30, 0),
    memoryBandwidthBytesPerSecond: round(bandwidthTbps * 1e12, 0),
    denseFlopsPerSecond: flops,
    scaleUpBytesPerSecondPerDirection: round((scaleUpBidirectionalGbps / 2) * 1e9, 0),
    scaleUpDomainCount: domain ?? 1,
    minimumDeployableCount: plan.minimumDeployableCount,
    tdpWatts,
    allInWatts: allInKw === null ? null : round(allInKw * 1000, 0),
    idleWatts,
    ...(launchYear !== null ? { launchYear } : {}),
    source,
    fieldSources,
  };
  return accelerator;
}

/* ------------------------------------------------------------------------------------------------ */
/* Models                                                                                             */
/* ------------------------------------------------------------------------------------------------ */

interface ArchSpec {
  readonly hidden: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly vocab: number;
  readonly tiedEmbeddings: boolean;
  /** Dense MLP layers and their intermediate size (SwiGLU: 3 matrices). */
  readonly denseLayers: number;
  readonly denseIntermediate: number;
  readonly moe?: { experts: number; active: number; shared: number; moeLayers: number; moeIntermediate: number };
  readonly mla?: { qLoraRank: number | null; kvLoraRank: number; qkNopeHeadDim: number; qkRopeHeadDim: number; vHeadDim: number };
}

/** Attention weights per layer (biases and norms ignored), as in shared models.json's computed counts. */
function attentionParams(a: ArchSpec): number {
  if (a.mla) {
    const m = a.mla;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q = m.qLoraRank === null ? a.hidden * a.heads * qk : a.hidden * m.qLoraRank + m.qLoraRank * a.heads * qk;
    const kv = a.hidden * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank * a.heads * (m.qkNopeHeadDim + m.vHeadDim);
    return q + kv + a.heads * m.vHeadDim * a.hidden;
  }
  return a.hidden * a.heads * a.headDim * 2 + a.hidden * a.kvHeads * a.headDim * 2;
}

/** Total and active weights: embeddings + attention + dense MLP + routers + experts (norms, biases, MTP excluded). */
function paramCounts(a: ArchSpec): { total: number; active: number; perExpert: number } {
  const embeddings = a.vocab * a.hidden * (a.tiedEmbeddings ? 1 : 2);
  const common = embeddings + a.layers * attentionParams(a) + a.denseLayers * 3 * a.hidden * a.denseIntermediate;
  if (!a.moe) return { total: common, active: common, perExpert: 0 };
  const perExpert = 3 * a.hidden * a.moe.moeIntermediate;
  const routers = a.moe.moeLayers * a.moe.experts * a.hidden;
  return {
    total: common + routers + a.moe.moeLayers * (a.moe.experts + a.moe.shared) * perExpert,
    active: common + routers + a.moe.moeLayers * (a.moe.active + a.moe.shared) * perExpert,
    perExpert,
  };
}

interface ModelPlan {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly releasedPrecision: Precision;
  readonly name?: string;
  readonly hfRepo?: string;
}

const MODEL_PLANS: Record<string, ModelPlan[]> = {
  'llama-3.1-8b': [{ id: 'llama-3.1-8b', releasedPrecision: 'bf16', aliases: ['meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.1-8B-Instruct', 'Llama-3.1-8B-Instruct', 'Meta-Llama-3.1-8B-Instruct', 'llama3.1-8b', 'llama 3.1 8b instruct'] }],
  'llama-3.1-70b': [{ id: 'llama-3.1-70b', releasedPrecision: 'bf16', aliases: ['meta-llama/Llama-3.1-70B', 'meta-llama/Llama-3.1-70B-Instruct', 'Llama-3.1-70B-Instruct', 'Meta-Llama-3.1-70B-Instruct', 'llama3.1-70b'] }],
  'llama-3.1-405b': [{ id: 'llama-3.1-405b', releasedPrecision: 'bf16', aliases: ['meta-llama/Llama-3.1-405B', 'meta-llama/Llama-3.1-405B-Instruct', 'Llama-3.1-405B-Instruct', 'Meta-Llama-3.1-405B-Instruct', 'llama3.1-405b', 'meta-llama/Llama-3.1-405B-FP8'] }],
  'llama-3.3-70b': [{ id: 'llama-3.3-70b', releasedPrecision: 'bf16', aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'Llama-3.3-70B-Instruct', 'llama3.3-70b', 'llama 3.3 70b instruct'] }],
  'gpt-oss-120b': [{ id: 'gpt-oss-120b', releasedPrecision: 'fp4', aliases: ['openai/gpt-oss-120b', 'gpt oss 120b', 'gptoss-120b'] }],
  'gpt-oss-20b': [{ id: 'gpt-oss-20b', releasedPrecision: 'fp4', aliases: ['openai/gpt-oss-20b', 'gpt oss 20b', 'gptoss-20b'] }],
  'deepseek-v3-r1': [
    { id: 'deepseek-r1', name: 'DeepSeek-R1 (671B)', hfRepo: 'deepseek-ai/DeepSeek-R1', releasedPrecision: 'fp8', aliases: ['deepseek-v3-r1', 'deepseek-ai/DeepSeek-R1', 'DeepSeek-R1-0528', 'deepseek-ai/DeepSeek-R1-0528', 'r1', 'deepseek r1 671b'] },
    { id: 'deepseek-v3', name: 'DeepSeek-V3 (671B)', hfRepo: 'deepseek-ai/DeepSeek-V3', releasedPrecision: 'fp8', aliases: ['deepseek-ai/DeepSeek-V3', 'DeepSeek-V3-0324', 'deepseek-ai/DeepSeek-V3-0324', 'deepseek v3 671b'] },
  ],
  'kimi-k2': [{ id: 'kimi-k2', releasedPrecision: 'fp8', aliases: ['moonshotai/Kimi-K2-Instruct', 'Kimi-K2-Instruct', 'Kimi-K2-Instruct-0905', 'moonshotai/Kimi-K2-Instruct-0905'] }],
  'qwen3-32b': [{ id: 'qwen3-32b', releasedPrecision: 'bf16', aliases: ['Qwen/Qwen3-32B', 'qwen3 32b'] }],
  'qwen3-235b-a22b': [{ id: 'qwen3-235b-a22b', releasedPrecision: 'bf16', aliases: ['Qwen/Qwen3-235B-A22B', 'Qwen3-235B-A22B-Instruct-2507', 'Qwen/Qwen3-235B-A22B-Instruct-2507', 'Qwen3-235B-A22B-Thinking-2507', 'qwen3 235b'] }],
  'mixtral-8x7b': [{ id: 'mixtral-8x7b', releasedPrecision: 'bf16', aliases: ['mistralai/Mixtral-8x7B-v0.1', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'Mixtral-8x7B-Instruct-v0.1', 'Mixtral-8x7B-v0.1', 'mixtral'] }],
};

function archFromSharedConfig(c: Json): ArchSpec {
  const layers: number = c.num_hidden_layers;
  const experts: number | undefined = c.n_routed_experts ?? c.num_local_experts ?? c.num_experts;
  const firstDense: number = experts ? (c.first_k_dense_replace ?? 0) : layers;
  const mla =
    c.kv_lora_rank !== undefined
      ? { qLoraRank: c.q_lora_rank ?? null, kvLoraRank: c.kv_lora_rank, qkNopeHeadDim: c.qk_nope_head_dim, qkRopeHeadDim: c.qk_rope_head_dim, vHeadDim: c.v_head_dim }
      : undefined;
  const headDim: number = c.head_dim ?? (mla ? mla.qkNopeHeadDim + mla.qkRopeHeadDim : c.hidden_size / c.num_attention_heads);
  return {
    hidden: c.hidden_size,
    layers,
    heads: c.num_attention_heads,
    kvHeads: c.num_key_value_heads,
    headDim,
    vocab: c.vocab_size,
    tiedEmbeddings: Boolean(c.tie_word_embeddings),
    denseLayers: firstDense,
    denseIntermediate: c.intermediate_size,
    ...(experts
      ? {
          moe: {
            experts,
            active: c.num_experts_per_tok,
            shared: c.n_shared_experts ?? 0,
            moeLayers: layers - firstDense,
            moeIntermediate: c.moe_intermediate_size ?? c.intermediate_size,
          },
        }
      : {}),
    ...(mla ? { mla } : {}),
  };
}

function modelFromArch(args: {
  plan: ModelPlan;
  name: string;
  hfRepo: string;
  arch: ArchSpec;
  maxContextTokens: number;
  slidingWindow?: { layers: number; windowTokens: number };
  source: SourceRef;
}): Model {
  const { plan, arch } = args;
  const counts = paramCounts(arch);
  return {
    id: plan.id,
    name: args.name,
    aliases: dedupeAliases(plan.id, [...plan.aliases, args.hfRepo, args.hfRepo.split('/')[1] ?? '', args.name].filter(Boolean)),
    hfRepo: args.hfRepo,
    totalParams: counts.total,
    activeParams: counts.active,
    layers: arch.layers,
    hiddenSize: arch.hidden,
    attentionHeads: arch.heads,
    kvHeads: arch.kvHeads,
    headDim: arch.headDim,
    attention: arch.mla
      ? {
          kind: 'mla',
          kvLoraRank: arch.mla.kvLoraRank,
          qkRopeHeadDim: arch.mla.qkRopeHeadDim,
          qkNopeHeadDim: arch.mla.qkNopeHeadDim,
          vHeadDim: arch.mla.vHeadDim,
          ...(arch.mla.qLoraRank !== null ? { qLoraRank: arch.mla.qLoraRank } : {}),
        }
      : { kind: 'gqa' },
    ...(args.slidingWindow ? { slidingWindow: args.slidingWindow } : {}),
    ...(arch.moe
      ? {
          moe: {
            expertsTotal: arch.moe.experts,
            expertsActive: arch.moe.active,
            sharedExperts: arch.moe.shared,
            moeLayers: arch.moe.moeLayers,
            paramsPerExpertPerLayer: counts.perExpert,
          },
        }
      : {}),
    vocabSize: arch.vocab,
    maxContextTokens: args.maxContextTokens,
    releasedPrecision: plan.releasedPrecision,
    source: args.source,
  };
}

const PARAMS_NOTE =
  'totalParams/activeParams computed from config.json: embeddings (input + output head) + attention + MLP/expert + router matrices; biases, norms and MTP layers excluded; active counts include both embedding matrices';

function buildSharedModels(): Model[] {
  const shared: Json[] = readShared('models.json');
  const models: Model[] = [];
  for (const m of shared) {
    const plans = MODEL_PLANS[m.key];
    if (!plans) throw new Error(`no model plan for shared key ${m.key}`);
    const arch = archFromSharedConfig(m.config);
    const counts = paramCounts(arch);
    if (Math.abs(counts.total / 1e9 - m.computed_total_params_b) > 0.01 || Math.abs(counts.active / 1e9 - m.computed_active_params_b) > 0.01) {
      console.warn(`  ! ${m.key}: computed ${(counts.total / 1e9).toFixed(2)}B/${(counts.active / 1e9).toFixed(2)}B vs shared ${m.computed_total_params_b}B/${m.computed_active_params_b}B`);
    }
    const layerTypes = m.config.layer_types_summary;
    const slidingWindow =
      layerTypes && m.config.sliding_window ? { layers: layerTypes.sliding_attention, windowTokens: m.config.sliding_window } : undefined;
    for (const plan of plans) {
      models.push(
        modelFromArch({
          plan,
          name: plan.name ?? m.name,
          hfRepo: plan.hfRepo ?? m.hf_repo,
          arch,
          maxContextTokens: m.max_context_config,
          ...(slidingWindow ? { slidingWindow } : {}),
          source: {
            title: `config.json of ${m.hf_repo} as vendored verbatim by NVIDIA aiconfigurator (${m.source.path.split('/').pop()})`,
            url: `${GH}/ai-dynamo/aiconfigurator/blob/${m.source.commit}/${m.source.path}`,
            asOf: m.source.commit_date,
            basis: 'datasheet',
            note: [`upstream ${m.source.upstream}`, m.notes, PARAMS_NOTE].filter(Boolean).join('. '),
          },
        }),
      );
    }
  }
  return models;
}

/** Models the benchmark data uses beyond the shared 11; config values as cited per record. */
/** Llama 4's chunked local attention (config.json attention_chunk_size 8192 on the 36 RoPE layers of 48). */
const LLAMA4_CHUNKED_ATTENTION = { layers: 36, windowTokens: 8192 };

function buildExtraModels(): Model[] {
  const hf = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;
  const transcribed = (repo: string, extra = ''): SourceRef => ({
    title: `config.json of ${repo} (Hugging Face)`,
    url: hf(repo),
    asOf: '2026-08',
    basis: 'datasheet',
    note: `architecture fields transcribed from the public config.json (not vendored in ../shared/data; re-check against the URL). ${extra}${PARAMS_NOTE}`,
  });
  const llama = (hidden: number, layers: number, heads: number, kv: number, inter: number, vocab: number): ArchSpec => ({
    hidden, layers, heads, kvHeads: kv, headDim: hidden / heads, vocab, tiedEmbeddings: false, denseLayers: layers, denseIntermediate: inter,
  });
  const llama4 = (experts: number, interleave: number): ArchSpec => ({
    hidden: 5120, layers: 48, heads: 40, kvHeads: 8, headDim: 128, vocab: 202048, tiedEmbeddings: false,
    denseLayers: 48 - 48 / interleave, denseIntermediate: 16384,
    moe: { experts, active: 1, shared: 1, moeLayers: 48 / interleave, moeIntermediate: 8192 },
  });
  const aic = (file: string): SourceRef => ({
    title: `config.json of meta-llama/${file.replace('meta-llama--', '').replace('_config.json', '')} as vendored verbatim by NVIDIA aiconfigurator`,
    url: `${GH}/ai-dynamo/aiconfigurator/blob/64c5ddb697dd8ad88a938f65b23d25cf5f45de12/aic-core/src/aiconfigurator_core/model_configs/${file}`,
    asOf: '2026-08',
    basis: 'datasheet',
    note: `text_config only (vision tower excluded). Llama 4 MoE layers have 1 shared + 1 routed expert (intermediate 8192); non-MoE layers use intermediate_size_mlp 16384. attention_chunk_size 8192 with no_rope_layers [1,1,1,0] x 12: 36 of 48 layers attend only within their 8192-token chunk, modelled as a sliding window of 8192 (an upper bound: a chunk averages half that). ${PARAMS_NOTE}`,
  });
  const plan = (id: string, aliases: string[], releasedPrecision: Precision = 'bf16'): ModelPlan => ({ id, aliases, releasedPrecision });
  return [
    modelFromArch({
      plan: plan('llama-2-70b', ['meta-llama/Llama-2-70b-chat-hf', 'Llama-2-70B-chat', 'llama2-70b', 'llama2-70b-99', 'llama2-70b-99.9', 'llama 2 70b chat']),
      name: 'Llama 2 70B Chat', hfRepo: 'meta-llama/Llama-2-70b-chat-hf', arch: llama(8192, 80, 64, 8, 28672, 32000), maxContextTokens: 4096,
      source: transcribed('meta-llama/Llama-2-70b-chat-hf', 'MLPerf Inference llama2-70b reference model. '),
    }),
    modelFromArch({
      plan: plan('llama-2-7b', ['meta-llama/Llama-2-7b-chat-hf', 'Llama-2-7B-chat', 'llama2-7b']),
      name: 'Llama 2 7B Chat', hfRepo: 'meta-llama/Llama-2-7b-chat-hf', arch: llama(4096, 32, 32, 32, 11008, 32000), maxContextTokens: 4096,
      source: transcribed('meta-llama/Llama-2-7b-chat-hf'),
    }),
    modelFromArch({
      plan: plan('llama-3-8b', ['meta-llama/Meta-Llama-3-8B-Instruct', 'Meta-Llama-3-8B-Instruct', 'Llama-3-8B-Instruct', 'meta-llama/Meta-Llama-3-8B', 'llama3-8b']),
      name: 'Llama 3 8B', hfRepo: 'meta-llama/Meta-Llama-3-8B-Instruct', arch: llama(4096, 32, 32, 8, 14336, 128256), maxContextTokens: 8192,
      source: transcribed('meta-llama/Meta-Llama-3-8B-Instruct'),
    }),
    modelFromArch({
      plan: plan('llama-3-70b', ['meta-llama/Meta-Llama-3-70B-Instruct', 'Meta-Llama-3-70B-Instruct', 'Llama-3-70B-Instruct', 'meta-llama/Meta-Llama-3-70B', 'llama3-70b']),
      name: 'Llama 3 70B', hfRepo: 'meta-llama/Meta-Llama-3-70B-Instruct', arch: llama(8192, 80, 64, 8, 28672, 128256), maxContextTokens: 8192,
      source: transcribed('meta-llama/Meta-Llama-3-70B-Instruct'),
    }),
    modelFromArch({
      plan: plan('deepseek-r1-distill-llama-70b', ['deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 'DeepSeek-R1-Distill-Llama-70B', 'r1 distill llama 70b']),
      name: 'DeepSeek-R1-Distill-Llama-70B', hfRepo: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B', arch: llama(8192, 80, 64, 8, 28672, 128256), maxContextTokens: 131072,
      source: transcribed('deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 'Distilled onto Llama-3.3-70B-Instruct: same architecture as Llama 3.x 70B. '),
    }),
    modelFromArch({
      plan: plan('mistral-7b', ['mistralai/Mistral-7B-Instruct-v0.2', 'Mistral-7B-Instruct-v0.2', 'mistral 7b instruct']),
      name: 'Mistral 7B Instruct v0.2', hfRepo: 'mistralai/Mistral-7B-Instruct-v0.2', arch: llama(4096, 32, 32, 8, 14336, 32000), maxContextTokens: 32768,
      source: transcribed('mistralai/Mistral-7B-Instruct-v0.2', 'v0.2 has no sliding window (sliding_window null). '),
    }),
    modelFromArch({
      plan: plan('qwen2.5-7b', ['Qwen/Qwen2.5-7B-Instruct', 'Qwen2.5-7B-Instruct', 'qwen 2.5 7b']),
      name: 'Qwen2.5-7B-Instruct', hfRepo: 'Qwen/Qwen2.5-7B-Instruct',
      arch: { ...llama(3584, 28, 28, 4, 18944, 152064), headDim: 128 }, maxContextTokens: 32768,
      source: transcribed('Qwen/Qwen2.5-7B-Instruct', 'QKV biases ignored. '),
    }),
    modelFromArch({
      plan: plan('qwen3-30b-a3b', ['Qwen/Qwen3-30B-A3B', 'Qwen3-30B-A3B-Instruct-2507', 'Qwen/Qwen3-30B-A3B-Instruct-2507', 'Qwen3-30B-A3B-Thinking-2507']),
      name: 'Qwen3-30B-A3B', hfRepo: 'Qwen/Qwen3-30B-A3B',
      arch: {
        hidden: 2048, layers: 48, heads: 32, kvHeads: 4, headDim: 128, vocab: 151936, tiedEmbeddings: false, denseLayers: 0, denseIntermediate: 6144,
        moe: { experts: 128, active: 8, shared: 0, moeLayers: 48, moeIntermediate: 768 },
      },
      maxContextTokens: 40960,
      source: transcribed('Qwen/Qwen3-30B-A3B', 'Cross-checked with Megatron args mirroring it (zyzshishui/slime scripts/models/qwen3-30B-A3B.sh: 48 layers, hidden 2048, 32 heads, 4 query groups, kv-channels 128, 128 experts top-8, moe ffn 768). '),
    }),
    modelFromArch({
      plan: plan('llama-4-scout', ['meta-llama/Llama-4-Scout-17B-16E', 'Llama-4-Scout-17B-16E', 'Llama-4-Scout-17B-16E-Instruct', 'llama 4 scout', 'scout'], 'bf16'),
      name: 'Llama 4 Scout 17B-16E', hfRepo: 'meta-llama/Llama-4-Scout-17B-16E-Instruct', arch: llama4(16, 1), maxContextTokens: 10485760,
      slidingWindow: LLAMA4_CHUNKED_ATTENTION,
      source: aic('meta-llama--Llama-4-Scout-17B-16E-Instruct_config.json'),
    }),
    modelFromArch({
      plan: plan('llama-4-maverick', ['meta-llama/Llama-4-Maverick-17B-128E', 'Llama-4-Maverick-17B-128E', 'Llama-4-Maverick-17B-128E-Instruct', 'llama 4 maverick', 'maverick'], 'bf16'),
      name: 'Llama 4 Maverick 17B-128E', hfRepo: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct', arch: llama4(128, 2), maxContextTokens: 1048576,
      slidingWindow: LLAMA4_CHUNKED_ATTENTION,
      source: aic('meta-llama--Llama-4-Maverick-17B-128E-Instruct_config.json'),
    }),
  ];
}

/** The current models of scripts/current-models.ts, through the same converter as `--model-config`. */
function buildCurrentModels(): Model[] {
  return CURRENT_MODELS.map((m) => {
    const result = modelFromHfConfig(m.config, {
      id: m.id,
      name: m.name,
      hfRepo: m.hfRepo,
      aliases: dedupeAliases(m.id, [...m.aliases, m.hfRepo, m.hfRepo.split('/')[1] ?? '', m.name]),
      releasedPrecision: m.releasedPrecision,
      source: { title: `config.json of ${m.hfRepo}`, url: m.url, asOf: m.asOf, basis: m.basis, note: `${m.note} ${PARAMS_NOTE}` },
    });
    if (!result.ok) throw new Error(`${m.id}: ${result.problems.join('; ')}`);
    return result.model;
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* Lookups used while importing (same rules as the engine's lookup)                                   */
/* ------------------------------------------------------------------------------------------------ */

function indexById<T extends { id: string; aliases: readonly string[] }>(records: readonly T[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of records) for (const name of [r.id, ...r.aliases]) index.set(normalizeName(name), r.id);
  return index;
}

/* ------------------------------------------------------------------------------------------------ */
/* Prices                                                                                             */
/* ------------------------------------------------------------------------------------------------ */

/** Undated as_of strings -> defensible ISO month (lower bound of the stated range), with the reason. */
const UNDATED_AS_OF: Record<string, { asOf: string; note: string }> = {
  'snapshot date unknown (on-demand matches 2026-01-21 list)': { asOf: '2026-01', note: 'undated snapshot; its on-demand column equals the 2026-01-21 AWS list' },
  'snapshot date unknown (2025-2026)': { asOf: '2025-01', note: 'undated 2025-2026 snapshot; asOf = lower bound of that range' },
  'snapshot date unknown (2025-2026; includes B300/GB300/MI355X shapes)': { asOf: '2025-01', note: 'undated 2025-2026 snapshot (lists B300/GB300/MI355X shapes); asOf = lower bound' },
  'snapshot date unknown (likely 2024-2025)': { asOf: '2024-01', note: 'undated snapshot, likely 2024-2025; asOf = lower bound' },
  '~2026-07 (see source note)': { asOf: '2026-07', note: 'approximate: catalog price matches a Lambda API log dated 2026-07-17' },
  '2026 (as cited)': { asOf: '2026-01', note: 'secondary source cites a 2026 primary without month; asOf = start of 2026' },
  '2026 (AWS Savings Plans price file v20261003071546 as cited)': { asOf: '2026-01', note: 'secondary source cites a 2026 AWS Savings Plans price file' },
  unknown: { asOf: '2026-05', note: 'undated; corroborated by a 2026-05-18 research note ($6/GPU-hour)' },
  '2026-03-03 (table last edited; unchanged through 2026-08-19)': { asOf: '2026-03-03', note: 'table last edited 2026-03-03; unchanged through 2026-08-19' },
  '2026-04 (dashboard constants; unchanged in 2026-05-07 scrape)': { asOf: '2026-04', note: 'dashboard constants; unchanged in a 2026-05-07 scrape' },
  'late 2024 (rates valid until 2025-01-01 update)': { asOf: '2024-10', note: 'late 2024 capture (rates valid until the 2025-01-01 update)' },
};

function datedAsOf(raw: string | null, fallback: { asOf: string; note: string } | null): { asOf: string; note?: string } | null {
  if (raw && /^\d{4}-\d{2}(-\d{2})?$/.test(raw)) return { asOf: raw };
  if (raw && UNDATED_AS_OF[raw]) return UNDATED_AS_OF[raw]!;
  return fallback;
}

function priceSource(r: Json, dated: { asOf: string; note?: string }, basis: Basis): SourceRef {
  const s = Array.isArray(r.source) ? r.source[0] : r.source;
  const url: string | undefined =
    s?.url ?? (s?.repo ? `${GH}/${s.repo}${s.commit ? `/blob/${s.commit}/${s.path ?? ''}` : ''}` : undefined);
  const title = s?.name ?? (s?.repo ? `${s.repo} ${s.path ?? ''}`.trim() : `${r.provider} price list`);
  const note = [dated.note, `trust: ${r.trust}`, r.pricing_model_detail, r.product ? `product: ${r.product}` : null, r.notes]
    .filter(Boolean)
    .join('; ');
  return { title, ...(url ? { url } : {}), asOf: dated.asOf, basis, note };
}

const TCO_TIERS: [RegExp, PriceTier][] = [
  [/^Owning - Hyperscaler/, 'owning-hyperscaler'],
  [/^Owning - Neocloud Giant/, 'owning-neocloud'],
  [/^3-year rental from a neocloud/, 'rental-3y-neocloud'],
];

interface Skips {
  [reason: string]: number;
}
const bump = (skips: Skips, reason: string): void => {
  skips[reason] = (skips[reason] ?? 0) + 1;
};

function buildPrices(accelIndex: Map<string, string>): { prices: PriceRecord[]; skips: Skips } {
  const skips: Skips = {};
  const prices: PriceRecord[] = [];
  const base: Json[] = readShared('prices.json').prices;
  const extra: Json[] = readShared('prices-extra.json').prices;
  const lambdaV8Products = new Set(extra.filter((r) => r.provider === 'Lambda').map((r) => r.product));
  const ids = new Map<string, number>();
  const uniqueId = (stem: string): string => {
    const n = (ids.get(stem) ?? 0) + 1;
    ids.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  };
  const push = (r: Json, tier: PriceTier, dated: { asOf: string; note?: string }, basis: Basis, file: string): void => {
    const acceleratorId = accelIndex.get(normalizeName(r.accelerator ?? ''));
    if (!acceleratorId) return bump(skips, `accelerator not in catalog (${r.accelerator})`);
    const provider = String(r.provider);
    prices.push({
      id: uniqueId(`${normalizeName(provider).replace(/[^a-z0-9.]/g, '')}-${acceleratorId}-${tier}`),
      acceleratorId,
      provider,
      tier,
      dollarsPerGpuHour: round(r.usd_per_accelerator_hour, 6),
      gpusPerInstance: r.accelerators_per_instance ?? null,
      ...(r.region ? { region: String(r.region) } : {}),
      source: { ...priceSource(r, dated, basis), note: `${priceSource(r, dated, basis).note}; from ../shared/data/${file}` },
    });
  };

  for (const r of base) {
    if (typeof r.usd_per_accelerator_hour !== 'number' || !r.accelerator) {
      bump(skips, `not an accelerator-hour price (${r.category})`);
      continue;
    }
    if (r.category === 'tco_per_gpu_hour') {
      const tier = TCO_TIERS.find(([re]) => re.test(r.product))?.[1];
      if (!tier) throw new Error(`unknown TCO tier ${r.product}`);
      push(r, tier, datedAsOf(r.as_of, null)!, 'estimate', 'prices.json');
    } else if (r.category === 'tco_convention') {
      bump(skips, 'operator assumption, not a market price (DeepSeek H800 $2/h)');
    } else if (r.category === 'hyperscaler_on_demand') {
      // AWS "estimated list" (pre-June-2025 cut) and GCP Singapore figures from an unidentified page are
      // superseded by the dated primary catalogs in prices-extra.json (AWS 2026-01-21, GCP 2026-07-30).
      bump(skips, 'superseded (prices.json hyperscaler on-demand estimates replaced by dated catalogs in prices-extra.json)');
    } else if (r.category === 'neocloud_on_demand') {
      if (r.provider === 'Lambda' && lambdaV8Products.has(r.product)) {
        bump(skips, 'superseded (older Lambda SkyPilot v7 snapshot; v8 ~2026-07 in prices-extra.json)');
        continue;
      }
      const lambdaOld = r.provider === 'Lambda';
      const dated = lambdaOld
        ? { asOf: '2024-01', note: 'undated SkyPilot v7 snapshot without B200 rows (likely 2024-2025); asOf = lower bound' }
        : { asOf: '2025-01', note: 'undated SkyPilot v7 snapshot that lists B200 (2025 or later); asOf = lower bound' };
      push(r, 'on-demand', dated, 'vendor-claim', 'prices.json');
    } else if (r.category === 'hyperscaler_capacity_block') {
      bump(skips, 'superseded (late-2024 AWS Capacity Block mirror; 2026-07-22 table in prices-extra.json)');
    } else {
      bump(skips, `unhandled category ${r.category}`);
    }
  }

  for (const r of extra) {
    if (r.superseded) {
      bump(skips, 'superseded (flagged in prices-extra.json)');
      continue;
    }
    const dated = datedAsOf(r.as_of, null);
    if (!dated) throw new Error(`undated price with no rule: ${r.as_of}`);
    push(r, r.pricing_model as PriceTier, dated, 'vendor-claim', 'prices-extra.json');
  }
  return { prices, skips };
}

function buildPurchasePrices(accelIndex: Map<string, string>): { purchases: PurchasePrice[]; skips: Skips } {
  const skips: Skips = {};
  const purchases: PurchasePrice[] = [];
  const groups: Json = readShared('energy-and-capex.json');
  for (const r of groups.purchase_prices as Json[]) {
    const acceleratorId = accelIndex.get(normalizeName(r.accelerator ?? ''));
    if (!acceleratorId) {
      bump(skips, `no single catalog accelerator (${r.accelerator ?? r.item})`);
      continue;
    }
    if (typeof r.usd_point !== 'number') {
      bump(skips, 'range only, no point estimate');
      continue;
    }
    const perUnit: Record<string, number> = { 'per GPU': 1, 'per GPU (ASP)': 1, 'per 72-GPU rack': 72, 'per 8-GPU server': 8, 'per 8-accelerator kit': 8 };
    const divisor = perUnit[r.unit];
    if (!divisor) throw new Error(`unknown purchase unit ${r.unit}`);
    const dated = datedAsOf(r.as_of ?? null, null) ?? { asOf: purchaseAsOf(r.as_of), note: `as_of given as "${r.as_of ?? 'none'}"` };
    const scope = divisor === 1 ? 'accelerator only (no server/network share)' : `${r.unit} divided by ${divisor} (includes the server/rack share)`;
    purchases.push({
      acceleratorId,
      dollarsPerAccelerator: round(r.usd_point / divisor, 2),
      source: {
        title: r.source.name,
        ...(r.source.url ? { url: r.source.url } : {}),
        asOf: dated.asOf,
        basis: 'estimate',
        note: [`${r.item}: ${scope}`, `trust: ${r.trust}`, dated.note, r.usd_range_note, r.notes].filter(Boolean).join('; '),
      },
    });
  }
  return { purchases, skips };
}

function purchaseAsOf(raw: string | undefined): string {
  if (!raw) return '2026-08';
  const month = /(\d{4})-(0[1-9]|1[0-2])(?!\d)/.exec(raw);
  if (month) return `${month[1]}-${month[2]}`;
  if (/mid-2026/.test(raw)) return '2026-06';
  const year = /(\d{4})/.exec(raw);
  return year ? `${year[1]}-01` : '2026-08';
}

function buildEnergy(): EnergyDefaults {
  return {
    dollarsPerKwh: {
      value: 0.08,
      source: {
        title: "aiinframap 'H100 vs H200 vs B200 TCO' tool assumptions (modelling convention)",
        url: 'https://www.aiinframap.com/tools/chips/h100-vs-h200-vs-b200-tco',
        asOf: '2026-06',
        basis: 'estimate',
        note: 'modelling convention; consistent with the US average industrial retail price (EIA via Statista: 8.06 c/kWh in 2023; state rows 6.4-9.0 c/kWh in data-center states, California 18.6)',
      },
    },
    powerUsageEffectiveness: {
      value: 1.2,
      source: {
        title: 'aiinframap TCO tool (typical modern AI data center; older facilities 1.4-1.6)',
        url: 'https://www.aiinframap.com/tools/chips/h100-vs-h200-vs-b200-tco',
        asOf: '2026-06',
        basis: 'estimate',
        note: 'default for purpose-built AI data centers (SemiAnalysis tiers: new AI designs <1.3, hyperscale <1.4). Uptime Institute survey average is 1.56-1.58 (2023-2024) for the whole industry. Apply to board power only: SemiAnalysis all-in watts already include facility overhead.',
      },
    },
    amortizationYears: {
      value: 4,
      source: {
        title: 'SemiAnalysis InferenceMAX: Open Source Inference Benchmarking (economic useful life of owned accelerators)',
        url: `${GH}/SemiAnalysisAI/InferenceX-app/blob/77ca49a679198bbf593bd1a57fe26a27c9967bb3/packages/app/content/blog/inferencemax-open-source-inference-benchmarking.mdx`,
        asOf: '2025-10-09',
        basis: 'estimate',
        note: 'owning tiers underwritten to a 4-year economic useful life; the rental tier is a 3-year contract with 25% upfront',
      },
    },
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* API prices                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

/** model_key values of api-prices.json that name a variant of a catalog model (same architecture). */
const API_MODEL_VARIANTS: Record<string, string> = {
  'deepseek-r1': 'deepseek-r1',
  'deepseek-r1-0528': 'deepseek-r1',
  'deepseek-v3': 'deepseek-v3',
  'deepseek-v3-0324': 'deepseek-v3',
  'deepseek-v3.1': 'deepseek-v3',
  'kimi-k2': 'kimi-k2',
  'kimi-k2-0905': 'kimi-k2',
  'kimi-k2-thinking': 'kimi-k2-thinking',
  // Same trunk as their catalog model (K2.5/K2.6 add a vision encoder to K2; GLM-5.1 is a GLM-5 post-train;
  // MiniMax-M2.7 keeps the M2 architecture; V3.2-Speciale is a V3.2 post-train).
  'kimi-k2.5': 'kimi-k2',
  'kimi-k2.6': 'kimi-k2',
  'glm-5.1': 'glm-5',
  'minimax-m2.7': 'minimax-m2.5',
  'deepseek-v3.2-speciale': 'deepseek-v3.2',
  'qwen3-235b-a22b-instruct-2507': 'qwen3-235b-a22b',
  'qwen3-235b-a22b-thinking-2507': 'qwen3-235b-a22b',
  'qwen3-30b-a3b-instruct-2507': 'qwen3-30b-a3b',
  'qwen3-30b-a3b-thinking-2507': 'qwen3-30b-a3b',
};

function buildApiPrices(modelIndex: Map<string, string>): { apiPrices: ApiPrice[]; skips: Skips } {
  const skips: Skips = {};
  const apiPrices: ApiPrice[] = [];
  for (const r of readShared('api-prices.json') as Json[]) {
    if (!r.use_by_default) {
      bump(skips, 'not use_by_default');
      continue;
    }
    const modelId = API_MODEL_VARIANTS[r.model_key] ?? modelIndex.get(normalizeName(r.model_key));
    if (!modelId) {
      bump(skips, `model not in catalog (${r.model_key})`);
      continue;
    }
    if (typeof r.dollars_per_million_input_tokens !== 'number' || typeof r.dollars_per_million_output_tokens !== 'number') {
      bump(skips, 'missing input or output price');
      continue;
    }
    const s = r.source;
    const variant = r.model_key !== modelId ? `model variant ${r.model_key} (same architecture as ${modelId})` : null;
    apiPrices.push({
      id: r.record_id,
      modelId,
      provider: r.provider,
      dollarsPerMillionInputTokens: r.dollars_per_million_input_tokens,
      dollarsPerMillionOutputTokens: r.dollars_per_million_output_tokens,
      ...(typeof r.dollars_per_million_cached_input_tokens === 'number'
        ? { dollarsPerMillionCachedInputTokens: r.dollars_per_million_cached_input_tokens }
        : {}),
      ...(typeof r.stated_output_tokens_per_second === 'number' ? { outputTokensPerSecondPerUser: r.stated_output_tokens_per_second } : {}),
      source: {
        title: s?.name ?? r.source_tag,
        ...(s?.url ? { url: s.url } : {}),
        asOf: r.as_of,
        basis: 'vendor-claim',
        note: [
          variant,
          r.variant ? `tier: ${r.variant}` : null,
          `provider model id ${r.provider_model_id}`,
          r.as_of_basis,
          `trust: ${r.trust}`,
          r.flags?.length ? `flags: ${r.flags.join(', ')}` : null,
          ...(r.notes ?? []),
        ]
          .filter(Boolean)
          .join('; '),
      },
    });
  }
  return { apiPrices, skips };
}

/* ------------------------------------------------------------------------------------------------ */
/* Benchmarks                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

/** Model strings of the benchmark files that are ambiguous under the shared key 'deepseek-v3-r1'. */
function benchmarkModelId(r: Json, modelIndex: Map<string, string>): string | undefined {
  const model: string = r.model ?? '';
  if (/^DeepSeek-V3 \(671B\)/.test(model)) return 'deepseek-v3';
  if (/^DeepSeek-(R1|V3\/R1)/.test(model) && !/Distill/.test(model)) return 'deepseek-r1';
  const head = model.split(' (')[0] ?? '';
  return modelIndex.get(normalizeName(head)) ?? (r.model_key ? modelIndex.get(normalizeName(r.model_key)) : undefined);
}

export const parsePrecision = parsePrecisionText;

export function parseEngine(framework: string | null): ServingEngine {
  const f = (framework ?? '').toLowerCase();
  if (/tensorrt|trt-llm|trtllm/.test(f)) return 'trtllm';
  if (/sglang/.test(f)) return 'sglang';
  if (/^vllm|[^a-z]vllm/.test(f) && !/^tgi/.test(f)) return 'vllm';
  return 'other';
}

/**
 * Accelerators per serving instance. GPUs: DEPn x PPm = n*m; TPa x PPb = a*b (EP shares the TP group); TGI
 * "N shards" = N. TPU/Neuron TP counts cores, not chips, so there: devices / replicas named in the notes.
 * Falls back to the whole system when nothing is stated (then says so).
 */
function replicaSize(r: Json, vendor: Vendor, gpuCount: number): { size: number; stated: boolean; pipelineParallel?: number; dep?: true } {
  const text = `${r.framework ?? ''} ${r.scenario ?? ''} ${r.hardware_raw ?? ''} ${r.notes ?? ''} ${r.id ?? ''}`;
  if (vendor === 'google' || vendor === 'aws') {
    // "DP=2 x TP=8 NeuronCores": independent data-parallel servers, each on gpuCount / DP devices.
    const dataParallel = /\bDP=(\d+)/.exec(text);
    if (dataParallel) return { size: gpuCount / Number(dataParallel[1]), stated: true };
    const replicas = /(\d+) (?:TGI )?replicas/i.exec(text);
    if (replicas) return { size: gpuCount / Number(replicas[1]), stated: true };
    return { size: gpuCount, stated: /1 (?:TGI |vLLM )?server|TP=\d+/.test(text) };
  }
  const pp = /\bPP\s*=?\s*(\d+)/i.exec(text);
  // "DEP2,PP2": two pipeline stages of a 2-GPU data-parallel-attention + expert-parallel group.
  const dep = /\bDEP(\d+)/.exec(text);
  const depGpus = dep ? Number(dep[1]) * (pp ? Number(pp[1]) : 1) : 0;
  if (dep && depGpus <= gpuCount) return { size: depGpus, stated: true, dep: true, ...(pp ? { pipelineParallel: Number(pp[1]) } : {}) };
  const tp = /\bTP\s*=?\s*(\d+)/i.exec(text);
  const shards = /(\d+) shards/.exec(text);
  const stated = tp ? Number(tp[1]) * (pp ? Number(pp[1]) : 1) : shards ? Number(shards[1]) : null;
  if (stated !== null && stated <= gpuCount && gpuCount % stated === 0) {
    return { size: stated, stated: true, ...(tp && pp ? { pipelineParallel: Number(pp[1]) } : {}) };
  }
  if (String(r.suite ?? '').startsWith('TensorRT-LLM perf overview')) return { size: gpuCount, stated: true };
  return { size: gpuCount, stated: false };
}

/**
 * Whether the replica runs attention data parallel with expert-parallel MoE ("DEP"): stated as DEPn
 * (TensorRT-LLM 1.2 perf overview), or a MoE model in the v1.0-era TensorRT-LLM perf overview on more than
 * one GPU per stage, whose reproduction section runs every MoE model with `--ep` and
 * `enable_attention_dp: true` (docs/source/performance/perf-overview.md, "For MoE models"). The v1.0
 * Qwen3-30B-A3B "TP8" rows on RTX PRO 6000 equal the 1.2 docs' "DEP8" rows to 0.3 %, which confirms it.
 */
function isDataParallelAttention(r: Json, replica: { size: number; pipelineParallel?: number; dep?: true }, isMoe: boolean): boolean {
  if (replica.dep) return true;
  const ranksPerStage = replica.size / (replica.pipelineParallel ?? 1);
  return isMoe && ranksPerStage > 1 && String(r.suite ?? '').startsWith('TensorRT-LLM perf overview (v1.0');
}

/** Hugging Face Text Generation Inference (its router schedules differently from vLLM/SGLang/TRT-LLM). */
function isTgi(framework: string | null): boolean {
  return /\bTGI\b|text-generation-inference/i.test(framework ?? '');
}

/**
 * How the server admits prompts, when its software says so (the engine default applies otherwise,
 * SCHEDULER_BY_ENGINE): NIM runs TensorRT-LLM's in-flight batching, and vLLM from 0.8 (V1 engine, TPU
 * builds) or with chunked prefill on mixes prefill chunks into decode steps; vLLM before 0.8 without
 * chunked prefill and Neuron (context encoding and token generation are separate compiled graphs)
 * prefill in steps of their own.
 */
function statedScheduler(r: Json): 'prefill-first' | 'mixed' | undefined {
  const framework = String(r.framework ?? '');
  const text = `${framework} ${r.notes ?? ''}`;
  if (/\bNIM\b/.test(framework)) return 'mixed';
  if (/enable[-_ ]chunked[-_ ]prefill\s*=\s*true|chunked prefill enabled/i.test(text)) return 'mixed';
  if (/neuron/i.test(framework)) return 'prefill-first';
  const vllm = /vLLM (?:TPU|\d+\.\d+)/.exec(framework);
  if (vllm) {
    if (/TPU/.test(vllm[0])) return 'mixed';
    const [major, minor] = vllm[0].slice(5).split('.').map(Number) as [number, number];
    return major > 0 || minor >= 8 ? 'mixed' : 'prefill-first';
  }
  return undefined;
}

/**
 * Attention data parallel stated for a MoE model outside TensorRT-LLM's DEP naming (SGLang
 * "--enable-dp-attention", "TP8 + DP-attention", TensorRT-LLM's DeepSeek-R1 blog "TP8 EP8, attention DP",
 * `enable_attention_dp`): each rank keeps the KV cache of its own sequences.
 */
function statedDataParallelAttention(r: Json, isMoe: boolean): boolean {
  return isMoe && /DP[- ]attention|attention[- ]DP\b|enable[-_](?:dp[-_]attention|attention[-_]dp)/i.test(`${r.framework ?? ''} ${r.notes ?? ''}`);
}

/** The server's configured limit on sequences in flight, when the source states it (max-num-seqs, MAX_BATCH_SIZE, batch N). */
function statedMaxBatch(r: Json): number | undefined {
  const text = `${r.framework ?? ''} ${r.notes ?? ''} ${r.scenario ?? ''} ${r.hardware_raw ?? ''}`;
  const match = /(?:max[_ -]?num[_ -]?seqs|max[_ -]?batch[_ -]?size|batch(?: size)?)\s*[=:]?\s*(\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** max-num-batched-tokens when the source also states chunked prefill on (the budget decode and prefill share). */
function statedTokenBudget(r: Json): number | undefined {
  const text = `${r.framework ?? ''} ${r.notes ?? ''}`;
  if (!/enable[-_ ]chunked[-_ ]prefill\s*=\s*true/i.test(text)) return undefined;
  const match = /max[-_ ]num[-_ ]batched[-_ ]tokens\s*[=:]?\s*(\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** vLLM num-scheduler-steps above 1 (multi-step scheduling), when the source states it. */
function statedSchedulerSteps(r: Json): number | undefined {
  const match = /num[-_ ]scheduler[-_ ]steps\s*[=:]?\s*(\d+)/i.exec(`${r.framework ?? ''} ${r.notes ?? ''}`);
  return match && Number(match[1]) > 1 ? Number(match[1]) : undefined;
}

/**
 * $num_requests of the TensorRT-LLM perf overview's offline runs, by ISL/OSL, from each version's
 * "Preparing a Dataset" table (docs/source/performance/perf-overview.md at commit 258c754 for v0.17 and
 * the v1.0 tables; docs/source/developer-guide/perf-overview.md at 03e27c7 for 1.2). trtllm-bench queues
 * all of them at once and reports tokens over the whole run.
 */
const TRTLLM_OFFLINE_REQUESTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  v1: { '128/128': 30000, '128/2048': 3000, '128/4096': 1500, '1000/2000': 1500, '2048/128': 3000, '2048/2048': 1500, '5000/500': 1500, '1000/1000': 3000, '500/2000': 3000, '20000/2000': 1000 },
  '1.2': { '1024/1024': 3000, '8192/1024': 1500, '1024/8192': 1500, '32768/1024': 1000, '1024/32768': 1000 },
};

function offlineRequestCount(r: Json): number | undefined {
  const suite = String(r.suite ?? '');
  const table = /^TensorRT-LLM perf overview \((?:v0\.17|v1\.0 era)\)/.test(suite) ? TRTLLM_OFFLINE_REQUESTS.v1 : suite.startsWith('TensorRT-LLM perf overview (1.2 docs)') ? TRTLLM_OFFLINE_REQUESTS['1.2'] : undefined;
  return table?.[`${r.isl}/${r.osl}`];
}

/** Requests an offered-rate run sent ("500 requests", "1000 prompts"), when the source states it. */
function statedRequestCount(r: Json): number | undefined {
  const s = Array.isArray(r.source) ? r.source[0] : r.source;
  const match = /(\d+) (?:requests|prompts)\b/.exec(`${s?.name ?? ''} ${r.dataset ?? ''} ${r.notes ?? ''}`);
  return match ? Number(match[1]) : undefined;
}

function latency(r: Json): { ttftMs?: number; tpotMs?: number; latencyStatistic?: 'mean' | 'median'; note?: string } {
  const statText = `${r.latency_statistic ?? ''} ${(r.derived_fields ?? []).join(' ')} ${r.notes ?? ''}`.toLowerCase();
  if (/including the first-token wait|llmperf/.test(statText) && r.ttft_p50_ms != null) {
    return { ttftMs: r.ttft_p50_ms, latencyStatistic: 'median', note: "llmperf per-token latency includes TTFT: not a TPOT, left out" };
  }
  const meanStated = /mean|average/.test(statText);
  const medianStated = /median/.test(statText) && !/mean/.test(String(r.latency_statistic ?? '').toLowerCase());
  if (r.ttft_ms != null || r.tpot_ms != null) {
    if (medianStated) return { ...(r.ttft_ms != null ? { ttftMs: r.ttft_ms } : {}), ...(r.tpot_ms != null ? { tpotMs: r.tpot_ms } : {}), latencyStatistic: 'median' };
    if (meanStated) {
      // A mean TPOT beside a median-only TTFT: keep the one statistic, drop the other.
      const ttftIsMean = !/ttft_p50_ms is the median/.test(statText);
      return {
        ...(r.ttft_ms != null && ttftIsMean ? { ttftMs: r.ttft_ms } : {}),
        ...(r.tpot_ms != null ? { tpotMs: r.tpot_ms } : {}),
        latencyStatistic: 'mean',
      };
    }
    return { ...(r.ttft_ms != null ? { ttftMs: r.ttft_ms } : {}), ...(r.tpot_ms != null ? { tpotMs: r.tpot_ms } : {}), note: 'latency statistic (mean or median) not stated by the source' };
  }
  if (r.ttft_p50_ms != null || r.tpot_p50_ms != null) {
    return { ...(r.ttft_p50_ms != null ? { ttftMs: r.ttft_p50_ms } : {}), ...(r.tpot_p50_ms != null ? { tpotMs: r.tpot_p50_ms } : {}), latencyStatistic: 'median' };
  }
  return {};
}

function scenarioOf(r: Json, partial: boolean): { scenario: BenchmarkScenario; concurrency?: number; requestsPerSecond?: number; note?: string } | string {
  const s = String(r.scenario ?? '');
  const load = String(r.load_control ?? '');
  if (/^(Server|Interactive)$/.test(s)) return 'MLPerf Server/Interactive (throughput under p99 latency bounds; not representable)';
  if (/prefill|decode|production/i.test(s) && !/closed-loop/.test(s)) return 'disaggregated prefill/decode component or production average';
  if (/disaggregation/i.test(String(r.framework ?? ''))) return 'prefill/decode-disaggregated deployment (not one aggregated replica size)';
  if (s === 'Offline' || /offline max-throughput|max-throughput|max throughput/i.test(s)) return { scenario: 'saturated' };
  const qps = /QPS=(\w+)/.exec(s);
  if (qps) return qps[1] === 'INF' ? { scenario: 'saturated', note: 'offered load QPS=INF' } : { scenario: 'request-rate', requestsPerSecond: Number(qps[1]) };
  if (partial) {
    if (/open-loop|fixed-rate|request rate/i.test(load) && typeof r.request_rate_qps === 'number') {
      return { scenario: 'request-rate', requestsPerSecond: r.request_rate_qps, ...(/overload/i.test(s) ? { note: 'offered rate exceeds capacity (overloaded)' } : {}) };
    }
    if (/synchronous/i.test(load) && !/asynchronous/i.test(load)) return { scenario: 'concurrency', concurrency: 1 };
    if (/throughput mode/i.test(load)) {
      return typeof r.concurrency === 'number' ? { scenario: 'concurrency', concurrency: r.concurrency } : { scenario: 'saturated', note: 'guidellm throughput mode (max load)' };
    }
    if (/burst/i.test(load) && typeof r.concurrency === 'number') return { scenario: 'burst', concurrency: r.concurrency, note: 'burst: all N requests sent at t=0, TTFT includes queueing behind the batch' };
  }
  if (typeof r.concurrency === 'number') return { scenario: 'concurrency', concurrency: r.concurrency };
  return 'no load definition (scenario, concurrency or request rate)';
}

function benchmarkSource(r: Json, extraNotes: string[]): SourceRef {
  const s = Array.isArray(r.source) ? r.source[0] : r.source;
  const url: string | undefined =
    s?.url && /^https?:\/\//.test(s.url) ? s.url.split(' ')[0] : s?.repo ? `${GH}/${s.repo}${s.commit ? `/blob/${s.commit}/${s.path ?? ''}` : ''}` : undefined;
  const dated = benchmarkAsOf(r.date, s?.commit_date);
  return {
    title: [r.suite, s?.name].filter(Boolean).join(': '),
    ...(url ? { url } : {}),
    asOf: dated.asOf,
    basis: r.kind === 'measured' ? 'measured' : 'vendor-claim',
    note: [dated.note, `evidence: ${r.evidence}`, r.framework ? `framework: ${r.framework}` : null, r.precision ? `precision: ${r.precision}` : null, ...extraNotes, r.notes]
      .filter(Boolean)
      .join('; '),
  };
}

function benchmarkAsOf(date: string | null, commitDate: string | null | undefined): { asOf: string; note?: string } {
  if (date && /^\d{4}-\d{2}(-\d{2})?$/.test(date)) return { asOf: date };
  const commit = commitDate && /^(\d{4}-\d{2}-\d{2})/.exec(commitDate);
  const fromDate = date && /(\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?)(?!\d)/.exec(date);
  if (fromDate) return { asOf: fromDate[1]!, note: `date given as "${date}"` };
  if (commit) return { asOf: commit[1]!, note: `run date not recorded (${date ?? 'none'}); asOf = source commit date` };
  const year = date && /(\d{4})/.exec(date);
  if (year) return { asOf: `${year[1]}-01`, note: `date given only as "${date}"; asOf = start of that year` };
  return { asOf: '2026-08', note: 'undated; asOf = month the shared data was gathered' };
}

function buildBenchmarks(
  accelerators: readonly Accelerator[],
  accelIndex: Map<string, string>,
  modelIndex: Map<string, string>,
  moeModelIds: ReadonlySet<string>,
): { benchmarks: BenchmarkPoint[]; skips: Skips } {
  const skips: Skips = {};
  const benchmarks: BenchmarkPoint[] = [];
  const seen = new Set<string>();
  const files: [string, boolean][] = [
    ['benchmarks.json', false],
    ['benchmarks-partial-load.json', true],
  ];
  for (const [file, partial] of files) {
    for (const r of readShared(file) as Json[]) {
      const point = normalizeBenchmark(r, partial, accelerators, accelIndex, modelIndex, moeModelIds);
      if (typeof point === 'string') {
        bump(skips, `${file}: ${point}`);
        continue;
      }
      if (seen.has(point.id)) throw new Error(`duplicate benchmark id ${point.id}`);
      seen.add(point.id);
      benchmarks.push(point);
    }
  }
  return { benchmarks, skips };
}

function normalizeBenchmark(
  r: Json,
  partial: boolean,
  accelerators: readonly Accelerator[],
  accelIndex: Map<string, string>,
  modelIndex: Map<string, string>,
  moeModelIds: ReadonlySet<string>,
): BenchmarkPoint | string {
  const acceleratorId = accelIndex.get(normalizeName(r.hardware ?? ''));
  if (!acceleratorId) return `accelerator not in catalog (${r.hardware})`;
  const modelId = benchmarkModelId(r, modelIndex);
  if (!modelId) return `model not in catalog (${r.model})`;
  const precision = parsePrecision(r.precision);
  if (!precision) return `precision not fp4/fp8/bf16 (${r.precision})`;
  const scenario = scenarioOf(r, partial);
  if (typeof scenario === 'string') return scenario;
  const gpuCount: number | null = r.accelerator_count;
  if (!gpuCount) return 'accelerator count not stated';
  const sharedPrefix = sharedPrefixOf(r);
  const speculative = speculativeOf(r);
  let inputTokens: number | null = r.isl ?? sharedPrefix?.inputTokens ?? null;
  let outputTokens: number | null = r.osl;
  const notes: string[] = [];
  if (outputTokens === null && typeof r.osl_reference_mean_tokens === 'number') {
    outputTokens = r.osl_reference_mean_tokens;
    notes.push(`outputTokens = dataset reference mean output length (${r.osl_reference_mean_tokens}); ${r.dataset}`);
  }
  if (inputTokens === null) return 'no input length (MLPerf dataset mean input length not in the record)';
  if (outputTokens === null) return 'no output length';
  let perGpu: number | null = r.throughput_output_tok_s_per_accel;
  if (perGpu === null && typeof r.throughput_output_tok_s_total === 'number') perGpu = r.throughput_output_tok_s_total / gpuCount;
  if (!perGpu || perGpu <= 0) return 'no output-token throughput';
  const vendor = accelerators.find((a) => a.id === acceleratorId)!.vendor;
  const replica = replicaSize(r, vendor, gpuCount);
  if (!replica.stated) notes.push('gpusPerReplica not stated by the source: set to the whole system');
  const lat = latency(r);
  if (lat.note) notes.push(lat.note);
  if (sharedPrefix && r.isl == null) notes.push(`inputTokens = shared prefix + question (${sharedPrefix.inputTokens}); ${round(sharedPrefix.prefixCacheHitFraction * 100, 1)} % of input tokens served from the prefix cache`);
  if (scenario.note) notes.push(scenario.note);
  if (modelId !== benchmarkModelId({ model: r.model_key }, modelIndex) && r.model) notes.push(`model as published: ${r.model}`);
  return {
    id: r.id,
    acceleratorId,
    modelId,
    precision,
    engine: parseEngine(r.framework),
    gpusPerReplica: replica.size,
    ...(replica.pipelineParallel !== undefined ? { pipelineParallel: replica.pipelineParallel } : {}),
    ...(isDataParallelAttention(r, replica, moeModelIds.has(modelId)) || statedDataParallelAttention(r, moeModelIds.has(modelId)) ? { attentionDataParallel: true as const } : {}),
    ...(statedMaxBatch(r) !== undefined ? { maxBatchPerReplica: statedMaxBatch(r) } : {}),
    ...(statedTokenBudget(r) !== undefined ? { tokenBudgetPerStep: statedTokenBudget(r) } : {}),
    ...(statedSchedulerSteps(r) !== undefined ? { schedulerStepsPerIteration: statedSchedulerSteps(r) } : {}),
    ...(parseEngine(r.framework) === 'other' && isTgi(r.framework) ? { servingStack: 'tgi' as const } : {}),
    ...(statedScheduler(r) !== undefined ? { scheduler: statedScheduler(r) } : {}),
    ...(speculative ? { speculative } : {}),
    ...(sharedPrefix ? { prefixCacheHitFraction: round(sharedPrefix.prefixCacheHitFraction, 4) } : {}),
    gpuCount,
    inputTokens: round(inputTokens, 2),
    outputTokens: round(outputTokens, 2),
    scenario: scenario.scenario,
    ...(scenario.concurrency !== undefined ? { concurrency: scenario.concurrency } : {}),
    ...(scenario.requestsPerSecond !== undefined ? { requestsPerSecond: scenario.requestsPerSecond } : {}),
    ...(scenario.scenario === 'request-rate' && statedRequestCount(r) !== undefined ? { requestCount: statedRequestCount(r) } : {}),
    ...(scenario.scenario === 'saturated' && offlineRequestCount(r) !== undefined ? { requestCount: offlineRequestCount(r) } : {}),
    outputTokensPerSecondPerGpu: round(perGpu, 4),
    ...(lat.ttftMs !== undefined ? { ttftMs: lat.ttftMs } : {}),
    ...(lat.tpotMs !== undefined ? { tpotMs: lat.tpotMs } : {}),
    ...(lat.latencyStatistic ? { latencyStatistic: lat.latencyStatistic } : {}),
    kind: r.kind,
    source: benchmarkSource(r, notes),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Main                                                                                               */
/* ------------------------------------------------------------------------------------------------ */

function printSkips(label: string, skips: Skips): void {
  const total = Object.values(skips).reduce((a, b) => a + b, 0);
  console.log(`  skipped ${total} ${label}:`);
  for (const [reason, n] of Object.entries(skips).sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(4)}  ${reason}`);
}

function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const accelerators = buildAccelerators();
  const models = [...buildSharedModels(), ...buildExtraModels(), ...buildCurrentModels()];
  const accelIndex = indexById(accelerators);
  const modelIndex = indexById(models);

  const { prices, skips: priceSkips } = buildPrices(accelIndex);
  const { purchases, skips: purchaseSkips } = buildPurchasePrices(accelIndex);
  const { apiPrices, skips: apiSkips } = buildApiPrices(modelIndex);
  const { benchmarks, skips: benchSkips } = buildBenchmarks(accelerators, accelIndex, modelIndex, new Set(models.filter((m) => m.moe).map((m) => m.id)));

  writeOut('accelerators.json', accelerators);
  writeOut('models.json', models);
  writeOut('prices.json', prices);
  writeOut('purchase-prices.json', purchases);
  writeOut('energy.json', buildEnergy());
  writeOut('api-prices.json', apiPrices);
  writeOut('benchmarks.json', benchmarks);

  console.log(`accelerators.json: ${accelerators.length}`);
  console.log(`models.json: ${models.length}`);
  console.log(`prices.json: ${prices.length} (${countBy(prices, (p) => p.tier)})`);
  printSkips('price records', priceSkips);
  console.log(`purchase-prices.json: ${purchases.length}`);
  printSkips('purchase records', purchaseSkips);
  console.log(`api-prices.json: ${apiPrices.length}`);
  printSkips('api price records', apiSkips);
  console.log(`benchmarks.json: ${benchmarks.length}`);
  console.log(`  by scenario: ${countBy(benchmarks, (b) => b.scenario)}`);
  console.log(`  by accelerator: ${countBy(benchmarks, (b) => b.acceleratorId)}`);
  console.log(`  by model: ${countBy(benchmarks, (b) => b.modelId)}`);
  printSkips('benchmark records', benchSkips);
}

main();
