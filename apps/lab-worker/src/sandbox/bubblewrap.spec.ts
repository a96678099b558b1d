import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TLabEvaluation } from '@prep/contracts';
import { parseConfig } from '../config';
import { loadLabCatalog } from '../content';
import { gradeSubmissions } from '../judge';
import { createSandbox } from '.';
import { ALLOWED_RUNNER_VARIABLES } from './expected-env';

/**
 * The bubblewrap sandbox, for real: every probe below is learner code run through the judge and the
 * runner in its own sandbox. The Python-level guards are bypassed on purpose (ctypes fork, raw
 * sockets) to show that the sandbox itself holds. All probes go in one batch: one torch import in
 * the judge, one fresh sandbox each.
 */
const CONTENT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'content');
const lab = loadLabCatalog(CONTENT).labs.get('sandbox-probe')!;
const SANDBOX_UID = 61_000;
const secret = `hunter2-${randomUUID()}`;
const marker = `written-in-sandbox-${randomUUID()}`;

const probes = {
  network: `
import socket
def probe():
    seen = {}
    for host, port in [("127.0.0.1", 6379), ("127.0.0.1", 5432), ("1.1.1.1", 443), ("10.0.0.1", 80)]:
        s = socket.socket()
        s.settimeout(2)
        try:
            s.connect((host, port))
            seen[f"{host}:{port}"] = "connected"
        except OSError as e:
            seen[f"{host}:{port}"] = type(e).__name__
        finally:
            s.close()
    try:
        socket.getaddrinfo("registry.npmjs.org", 443)
        seen["dns"] = "resolved"
    except OSError as e:
        seen["dns"] = type(e).__name__
    seen["interfaces"] = sorted(line.split(":")[0].strip() for line in open("/proc/net/dev").readlines()[2:])
    return seen
`,
  environment: `
import os
def probe():
    mine = dict(os.environ)
    pid1 = open("/proc/1/environ", "rb").read().decode(errors="replace")
    status = open("/proc/self/status").read()
    cap = [l.split()[1] for l in status.splitlines() if l.startswith("CapEff")][0]
    return {"env": mine, "pid1": pid1, "uid": os.getuid(), "capEff": cap, "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}
`,
  files: `
import os
def probe():
    writes = {}
    for target in ["/usr/evil", "/etc/evil", "/opt/lab/evil", "/evil", "/proc/evil", "/tmp/${marker}"]:
        try:
            with open(target, "w") as f:
                f.write("x")
            writes[target] = "written"
        except OSError as e:
            writes[target] = type(e).__name__
    host = {p: os.path.exists(p) for p in ["/work", "/root", "/home", "/var/run/docker.sock", "/run/postgresql", "/etc/shadow", "/etc/passwd", ${JSON.stringify(path.resolve(__dirname, '..', '..'))}]}
    return {"writes": writes, "host": host, "root": sorted(os.listdir("/"))}
`,
  forkBomb: `
import ctypes, os, time
libc = ctypes.CDLL(None, use_errno=True)
def probe():
    made, failed = 0, 0
    for _ in range(2000):
        pid = libc.fork()          # bypasses the harness's os.fork tripwire on purpose
        if pid == 0:
            while True:            # every child keeps forking too: a real fork bomb
                if libc.fork() < 0:
                    time.sleep(0.05)
        elif pid > 0:
            made += 1
        else:
            failed += 1
            if failed > 50:
                break
    return {"forked": made, "failed": failed, "errno": ctypes.get_errno()}
`,
  memoryHog: `
def probe():
    hoard = []
    while True:
        hoard.append(bytearray(256 * 1024 * 1024))
`,
  diskHog: `
def probe():
    written = 0
    try:
        with open("/tmp/fill", "wb") as f:
            while written < 1024 * 1024 * 1024:
                f.write(b"x" * (1024 * 1024))
                written += 1024 * 1024
    except OSError as e:
        return {"written": written, "error": type(e).__name__}
    return {"written": written, "error": None}
`,
  spin: `
def probe():
    while True:
        pass
`,
};

/** Live (not zombie) processes running as the sandbox's uid. */
function sandboxUidProcesses(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const uid = fs.statSync(`/proc/${p}`).uid;
        const state = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.[0];
        return uid >= SANDBOX_UID && uid < SANDBOX_UID + 4 && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function eventually<T>(probe: () => T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = probe();
  }
  return value;
}

const probeOf = (e: TLabEvaluation) => e.metrics.probe as Record<string, unknown>;

describe('bubblewrap sandbox (real runs)', () => {
  let results: Record<keyof typeof probes, TLabEvaluation>;
  let elapsedMs = 0;

  beforeAll(async () => {
    process.env.LAB_TEST_SECRET = secret; // in the worker's environment: must not reach any sandbox
    const config = parseConfig({ LAB_SANDBOX: 'bubblewrap', LAB_SANDBOX_UID: String(SANDBOX_UID) });
    const names = Object.keys(probes) as (keyof typeof probes)[];
    const started = Date.now();
    const evaluations = await gradeSubmissions(
      names.map((name) => ({ lab, code: probes[name] })),
      {
        python: config.LAB_PYTHON,
        sandbox: createSandbox(config),
        slot: { kind: 'cpu', index: 0 },
        threads: 1,
        onJudgeError: (e) => console.error(e),
      },
    );
    elapsedMs = Date.now() - started;
    results = Object.fromEntries(names.map((name, i) => [name, evaluations[i]!])) as typeof results;
  }, 240_000);

  afterAll(() => {
    delete process.env.LAB_TEST_SECRET;
  });

  it('has no network: no host service, no internet, no DNS, only a loopback interface', () => {
    expect(results.network.verdict).toBe('accepted');
    const seen = probeOf(results.network);
    for (const target of ['127.0.0.1:6379', '127.0.0.1:5432', '1.1.1.1:443', '10.0.0.1:80']) expect(seen[target]).not.toBe('connected');
    expect(seen.dns).not.toBe('resolved');
    expect(seen.interfaces).toEqual(['lo']);
  });

  it('shows a submission that prints its environment nothing sensitive, and runs it unprivileged', () => {
    expect(results.environment.verdict).toBe('accepted');
    const seen = probeOf(results.environment) as { env: Record<string, string>; pid1: string; uid: number; capEff: string; pids: number[] };
    // bubblewrap adds PWD for --chdir.
    expect(Object.keys(seen.env).sort()).toEqual([...ALLOWED_RUNNER_VARIABLES, 'PWD'].sort());
    const everything = JSON.stringify(results.environment);
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/REDIS_URL|DATABASE_URL|QUEUE_PREFIX/);
    // The seed never travels to the sandbox either: the judge keeps it.
    expect(everything).not.toMatch(/[0-9a-f]{32}/);
    expect(seen.uid).not.toBe(0);
    expect(seen.capEff).toBe('0000000000000000');
    expect(Math.max(...seen.pids)).toBeLessThan(10); // its own pid namespace: no host process is visible
  });

  it('lets a submission write only to its private /tmp, which the host never sees', () => {
    expect(results.files.verdict).toBe('accepted');
    const seen = probeOf(results.files) as { writes: Record<string, string>; host: Record<string, boolean>; root: string[] };
    for (const target of ['/usr/evil', '/etc/evil', '/opt/lab/evil', '/evil', '/proc/evil'])
      expect(seen.writes[target]).not.toBe('written');
    expect(seen.writes[`/tmp/${marker}`]).toBe('written');
    expect(fs.existsSync(`/tmp/${marker}`)).toBe(false);
    expect(Object.values(seen.host).every((exists) => !exists)).toBe(true);
    expect(seen.root).toEqual(['bin', 'dev', 'etc', 'lib', 'lib64', 'opt', 'proc', 'sbin', 'tmp', 'usr']);
  });

  it('contains a fork bomb at its process limit, and leaves no process behind', async () => {
    const seen = probeOf(results.forkBomb) as { forked: number; failed: number } | undefined;
    if (results.forkBomb.verdict === 'accepted') {
      expect(seen!.failed).toBeGreaterThan(0);
      expect(seen!.forked).toBeLessThanOrEqual(64);
    } else {
      expect(['time_limit_exceeded', 'runtime_error']).toContain(results.forkBomb.verdict);
    }
    expect(await eventually(sandboxUidProcesses, (left) => left.length === 0, 10_000)).toEqual([]);
  });

  it('stops a memory hog at its memory limit', () => {
    expect(results.memoryHog.verdict).toBe('memory_limit_exceeded');
  });

  it('caps the private /tmp, and stops a busy loop at the time limit', () => {
    const seen = probeOf(results.diskHog) as { written: number; error: string };
    expect(seen.error).not.toBeNull();
    expect(seen.written).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(results.spin.verdict).toBe('time_limit_exceeded');
  });

  it('runs the whole batch in bounded time', () => {
    expect(elapsedMs).toBeLessThan(200_000);
  });
});
