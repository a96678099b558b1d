import { RUNNER_IN_SANDBOX } from '../paths';
import { runnerEnvironment, type RunnerSpec, type SandboxBackend, type SandboxRequest } from './sandbox';

export interface DockerOptions {
  docker: string;
  image: string;
  python: string;
  scratchMb: number;
}

/**
 * Docker, for production GPU hosts: one throw-away container per runner from the sandbox image (Python,
 * PyTorch and the runner only: no judge, no reference, no content), with no network, a read-only root,
 * a size-capped tmpfs /tmp, memory, process and CPU limits, no capabilities, an unprivileged user, and
 * only its own GPU. The judge kills the container by name when it gives up on it.
 */
export class DockerSandbox implements SandboxBackend {
  readonly name = 'docker' as const;

  constructor(private readonly options: DockerOptions) {}

  runner(request: SandboxRequest): RunnerSpec {
    return this.spec(request, [this.options.python, '-I', '-B', RUNNER_IN_SANDBOX], 'recall-prep-lab-{session}');
  }

  probe(request: SandboxRequest): RunnerSpec {
    return this.spec(request, [this.options.python, '-I', '-c', 'import sys; sys.exit(0)'], 'recall-prep-lab-probe-{session}');
  }

  private spec(request: SandboxRequest, command: string[], name: string): RunnerSpec {
    const { limits, slot } = request;
    const { docker, image, scratchMb } = this.options;
    const env = runnerEnvironment(request, slot.kind === 'gpu' ? null : '');
    const argv = [
      docker,
      'run',
      '--rm',
      '--interactive',
      '--name',
      name,
      '--label',
      'recall-prep.lab=1',
      '--network',
      'none',
      '--read-only',
      '--tmpfs',
      `/tmp:rw,nosuid,nodev,size=${scratchMb}m`,
      '--workdir',
      '/tmp',
      '--memory',
      `${limits.memoryMb}m`,
      '--memory-swap',
      `${limits.memoryMb}m`,
      '--pids-limit',
      '128',
      '--cpus',
      String(request.threads),
      '--ulimit',
      `cpu=${limits.cpuSec}:${limits.cpuSec}`,
      '--ulimit',
      'nofile=256:256',
      '--ulimit',
      'core=0:0',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--user',
      '65534:65534',
      '--ipc',
      'private',
      '--init',
      ...(slot.kind === 'gpu' ? ['--gpus', `device=${slot.gpu ?? 0}`] : []),
      ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
      image,
      ...command,
    ];
    // The docker client's own environment: where the daemon is, nothing of the worker's.
    return { argv, env: { PATH: '/usr/local/bin:/usr/bin:/bin' }, killArgv: [docker, 'kill', name] };
  }
}
