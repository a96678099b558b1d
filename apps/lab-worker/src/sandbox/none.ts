import path from 'node:path';
import { SANDBOX_DIR } from '../paths';
import { runnerEnvironment, type RunnerSpec, type SandboxBackend, type SandboxRequest } from './sandbox';

export const NO_SANDBOX_WARNING =
  'LAB_SANDBOX=none: learner code runs WITHOUT A SANDBOX (no isolation: network, files, no memory or process limits). Development only, never with submissions from other people.';

/** No isolation at all: a plain child process with a clean environment. Development only. */
export class NoSandbox implements SandboxBackend {
  readonly name = 'none' as const;

  constructor(private readonly python: string) {}

  runner(request: SandboxRequest): RunnerSpec {
    return { argv: [this.python, '-I', '-B', path.join(SANDBOX_DIR, 'labrunner', 'runner.py')], env: this.env(request) };
  }

  probe(request: SandboxRequest): RunnerSpec {
    return { argv: [this.python, '-I', '-c', 'import sys; sys.exit(0)'], env: this.env(request) };
  }

  private env(request: SandboxRequest): Record<string, string> {
    return runnerEnvironment(request, request.slot.kind === 'gpu' ? String(request.slot.gpu ?? 0) : '');
  }
}
