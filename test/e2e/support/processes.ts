import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const LOG_LINES_KEPT = 200;

/** A child process started in its own process group, with the tail of its output kept for error messages. */
export type TService = {
  name: string;
  child: ChildProcess;
  logTail(): string;
};

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

export function startService(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): TService {
  // detached: the service leads its own process group, so stopping it also stops anything it spawned.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: 'pipe' });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => lines.push(`failed to start: ${error.message}`));
  return { name, child, logTail: () => lines.join('\n') };
}

function signalGroup(service: TService, signal: NodeJS.Signals): void {
  if (service.child.pid === undefined) return;
  try {
    process.kill(-service.child.pid, signal);
  } catch {
    // ESRCH: the whole group is already gone.
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM to the process group, SIGKILL after a grace period, and a final SIGKILL for stragglers. */
export async function stopService(service: TService, graceMs = 10_000): Promise<void> {
  if (!hasExited(service.child)) {
    const exited = once(service.child, 'exit');
    signalGroup(service, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(service, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(service, 'SIGKILL');
}

/** Polls url until it answers with an accepted status; fails early, with the service's log, if the service dies. */
export async function waitForHttp(
  service: TService,
  url: string,
  { timeoutMs, accept = (status: number) => status === 200 }: { timeoutMs: number; accept?: (status: number) => boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited(service.child)) {
      throw new Error(
        `${service.name} exited (code ${service.child.exitCode}, signal ${service.child.signalCode}) before ${url} answered.\n` +
          `--- ${service.name} output ---\n${service.logTail()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      last = `HTTP ${response.status}`;
      await response.arrayBuffer();
      if (accept(response.status)) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(
    `${url} did not become ready within ${timeoutMs} ms (last: ${last}).\n--- ${service.name} output ---\n${service.logTail()}`,
  );
}
