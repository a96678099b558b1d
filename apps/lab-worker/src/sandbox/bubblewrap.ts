import fs from 'node:fs';
import { RUNNER_IN_SANDBOX, SANDBOX_MOUNT } from '../paths';
import { MiB, runnerEnvironment, type RunnerSpec, type SandboxBackend, type SandboxRequest } from './sandbox';

export interface BubblewrapOptions {
  /** Python inside the sandbox (the host's, bound read-only with /usr). */
  python: string;
  scratchMb: number;
  /** The host folder bound read-only at SANDBOX_MOUNT (the runner). */
  sandboxDir: string;
  /** When the worker runs as root: run each sandbox as this uid + the slot index (never as root). */
  sandboxUid: number | null;
  /** Extra host paths to bind read-only (e.g. a Python outside /usr). */
  extraReadOnly?: string[];
  /** Processes the sandbox's uid may have at once (RLIMIT_NPROC); computed per run when not root. */
  maxProcesses: () => number;
}

/**
 * bubblewrap (Debian `bubblewrap`): new user, pid, network, ipc, uts and cgroup namespaces, so no
 * network at all; a read-only /usr; a private size-capped tmpfs as /tmp (the only writable place,
 * gone when the sandbox ends, so the host never writes, chowns or follows anything the sandbox
 * touched); an empty environment plus the few variables the runner needs; --die-with-parent; and
 * prlimit limits on address space, CPU time, processes, file size and open files.
 */
export class BubblewrapSandbox implements SandboxBackend {
  readonly name = 'bubblewrap' as const;

  constructor(private readonly options: BubblewrapOptions) {}

  runner(request: SandboxRequest): RunnerSpec {
    return this.spec(request, [this.options.python, '-I', '-B', RUNNER_IN_SANDBOX]);
  }

  probe(request: SandboxRequest): RunnerSpec {
    return this.spec(request, [this.options.python, '-I', '-c', 'import sys; sys.exit(0)']);
  }

  private spec(request: SandboxRequest, command: string[]): RunnerSpec {
    const { limits, slot } = request;
    const scratchBytes = this.options.scratchMb * MiB;
    const prlimit = [
      'prlimit',
      `--as=${limits.memoryMb * MiB}`,
      `--cpu=${limits.cpuSec}`,
      `--nproc=${this.options.maxProcesses()}`,
      `--fsize=${scratchBytes}`,
      '--nofile=256',
      '--core=0',
      '--',
    ];
    const uid = this.options.sandboxUid === null ? null : this.options.sandboxUid + slot.index;
    const dropRoot = uid === null ? [] : ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--inh-caps=-all', '--'];
    const env = runnerEnvironment(request, slot.kind === 'gpu' ? String(slot.gpu ?? 0) : '');
    const bwrap = [
      'bwrap',
      '--unshare-all',
      '--die-with-parent',
      '--new-session',
      '--clearenv',
      '--ro-bind',
      '/usr',
      '/usr',
      '--symlink',
      'usr/lib',
      '/lib',
      '--symlink',
      'usr/lib64',
      '/lib64',
      '--symlink',
      'usr/bin',
      '/bin',
      '--symlink',
      'usr/sbin',
      '/sbin',
      '--ro-bind',
      '/etc/alternatives',
      '/etc/alternatives',
      '--ro-bind',
      '/etc/ld.so.cache',
      '/etc/ld.so.cache',
      ...(this.options.extraReadOnly ?? []).flatMap((p) => ['--ro-bind', p, p]),
      '--ro-bind',
      this.options.sandboxDir,
      SANDBOX_MOUNT,
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      ...(slot.kind === 'gpu' ? gpuDevices(slot.gpu ?? 0) : []),
      '--size',
      String(scratchBytes),
      '--tmpfs',
      '/tmp',
      '--chdir',
      '/tmp',
      // bubblewrap's root is a tmpfs without a size limit: make it read-only (/tmp stays writable).
      '--remount-ro',
      '/',
      ...Object.entries(env).flatMap(([k, v]) => ['--setenv', k, v]),
      '--',
    ];
    return { argv: [...prlimit, ...dropRoot, ...bwrap, ...command], env: { PATH: '/usr/bin:/bin' } };
  }
}

/** The device nodes one NVIDIA GPU needs (the driver's libraries come with /usr). */
function gpuDevices(index: number): string[] {
  const nodes = [`/dev/nvidia${index}`, '/dev/nvidiactl', '/dev/nvidia-uvm', '/dev/nvidia-uvm-tools'];
  return nodes.flatMap((node) => ['--dev-bind-try', node, node]);
}

/** RLIMIT_NPROC counts every process of the real uid: when the sandbox shares the worker's uid, allow
 * what that uid already runs plus `extra`. */
export function processesOf(uid: number): number {
  let count = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.statSync(`/proc/${entry}`).uid === uid) count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}
