import { execFile } from 'node:child_process';
import type { TLabSlot } from '@prep/contracts';

export interface GpuInfo {
  index: number;
  name: string;
  memoryMiB: number;
}

export type CommandRunner = (file: string, args: string[]) => Promise<string>;

const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 15_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/** `nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits` lines. */
export function parseNvidiaSmi(output: string): GpuInfo[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [index, name, memory] = line.split(',').map((part) => part.trim());
      return { index: Number(index), name: name ?? 'GPU', memoryMiB: Number(memory) };
    })
    .filter((gpu) => Number.isInteger(gpu.index) && gpu.index >= 0);
}

/** The GPUs this worker may use: every GPU nvidia-smi lists (`auto`), none, or the listed indices. */
export async function discoverGpus(setting: string, run: CommandRunner = runCommand): Promise<GpuInfo[]> {
  if (setting === 'none') return [];
  let gpus: GpuInfo[];
  try {
    gpus = parseNvidiaSmi(await run('nvidia-smi', ['--query-gpu=index,name,memory.total', '--format=csv,noheader,nounits']));
  } catch {
    gpus = []; // no driver, no nvidia-smi: a CPU host
  }
  if (setting === 'auto') return gpus;
  const wanted = setting.split(',').map(Number);
  const missing = wanted.filter((i) => !gpus.some((g) => g.index === i));
  if (missing.length)
    throw new Error(`LAB_GPUS asks for GPU ${missing.join(', ')}, but nvidia-smi lists ${gpus.map((g) => g.index).join(', ') || 'none'}`);
  return gpus.filter((g) => wanted.includes(g.index));
}

/** One slot per GPU when there are GPUs; otherwise `cpuSlots` CPU slots. */
export function planSlots(gpus: GpuInfo[], cpuSlots: number): TLabSlot[] {
  if (gpus.length > 0) return gpus.map((gpu, index) => ({ kind: 'gpu' as const, index, gpu: gpu.index }));
  return Array.from({ length: cpuSlots }, (_, index) => ({ kind: 'cpu' as const, index }));
}

/** Threads per sandbox: the host's cores shared among the slots (a GPU slot needs few). */
export function threadsPerSlot(slots: TLabSlot[], cores: number, configured?: number): number {
  if (configured) return configured;
  return Math.max(1, Math.floor(cores / Math.max(1, slots.length)));
}
