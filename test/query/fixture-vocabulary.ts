/** A small vocabulary shaped like the real catalog (ids as in src/engine/catalog/types.ts comments). */
import type { Vocabulary } from '../../src/query/vocabulary.ts';

const model = (id: string, name: string, aliases: string[], totalParams?: number) => ({ id, name, aliases, ...(totalParams ? { totalParams } : {}) });
const nv = (id: string, name: string, aliases: string[] = []) => ({ id, name, vendor: 'nvidia' as const, aliases });

export const FIXTURE_VOCABULARY: Vocabulary = {
  models: [
    model('llama-3.1-8b', 'Llama 3.1 8B', ['meta-llama/Llama-3.1-8B-Instruct'], 8.03e9),
    model('llama-3.1-70b', 'Llama 3.1 70B', ['meta-llama/Llama-3.1-70B-Instruct'], 70.55e9),
    model('llama-3.1-405b', 'Llama 3.1 405B', ['meta-llama/Llama-3.1-405B-Instruct'], 405e9),
    model('llama-3.3-70b', 'Llama 3.3 70B', ['meta-llama/Llama-3.3-70B-Instruct', 'Llama-3.3-70B-Instruct'], 70.55e9),
    model('gpt-oss-120b', 'gpt-oss-120b', ['openai/gpt-oss-120b'], 116.8e9),
    model('gpt-oss-20b', 'gpt-oss-20b', ['openai/gpt-oss-20b'], 20.9e9),
    model('deepseek-r1', 'DeepSeek-R1', ['deepseek-ai/DeepSeek-R1', 'deepseek-v3', 'DeepSeek-V3'], 671e9),
    model('kimi-k2', 'Kimi K2 (Instruct)', ['moonshotai/Kimi-K2-Instruct'], 1000e9),
    model('qwen3-32b', 'Qwen3-32B', ['Qwen/Qwen3-32B'], 32.8e9),
    model('qwen3-235b-a22b', 'Qwen3-235B-A22B', ['Qwen/Qwen3-235B-A22B'], 235e9),
    model('mixtral-8x7b', 'Mixtral 8x7B', ['mistralai/Mixtral-8x7B-v0.1'], 46.7e9),
  ],
  platforms: [
    nv('a100-sxm', 'NVIDIA A100 80GB SXM', ['A100-SXM-80GB']),
    nv('l40s', 'NVIDIA L40S', ['L40S']),
    nv('h100-sxm', 'NVIDIA H100 SXM 80GB', ['H100-SXM']),
    nv('h100-pcie', 'NVIDIA H100 PCIe 80GB', ['H100-PCIe']),
    nv('h100-nvl', 'NVIDIA H100 NVL', ['H100-NVL']),
    nv('h200-sxm', 'NVIDIA H200 SXM 141GB', ['H200-SXM']),
    nv('h200-nvl', 'NVIDIA H200 NVL 141GB (PCIe)', ['H200-NVL']),
    nv('gh200', 'NVIDIA GH200 Grace Hopper Superchip', ['GH200']),
    nv('b200', 'NVIDIA B200 (HGX/DGX B200)', ['B200']),
    nv('b300', 'NVIDIA B300 (HGX B300, Blackwell Ultra)', ['B300']),
    nv('gb200', 'NVIDIA GB200 NVL72', ['GB200']),
    nv('gb300', 'NVIDIA GB300 NVL72', ['GB300']),
    { id: 'mi300x', name: 'AMD Instinct MI300X', vendor: 'amd', aliases: ['MI300X'] },
    { id: 'mi325x', name: 'AMD Instinct MI325X', vendor: 'amd', aliases: ['MI325X'] },
    { id: 'mi355x', name: 'AMD Instinct MI355X', vendor: 'amd', aliases: ['MI355X'] },
    { id: 'tpu-v5e', name: 'Google Cloud TPU v5e', vendor: 'google', aliases: ['TPU-v5e'] },
    { id: 'tpu-v6e', name: 'Google Cloud TPU v6e (Trillium)', vendor: 'google', aliases: ['TPU-v6e'] },
    { id: 'tpu7x', name: 'Google Cloud TPU7x (Ironwood)', vendor: 'google', aliases: ['TPU7x'] },
    { id: 'trainium2', name: 'AWS Trainium2', vendor: 'aws', aliases: ['Trainium2', 'trn2'] },
    { id: 'inferentia2', name: 'AWS Inferentia2', vendor: 'aws', aliases: ['Inferentia2', 'inf2'] },
    { id: 'gaudi3', name: 'Intel Gaudi 3 (HL-325L OAM)', vendor: 'intel', aliases: ['Gaudi3'] },
  ],
};
