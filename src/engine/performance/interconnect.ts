import type { Accelerator } from '../catalog/types.ts';
import { COLLECTIVE_LATENCY_SECONDS, LINK_EFFICIENCY_FRACTION } from './efficiency.ts';

/**
 * Platforms sold as one GPU per node with no GPU-to-GPU fabric: the GH200 superchip pairs its GPU with a
 * Grace CPU over NVLink-C2C (the catalog's 450 GB/s), and a second GPU is reached only through the node's
 * network card (NVIDIA GH200 datasheet; GH200 cloud instances are 1-GPU nodes). PCIe boards without a
 * fabric (L40S, RTX PRO 6000, H100 PCIe) instead sit eight to a host and reach each other over PCIe.
 */
const ONE_GPU_PER_NODE: ReadonlySet<string> = new Set(['gh200']);

/** PCIe slots of a standard inference host (8-GPU PCIe servers): the reach of tensor parallel without a fabric. */
const PCIE_HOST_GPUS = 8;

/**
 * Estimate: scale-out bandwidth per GPU, one direction: one 400 Gb/s NIC per GPU (ConnectX-7 NDR
 * InfiniBand or 400G RoCE, the rail-optimised layout of DGX/HGX H100 and GH200 clusters) = 50 GB/s.
 */
export const SCALE_OUT_BYTES_PER_SECOND_PER_GPU = 50e9;

/**
 * Estimate: latency of one collective step across nodes (NIC, switch and NCCL protocol, ~5 us a hop);
 * a ring collective over N nodes pays it 2 (N - 1) times, against one fabric latency inside a node.
 */
export const SCALE_OUT_HOP_LATENCY_SECONDS = 5e-6;

/**
 * GPUs one tensor-parallel (or expert-parallel) group can span without leaving the node's own links: the
 * scale-up domain; for PCIe boards without one, the host's 8 PCIe slots; 1 for one-GPU nodes (GH200).
 */
export function tensorParallelDomain(accelerator: Accelerator): number {
  if (accelerator.scaleUpDomainCount > 1) return accelerator.scaleUpDomainCount;
  return ONE_GPU_PER_NODE.has(accelerator.id) ? 1 : PCIE_HOST_GPUS;
}

/** Achieved bandwidth and latency a collective among `ranks` GPUs of one group sees. */
export interface CollectiveLink {
  /** Achieved bytes/s per GPU, one direction. */
  readonly bytesPerSecond: number;
  /** Fixed latency of one collective. */
  readonly latencySeconds: number;
  /** True when the group spans more GPUs than `tensorParallelDomain`: its traffic crosses the scale-out network. */
  readonly crossesScaleOut: boolean;
}

/**
 * The link a collective among `ranks` GPUs runs on: the scale-up fabric (NVLink, Infinity Fabric, PCIe)
 * inside the domain; beyond it, a ring's slowest hop is the node's network card, so the whole collective
 * runs at scale-out bandwidth and pays a network hop per ring step.
 */
export function collectiveLink(accelerator: Accelerator, ranks: number): CollectiveLink {
  if (ranks <= tensorParallelDomain(accelerator)) {
    return { bytesPerSecond: accelerator.scaleUpBytesPerSecondPerDirection * LINK_EFFICIENCY_FRACTION, latencySeconds: COLLECTIVE_LATENCY_SECONDS, crossesScaleOut: false };
  }
  const send = scaleOutSendLink(accelerator);
  return { ...send, latencySeconds: COLLECTIVE_LATENCY_SECONDS + 2 * (ranks - 1) * SCALE_OUT_HOP_LATENCY_SECONDS };
}

/** The link of one point-to-point send between two nodes (a pipeline hand-off): one network hop. */
export function scaleOutSendLink(accelerator: Accelerator): CollectiveLink {
  return {
    bytesPerSecond: Math.min(accelerator.scaleUpBytesPerSecondPerDirection, SCALE_OUT_BYTES_PER_SECOND_PER_GPU) * LINK_EFFICIENCY_FRACTION,
    latencySeconds: COLLECTIVE_LATENCY_SECONDS + SCALE_OUT_HOP_LATENCY_SECONDS,
    crossesScaleOut: true,
  };
}

/**
 * Pipeline-stage boundaries of a replica that cross nodes: stages of `tensorParallel` GPUs are packed into
 * nodes of `tensorParallelDomain` GPUs, and every boundary between two nodes goes over the network.
 */
export function scaleOutPipelineHops(accelerator: Accelerator, tensorParallel: number, pipelineParallel: number): number {
  if (pipelineParallel <= 1) return 0;
  const stagesPerNode = Math.max(1, Math.floor(tensorParallelDomain(accelerator) / tensorParallel));
  return Math.ceil(pipelineParallel / stagesPerNode) - 1;
}
