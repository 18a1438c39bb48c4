import type { Accelerator, Model } from '../catalog/types.ts';
import { tensorParallelDomain } from './interconnect.ts';

/**
 * A replica's parallel layout as a user states it (`TP8`, `TP4PP2`, `TP1PP8`, `TP8EP8`, `DEP4`). Under
 * DEP, `ranks` are attention data-parallel ranks that share the routed experts (expert parallel);
 * otherwise they are tensor-parallel ranks. For an MoE model `TPn` splits every expert across the n ranks
 * (the engines' default), `TPnEPn` gives each rank whole experts (expert parallel).
 */
export interface ParallelLayout {
  readonly ranks: number;
  readonly pipelineParallel: number;
  readonly attentionDataParallel: boolean;
  /** The expert-parallel degree the user wrote, if any (it must equal the ranks). */
  readonly expertParallel?: number;
}

export type LayoutParse = { readonly ok: true; readonly layout: ParallelLayout } | { readonly ok: false; readonly message: string };

const EXAMPLES = 'TP8, TP4PP2, TP1PP8, TP8EP8 or DEP4';

/** Parse a layout such as `TP4PP2` or `dep8` (case, spaces, commas and dashes between parts are ignored). */
export function parseParallelism(text: string): LayoutParse {
  const compact = text.replace(/[\s,_-]+/g, '').toUpperCase();
  const fail = (why: string): LayoutParse => ({ ok: false, message: `parallelism "${text}" ${why}; write it like ${EXAMPLES}` });
  if (!compact) return fail('is empty');
  const parts = new Map<string, number>();
  const pattern = /(DEP|TP|PP|EP)(\d+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(compact)) !== null) {
    const [, kind, digits] = match as unknown as [string, string, string];
    if (parts.has(kind)) return fail(`gives ${kind} twice`);
    const degree = Number(digits);
    if (!Number.isInteger(degree) || degree < 1) return fail(`has ${kind}${digits}: each degree must be a whole number of at least 1`);
    parts.set(kind, degree);
    consumed = pattern.lastIndex;
  }
  if (consumed !== compact.length) return fail(`has "${compact.slice(consumed)}", which is not TPn, PPn, EPn or DEPn`);
  if (parts.has('TP') && parts.has('DEP')) return fail('gives both TP and DEP (DEPn already says how the n ranks split the model)');
  const ranks = parts.get('DEP') ?? parts.get('TP') ?? 1;
  const expertParallel = parts.get('EP');
  if (!parts.has('TP') && !parts.has('DEP') && expertParallel !== undefined) return fail('gives EP without TP or DEP');
  return {
    ok: true,
    layout: {
      ranks,
      pipelineParallel: parts.get('PP') ?? 1,
      attentionDataParallel: parts.has('DEP'),
      ...(expertParallel !== undefined ? { expertParallel } : {}),
    },
  };
}

export function gpusOfLayout(layout: ParallelLayout): number {
  return layout.ranks * layout.pipelineParallel;
}

/** The canonical name of a layout for a model: `TP8`, `TP8EP8` (MoE, whole experts per rank), `TP1PP8`, `DEP4`. */
export function layoutLabel(layout: ParallelLayout, model: Model): string {
  const pipeline = layout.pipelineParallel > 1 ? `PP${layout.pipelineParallel}` : '';
  if (layout.attentionDataParallel) return `DEP${layout.ranks}${pipeline}`;
  const experts = model.moe && layout.ranks > 1 && (layout.expertParallel ?? 1) > 1 ? `EP${layout.ranks}` : '';
  return `TP${layout.ranks}${pipeline}${experts}`;
}

/**
 * Why `layout` cannot serve `model` on `gpus` GPUs of `accelerator`, or null when it can (memory is
 * checked by the estimate itself). The message names what is wrong and a layout that would work.
 */
export function layoutProblem(layout: ParallelLayout, model: Model, accelerator: Accelerator, gpus: number): string | null {
  const written = layoutLabel(layout, model);
  const perReplica = gpusOfLayout(layout);
  if (layout.attentionDataParallel && !model.moe) {
    return `DEP (attention data parallel with expert parallel) needs a mixture-of-experts model; ${model.name} is dense: use TP${layout.ranks}${layout.pipelineParallel > 1 ? `PP${layout.pipelineParallel}` : ''} or more replicas`;
  }
  if (layout.expertParallel !== undefined && layout.expertParallel > 1 && !model.moe) {
    return `EP${layout.expertParallel} needs a mixture-of-experts model; ${model.name} is dense: drop EP (e.g. TP${layout.ranks})`;
  }
  if (layout.expertParallel !== undefined && layout.expertParallel > 1 && layout.expertParallel !== layout.ranks && model.moe) {
    return `EP${layout.expertParallel} with ${layout.attentionDataParallel ? 'DEP' : 'TP'}${layout.ranks}: the model spreads whole experts over the same ${layout.ranks} ranks, so EP must be ${layout.ranks} (e.g. ${layout.attentionDataParallel ? `DEP${layout.ranks}` : `TP${layout.ranks}EP${layout.ranks}`}), or leave EP out to split each expert across the TP ranks`;
  }
  if (gpus % perReplica !== 0) {
    const fits = [1, 2, 4, 8, 16, 32, 64].filter((n) => n <= gpus && gpus % n === 0);
    return `${written} uses ${perReplica} GPUs per replica, which does not divide --gpus ${gpus}; use --gpus ${perReplica} (or a multiple), or a layout of ${fits.join(', ')} GPUs`;
  }
  const domain = tensorParallelDomain(accelerator);
  if (layout.ranks > domain) {
    const why =
      domain === 1
        ? `${accelerator.name} nodes hold one GPU with no GPU-to-GPU fabric (scale-up domain 1)`
        : `${accelerator.name} links at most ${domain} GPUs on its scale-up fabric`;
    const within = Math.min(domain, layout.ranks);
    const alternative = `TP${within}PP${Math.max(1, perReplica / within)}`;
    return `${written} puts ${layout.ranks} ${layout.attentionDataParallel ? 'expert-parallel' : 'tensor-parallel'} ranks in one group, but ${why}: its per-layer collectives would run over the scale-out network. Use pipeline stages across nodes instead (e.g. ${alternative})`;
  }
  if (layout.pipelineParallel > model.layers) {
    return `PP${layout.pipelineParallel} has more stages than ${model.name}'s ${model.layers} layers`;
  }
  return null;
}
