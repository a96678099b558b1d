import type { TLabLimits, TLabSlot } from '@prep/contracts';

export type SandboxName = 'bubblewrap' | 'docker' | 'none';

/** How the judge starts one runner: argv and the complete environment (nothing else is inherited).
 * `{session}` in argv/killArgv is replaced by the judge with a fresh id per runner. */
export interface RunnerSpec {
  argv: string[];
  env: Record<string, string>;
  /** Run by the judge after killing the runner process (a container outlives its `docker run` client). */
  killArgv?: string[];
}

export interface SandboxRequest {
  slot: TLabSlot;
  limits: TLabLimits;
  /** Torch/OpenMP threads in the sandbox. */
  threads: number;
}

export interface SandboxBackend {
  readonly name: SandboxName;
  runner(request: SandboxRequest): RunnerSpec;
  /** A command that starts the sandbox and runs Python to exit 0: proves the backend works here. */
  probe(request: SandboxRequest): RunnerSpec;
}

/** The runner's whole environment: no secret, no host path, nothing from the worker's own environment. */
export function runnerEnvironment(request: SandboxRequest, gpuVisible: string | null): Record<string, string> {
  const threads = String(request.threads);
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/tmp',
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: '0',
    LAB_THREADS: threads,
    OMP_NUM_THREADS: threads,
    OPENBLAS_NUM_THREADS: threads,
    MKL_NUM_THREADS: threads,
  };
  // A CPU slot hides every GPU; a GPU slot shows only its own (`null`: the container runtime does it).
  if (gpuVisible !== null) env.CUDA_VISIBLE_DEVICES = gpuVisible;
  return env;
}

export const MiB = 1024 * 1024;
