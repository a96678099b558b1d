import fs from 'node:fs';

/**
 * The environment of a real lab worker under test: one CPU slot, no GPU, bubblewrap as `sandboxUid`, a short lock
 * and stall check (so a killed worker's job moves on quickly), a random health port.
 */
export function labWorkerTestEnv(opts: {
  redisUrl: string;
  queuePrefix: string;
  sandboxUid: number;
  contentRoot?: string;
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.queuePrefix,
    ...(opts.contentRoot ? { LAB_CONTENT_ROOT: opts.contentRoot } : {}),
    LAB_SANDBOX: 'bubblewrap',
    LAB_SANDBOX_UID: String(opts.sandboxUid),
    LAB_CPU_SLOTS: '1',
    LAB_GPUS: 'none',
    LAB_LOCK_MS: '2000',
    LAB_STALLED_INTERVAL_MS: '1000',
    LAB_WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
  };
}

/** Every live descendant of pid (children, grandchildren: the judge and the sandbox), read from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // gone
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Whether pid still runs (a zombie does not). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The command line of pid, arguments separated by spaces ('' once it is gone). */
export function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
