/**
 * Accelerators with published results in ../shared/data (or in the questions people ask) that
 * ../shared/data/hardware.json does not describe, from their vendors' spec pages. Every figure we derived
 * ourselves carries `estimate:` in fieldSources with its reasoning; the rest is the datasheet as read.
 * Dense tensor figures: vendors quote sparse "AI TOPS" for some parts; those are halved and said so.
 */
import type { Accelerator, Precision, Vendor } from '../src/engine/catalog/types.ts';

interface Spec {
  readonly id: string;
  readonly name: string;
  readonly vendor: Vendor;
  readonly aliases: readonly string[];
  readonly memoryGb: number;
  readonly bandwidthTbps: number;
  readonly tflops: Readonly<Partial<Record<Precision, number>>>;
  readonly scaleUpBidirectionalGbps: number;
  readonly scaleUpDomain: number;
  readonly minimumDeployable: number;
  readonly tdpWatts: number | null;
  readonly launchYear: number;
  readonly url: string;
  readonly asOf: string;
  readonly title: string;
  readonly fieldSources: Readonly<Record<string, string>>;
  readonly note: string;
}

const IDLE_NOTE = 'estimate: 30% of board power + a host/network share of 100 W per accelerator (at most another 30% of board power for workstation cards); not measured';

const SPECS: readonly Spec[] = [
  {
    id: 'mi350x', name: 'AMD Instinct MI350X', vendor: 'amd', aliases: ['MI350X', 'mi350', 'instinct mi350x', 'AMD Instinct MI350X'],
    memoryGb: 288, bandwidthTbps: 8.0, tflops: { bf16: 2307, fp8: 4614, fp4: 9228 }, scaleUpBidirectionalGbps: 1075, scaleUpDomain: 8,
    minimumDeployable: 8, tdpWatts: 1000, launchYear: 2025,
    url: 'https://www.amd.com/en/products/accelerators/instinct/mi350/mi350x.html', asOf: '2025-06', title: 'AMD Instinct MI350X product page and datasheet',
    fieldSources: {
      denseFlopsPerSecond: 'AMD datasheet dense matrix: FP16/BF16 2.3 PF, FP8 4.6 PF, MXFP4 9.2 PF (same CDNA 4 silicon as MI355X at lower clock, ../shared/data hardware.json MI355X note)',
      scaleUpBytesPerSecondPerDirection: 'AMD: 7 Infinity Fabric links x 153.6 GB/s (1,075 GB/s both directions), 8-GPU UBB',
      tdpWatts: 'AMD: 1,000 W total board power (air cooled)',
    },
    note: 'air-cooled CDNA 4 part; MI355X is the liquid-cooled, 1.4 kW version',
  },
  {
    id: 'trainium1', name: 'AWS Trainium (Trn1)', vendor: 'aws', aliases: ['Trainium1', 'trainium', 'trn1', 'aws trainium', 'trainium 1', 'Trainium (gen 1)'],
    memoryGb: 32, bandwidthTbps: 0.82, tflops: { bf16: 190, fp8: 190 }, scaleUpBidirectionalGbps: 384, scaleUpDomain: 16,
    minimumDeployable: 1, tdpWatts: null, launchYear: 2022,
    url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium.html', asOf: '2026-08', title: 'AWS Neuron docs: Trainium architecture',
    fieldSources: {
      memoryBytes: 'AWS Neuron docs: 32 GiB HBM per Trainium device',
      memoryBandwidthBytesPerSecond: 'AWS Neuron docs: 820 GB/s HBM bandwidth per device',
      denseFlopsPerSecond: 'AWS Neuron docs: 190 TFLOPS FP16/BF16/cFP8 per device (FP8 at the BF16 rate: supported, no speed-up)',
      scaleUpBytesPerSecondPerDirection: 'estimate: NeuronLink-v2 device-to-device bandwidth taken as 384 GB/s both directions (trn1.32xlarge: 16 devices in a 2D torus); not in ../shared/data',
      scaleUpDomainCount: 'trn1.32xlarge holds 16 devices',
      tdpWatts: 'null: not published by AWS',
      minimumDeployableCount: 'estimate: trn1.2xlarge has 1 device',
    },
    note: 'Trainium (first generation), NeuronCore-v2 x 2 per device',
  },
  {
    id: 'arc-pro-b50', name: 'Intel Arc Pro B50', vendor: 'intel', aliases: ['Intel Arc Pro B50', 'arc pro b50', 'b50', 'Intel-Arc-Pro-B50'],
    memoryGb: 16, bandwidthTbps: 0.224, tflops: { bf16: 85 }, scaleUpBidirectionalGbps: 64, scaleUpDomain: 1,
    minimumDeployable: 1, tdpWatts: 70, launchYear: 2025,
    url: 'https://www.intel.com/content/www/us/en/products/sku/242615/intel-arc-pro-b50-graphics/specifications.html', asOf: '2025-08', title: 'Intel Arc Pro B50 specifications',
    fieldSources: {
      denseFlopsPerSecond: 'estimate: Intel lists 170 peak INT8 TOPS (XMX); BF16 XMX runs at half the INT8 rate: 85 TFLOPS. Xe2 XMX has no FP8 mode, so FP8/FP4 checkpoints run weight-only',
      memoryBandwidthBytesPerSecond: 'Intel: 16 GB GDDR6, 224 GB/s',
      scaleUpBytesPerSecondPerDirection: 'PCIe 5.0 x8 (32 GB/s per direction); no GPU-to-GPU link',
      tdpWatts: 'Intel: 70 W total board power',
    },
    note: 'Battlemage (Xe2) workstation card, PCIe',
  },
  {
    id: 'arc-pro-b60', name: 'Intel Arc Pro B60', vendor: 'intel', aliases: ['Intel Arc Pro B60', 'arc pro b60', 'b60', 'Intel-Arc-Pro-B60'],
    memoryGb: 24, bandwidthTbps: 0.456, tflops: { bf16: 98.5 }, scaleUpBidirectionalGbps: 64, scaleUpDomain: 1,
    minimumDeployable: 1, tdpWatts: 200, launchYear: 2025,
    url: 'https://www.intel.com/content/www/us/en/products/sku/243916/intel-arc-pro-b60-graphics/specifications.html', asOf: '2025-06', title: 'Intel Arc Pro B60 specifications',
    fieldSources: {
      denseFlopsPerSecond: 'estimate: Intel lists 197 peak INT8 TOPS (XMX); BF16 at half the INT8 rate: 98.5 TFLOPS; no FP8 XMX mode',
      memoryBandwidthBytesPerSecond: 'Intel: 24 GB GDDR6, 456 GB/s',
      scaleUpBytesPerSecondPerDirection: 'PCIe 5.0 x8 (32 GB/s per direction)',
      tdpWatts: 'Intel: 120-200 W board power (partner cards); 200 W taken',
    },
    note: 'Battlemage (Xe2) workstation card, PCIe',
  },
  {
    id: 'arc-pro-b60-dual', name: 'Intel Arc Pro B60 Dual 48G (two B60 GPUs on one card)', vendor: 'intel',
    aliases: ['Intel-Arc-Pro-B60-Dual', 'arc pro b60 dual', 'b60 dual', 'MAXSUN Intel Arc Pro B60 Dual 48G'],
    memoryGb: 48, bandwidthTbps: 0.912, tflops: { bf16: 197 }, scaleUpBidirectionalGbps: 64, scaleUpDomain: 1,
    minimumDeployable: 1, tdpWatts: 400, launchYear: 2025,
    url: 'https://www.intel.com/content/www/us/en/products/sku/243916/intel-arc-pro-b60-graphics/specifications.html', asOf: '2025-06', title: 'Intel Arc Pro B60 specifications (dual-GPU partner board, e.g. MAXSUN)',
    fieldSources: {
      memoryBytes: 'estimate: two B60 GPUs of 24 GB on one board, counted as one accelerator as the MLPerf submission counts it',
      memoryBandwidthBytesPerSecond: 'estimate: 2 x 456 GB/s',
      denseFlopsPerSecond: 'estimate: 2 x 98.5 BF16 TFLOPS (197 INT8 TOPS each, BF16 at half); no FP8 XMX mode',
      scaleUpBytesPerSecondPerDirection: 'PCIe 5.0 x16 bifurcated x8 per GPU: 32 GB/s per direction; the two GPUs talk over PCIe',
      tdpWatts: 'estimate: 2 x 200 W',
    },
    note: 'one board = two GPUs; tensor parallel inside the board runs over PCIe',
  },
  {
    id: 'arc-pro-b70', name: 'Intel Arc Pro B70', vendor: 'intel', aliases: ['Intel Arc Pro B70', 'arc pro b70', 'b70', 'Intel-Arc-Pro-B70'],
    memoryGb: 32, bandwidthTbps: 0.608, tflops: { bf16: 183.5 }, scaleUpBidirectionalGbps: 64, scaleUpDomain: 1,
    minimumDeployable: 1, tdpWatts: 230, launchYear: 2026,
    url: 'https://www.intel.com/content/www/us/en/products/details/discrete-gpus/arc/arc-pro.html', asOf: '2026-03', title: 'Intel Arc Pro B-series product page',
    fieldSources: {
      memoryBytes: 'estimate: 32 GB GDDR6 (BMG-G31, 256-bit)',
      memoryBandwidthBytesPerSecond: 'estimate: 608 GB/s (256-bit GDDR6 at 19 Gbps)',
      denseFlopsPerSecond: 'estimate: 367 peak INT8 TOPS (32 Xe2 cores), BF16 at half: 183.5 TFLOPS; no FP8 XMX mode',
      scaleUpBytesPerSecondPerDirection: 'PCIe 5.0 x16 taken as x8-equivalent 32 GB/s per direction for peer traffic (estimate)',
      tdpWatts: 'estimate: 230 W board power',
    },
    note: 'larger Battlemage (BMG-G31) workstation card; figures labelled estimates where the spec sheet was not read',
  },
  {
    id: 'rtx-pro-4500', name: 'NVIDIA RTX PRO 4500 Blackwell', vendor: 'nvidia',
    aliases: ['RTX PRO 4500 Blackwell', 'rtx pro 4500', 'RTX-PRO-4500-Blackwell', 'rtx 4500 pro', 'NVIDIA RTX PRO 4500 Blackwell'],
    memoryGb: 32, bandwidthTbps: 0.896, tflops: { bf16: 94, fp8: 188, fp4: 375 }, scaleUpBidirectionalGbps: 128, scaleUpDomain: 1,
    minimumDeployable: 1, tdpWatts: 200, launchYear: 2025,
    url: 'https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-4500/', asOf: '2025-05', title: 'NVIDIA RTX PRO 4500 Blackwell product page',
    fieldSources: {
      memoryBandwidthBytesPerSecond: 'NVIDIA: 32 GB GDDR7, 896 GB/s',
      denseFlopsPerSecond: 'estimate: NVIDIA lists 802 AI TOPS (FP4, sparse); scaled from the RTX PRO 6000 Server (4,000 AI TOPS listed, 1,871 dense FP4 TFLOPS in aiconfigurator): FP4 375, FP8 188, BF16 94 dense',
      scaleUpBytesPerSecondPerDirection: 'PCIe Gen5 x16 (64 GB/s per direction), no NVLink',
      tdpWatts: 'NVIDIA: 200 W board power',
    },
    note: 'Blackwell workstation card, PCIe',
  },
  {
    id: 'h800', name: 'NVIDIA H800 SXM 80GB', vendor: 'nvidia', aliases: ['H800', 'h800 sxm', 'NVIDIA H800'],
    memoryGb: 80, bandwidthTbps: 3.35, tflops: { bf16: 989, fp8: 1979 }, scaleUpBidirectionalGbps: 400, scaleUpDomain: 8,
    minimumDeployable: 8, tdpWatts: 700, launchYear: 2023,
    url: 'https://www.nvidia.com/en-us/data-center/h100/', asOf: '2023-03', title: 'NVIDIA H100/H800 SXM specifications',
    fieldSources: {
      denseFlopsPerSecond: 'estimate: the H100 SXM die and clocks (989 BF16 / 1,979 FP8 dense TFLOPS, aiconfigurator H100 SXM); H800 differs in NVLink only',
      scaleUpBytesPerSecondPerDirection: 'estimate: NVLink cut to 400 GB/s both directions (export variant), per the DeepSeek-V3 technical report',
    },
    note: 'export variant of H100 SXM with reduced NVLink (DeepSeek trained and serves V3/R1 on it)',
  },
];

function toAccelerator(s: Spec): Accelerator {
  const flops: Partial<Record<Precision, number>> = {};
  for (const [p, tf] of Object.entries(s.tflops) as [Precision, number][]) flops[p] = Math.round(tf * 1e12);
  const idle = s.tdpWatts === null ? null : Math.round(0.3 * s.tdpWatts + Math.min(100, 0.3 * s.tdpWatts));
  return {
    id: s.id,
    name: s.name,
    vendor: s.vendor,
    aliases: s.aliases,
    memoryBytes: Math.round(s.memoryGb * 2 ** 30),
    memoryBandwidthBytesPerSecond: Math.round(s.bandwidthTbps * 1e12),
    denseFlopsPerSecond: flops,
    scaleUpBytesPerSecondPerDirection: Math.round((s.scaleUpBidirectionalGbps / 2) * 1e9),
    scaleUpDomainCount: s.scaleUpDomain,
    minimumDeployableCount: s.minimumDeployable,
    tdpWatts: s.tdpWatts,
    allInWatts: null,
    idleWatts: idle,
    launchYear: s.launchYear,
    source: { title: s.title, url: s.url, asOf: s.asOf, basis: 'datasheet', note: `${s.note}; not in ../shared/data hardware.json: read from the vendor page, estimates labelled per field` },
    fieldSources: { minimumDeployableCount: `estimate: ${s.minimumDeployable === 1 ? 'one card or device per instance' : `one ${s.minimumDeployable}-accelerator node`}`, ...s.fieldSources, idleWatts: idle === null ? 'null: board power unpublished, so no idle estimate' : IDLE_NOTE, memoryBytesLabel: 'vendor GB label read as GiB, as for the other accelerators' },
  };
}

export const CURRENT_ACCELERATORS: readonly Accelerator[] = SPECS.map(toAccelerator);
