import type { TLabLimits } from '@prep/contracts';
import { SANDBOX_DIR } from '../paths';
import { BubblewrapSandbox } from './bubblewrap';
import { DockerSandbox } from './docker';
import { ALLOWED_RUNNER_VARIABLES } from './expected-env';
import { NoSandbox } from './none';

const limits: TLabLimits = { wallSec: 300, callSec: 60, cpuSec: 240, memoryMb: 4096 };
const cpu = { slot: { kind: 'cpu' as const, index: 1 }, limits, threads: 2 };
const gpu = { slot: { kind: 'gpu' as const, index: 0, gpu: 3 }, limits, threads: 4 };

/** The value after each occurrence of `flag`. */
function valuesOf(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag ? [argv[i + 1]!] : []));
}

describe('docker sandbox command (no engine here: the command is what we can test)', () => {
  const docker = new DockerSandbox({ docker: 'docker', image: 'recall-prep-lab-sandbox:1', python: 'python3', scratchMb: 64 });

  it('runs a throw-away, read-only container with no network, no capabilities and hard limits', () => {
    const { argv, env, killArgv } = docker.runner(cpu);
    expect(argv.slice(0, 3)).toEqual(['docker', 'run', '--rm']);
    expect(argv).toContain('--interactive');
    expect(valuesOf(argv, '--network')).toEqual(['none']);
    expect(argv).toContain('--read-only');
    expect(valuesOf(argv, '--tmpfs')).toEqual(['/tmp:rw,nosuid,nodev,size=64m']);
    expect(valuesOf(argv, '--memory')).toEqual(['4096m']);
    expect(valuesOf(argv, '--memory-swap')).toEqual(['4096m']);
    expect(valuesOf(argv, '--pids-limit')).toEqual(['128']);
    expect(valuesOf(argv, '--cpus')).toEqual(['2']);
    expect(valuesOf(argv, '--ulimit')).toContain('cpu=240:240');
    expect(valuesOf(argv, '--cap-drop')).toEqual(['ALL']);
    expect(valuesOf(argv, '--security-opt')).toEqual(['no-new-privileges']);
    expect(valuesOf(argv, '--user')).toEqual(['65534:65534']);
    expect(argv).not.toContain('--privileged');
    expect(argv).not.toContain('--gpus');
    expect(argv.some((a) => a === '-v' || a === '--volume' || a === '--mount')).toBe(false);
    expect(argv.slice(-5)).toEqual(['recall-prep-lab-sandbox:1', 'python3', '-I', '-B', '/opt/lab/labrunner/runner.py']);
    // Named per runner, so the judge can remove a container whose client it killed.
    expect(valuesOf(argv, '--name')).toEqual(['recall-prep-lab-{session}']);
    expect(killArgv).toEqual(['docker', 'kill', 'recall-prep-lab-{session}']);
    expect(Object.keys(env)).toEqual(['PATH']);
  });

  it('gives a GPU slot its own GPU and nothing else, and a CPU slot none', () => {
    const withGpu = docker.runner(gpu).argv;
    expect(valuesOf(withGpu, '--gpus')).toEqual(['device=3']);
    expect(valuesOf(withGpu, '--env').some((e) => e.startsWith('CUDA_VISIBLE_DEVICES='))).toBe(false);
    expect(valuesOf(docker.runner(cpu).argv, '--env')).toContain('CUDA_VISIBLE_DEVICES=');
  });

  it('passes only the runner variables into the container', () => {
    const names = valuesOf(docker.runner(cpu).argv, '--env').map((e) => e.split('=')[0]);
    expect(names.sort()).toEqual([...ALLOWED_RUNNER_VARIABLES].sort());
  });
});

describe('bubblewrap sandbox command', () => {
  const make = (sandboxUid: number | null) =>
    new BubblewrapSandbox({ python: '/usr/bin/python3', scratchMb: 64, sandboxDir: SANDBOX_DIR, sandboxUid, maxProcesses: () => 64 });

  it('binds nothing writable from the host and isolates every namespace', () => {
    const { argv } = make(60_000).runner(cpu);
    expect(argv).toContain('--unshare-all');
    expect(argv).toContain('--die-with-parent');
    expect(argv).toContain('--clearenv');
    expect(argv).not.toContain('--share-net');
    expect(argv).not.toContain('--bind');
    expect(argv).not.toContain('--bind-try');
    expect(argv).not.toContain('--dev-bind');
    expect(valuesOf(argv, '--tmpfs')).toEqual(['/tmp']);
    expect(valuesOf(argv, '--size')).toEqual([String(64 * 1024 * 1024)]);
    expect(valuesOf(argv, '--ro-bind')).toEqual([
      '/usr',
      '/etc/alternatives',
      '/etc/ld.so.cache',
      expect.stringMatching(/python\/sandbox$/),
    ]);
  });

  it('limits the process, and drops root to a per-slot uid', () => {
    const { argv } = make(60_000).runner(cpu);
    expect(argv[0]).toBe('prlimit');
    expect(argv).toEqual(expect.arrayContaining([`--as=${4096 * 1024 * 1024}`, '--cpu=240', '--nproc=64', '--core=0']));
    expect(argv).toEqual(expect.arrayContaining(['setpriv', '--reuid=60001', '--regid=60001', '--clear-groups']));
    expect(make(null).runner(cpu).argv).not.toContain('setpriv');
  });

  it('shows a GPU slot only its own device node', () => {
    const { argv } = make(null).runner(gpu);
    expect(valuesOf(argv, '--dev-bind-try')).toEqual(['/dev/nvidia3', '/dev/nvidiactl', '/dev/nvidia-uvm', '/dev/nvidia-uvm-tools']);
    const env = Object.fromEntries(argv.flatMap((a, i) => (a === '--setenv' ? [[argv[i + 1], argv[i + 2]]] : [])));
    expect(env.CUDA_VISIBLE_DEVICES).toBe('3');
  });
});

describe('no sandbox', () => {
  it('still gives the runner a clean environment', () => {
    const { env } = new NoSandbox('/usr/bin/python3').runner(cpu);
    expect(env.CUDA_VISIBLE_DEVICES).toBe('');
    expect(Object.keys(env).some((k) => /REDIS|DATABASE|SECRET/.test(k))).toBe(false);
  });
});
