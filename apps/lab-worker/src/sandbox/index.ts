import type { LabWorkerEnv } from '../config';
import { SANDBOX_DIR } from '../paths';
import { BubblewrapSandbox, processesOf } from './bubblewrap';
import { DockerSandbox } from './docker';
import { NoSandbox } from './none';
import { readableCopy } from './readable-copy';
import type { SandboxBackend } from './sandbox';

export { NO_SANDBOX_WARNING } from './none';
export type { RunnerSpec, SandboxBackend, SandboxName, SandboxRequest } from './sandbox';

/** Processes a sandbox may run at once (threads count): the runner, torch's threads, some slack. */
const SANDBOX_PROCESSES = 64;

export function createSandbox(config: LabWorkerEnv): SandboxBackend {
  switch (config.LAB_SANDBOX) {
    case 'docker':
      return new DockerSandbox({
        docker: config.LAB_DOCKER_BIN,
        image: config.LAB_DOCKER_IMAGE,
        python: config.LAB_DOCKER_PYTHON,
        scratchMb: config.LAB_SCRATCH_MB,
      });
    case 'none':
      return new NoSandbox(config.LAB_PYTHON);
    case 'bubblewrap': {
      const root = process.getuid?.() === 0;
      const uid = process.getuid?.() ?? 0;
      return new BubblewrapSandbox({
        python: config.LAB_PYTHON,
        scratchMb: config.LAB_SCRATCH_MB,
        sandboxDir: root ? readableCopy(SANDBOX_DIR, 'lab-sandbox-') : SANDBOX_DIR,
        sandboxUid: root ? config.LAB_SANDBOX_UID : null,
        extraReadOnly: config.LAB_PYTHON.startsWith('/usr/') ? [] : [parentOfBin(config.LAB_PYTHON)],
        // As root each slot has its own uid, so the limit is the sandbox's alone; otherwise the
        // worker's uid is shared and what it already runs counts too.
        maxProcesses: () => (root ? SANDBOX_PROCESSES : processesOf(uid) + SANDBOX_PROCESSES),
      });
    }
  }
}

/** /opt/conda/bin/python → /opt/conda: a Python installed outside /usr is bound whole, read-only. */
function parentOfBin(python: string): string {
  const parts = python.split('/');
  return parts.slice(0, Math.max(2, parts.length - 2)).join('/') || '/';
}
