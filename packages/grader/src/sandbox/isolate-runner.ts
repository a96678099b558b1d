import ivm from 'isolated-vm';
import { HARNESS_SOURCE } from './harness';
import type { ProgressWriter } from './progress-log';
import type { SandboxJob, TestOutcome } from './protocol';

const SOLUTION_FILENAME = 'solution.ts';
/**
 * The per-test limit is CPU time. isolated-vm's timeout is wall-clock, so it is set this many times higher (a busy
 * machine must not turn a fast solution into a time-out) and the CPU time is checked after the call.
 */
const WALL_FACTOR = 2;
/** An isolate whose heap is still this full after a submission is replaced rather than reused. */
const REUSE_HEAP_FRACTION = 0.5;

function isMemoryError(isolate: ivm.Isolate, message: string): boolean {
  return isolate.isDisposed || /memory limit|disposed/i.test(message);
}

function parseHarnessResult(text: string, timeMs: number): TestOutcome {
  const bar = text.indexOf('|');
  const length = Number(text.slice(1, bar));
  const stdout = text.slice(bar + 1, bar + 1 + length);
  const payload = text.slice(bar + 1 + length);
  return { status: text[0] === 'V' ? 'value' : 'error', payload, stdout, timeMs };
}

/**
 * Runs jobs in isolated-vm, in the sandbox child process only. Every submission gets a fresh context; an isolate
 * serves up to `reuse` submissions, and is replaced after any that hit a limit or left its heap full.
 */
export class IsolateRunner {
  private isolate: ivm.Isolate | undefined;
  private harnessScript: ivm.Script | undefined;
  private memoryMb = 0;
  private uses = 0;

  constructor(private readonly reuse: number) {}

  private acquire(memoryMb: number): { isolate: ivm.Isolate; harnessScript: ivm.Script } {
    if (!this.isolate || this.isolate.isDisposed || !this.harnessScript || this.memoryMb !== memoryMb || this.uses >= this.reuse) {
      this.discard();
      this.isolate = new ivm.Isolate({ memoryLimit: memoryMb });
      this.harnessScript = this.isolate.compileScriptSync(HARNESS_SOURCE, { filename: 'harness.js' });
      this.memoryMb = memoryMb;
      this.uses = 0;
    }
    this.uses++;
    return { isolate: this.isolate, harnessScript: this.harnessScript };
  }

  discard(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.harnessScript = undefined;
  }

  async run(job: SandboxJob, js: string, progress: ProgressWriter): Promise<void> {
    const { isolate, harnessScript } = this.acquire(job.limits.memoryMb);
    const { timeMsPerTest, timeMsTotal } = job.limits;
    const wallMsPerTest = timeMsPerTest * WALL_FACTOR;
    let context: ivm.Context | undefined;
    let hitLimit = false;
    const held: { release(): void }[] = [];
    const fail = (index: number, e: unknown, timeMs: number): TestOutcome => {
      const message = (e as Error)?.message ?? String(e);
      hitLimit = true;
      if (/timed out/i.test(message)) return { status: 'timeout', payload: `exceeded ${timeMsPerTest} ms`, stdout: '', timeMs };
      if (isMemoryError(isolate, message)) return { status: 'memory', payload: 'exceeded the memory limit', stdout: '', timeMs };
      return { status: 'error', payload: message, stdout: '', timeMs };
    };
    let lastCpuMs = 0;
    // cpuTime throws once the isolate is disposed (memory limit): keep the last reading then.
    const cpuMs = () => (isolate.isDisposed ? lastCpuMs : (lastCpuMs = Number(isolate.cpuTime) / 1e6));
    try {
      context = await isolate.createContext();
      const harness = (await harnessScript.run(context, { reference: true, timeout: 1000 })) as ivm.Reference<(...a: unknown[]) => string>;
      held.push(harness);

      // The learner's top-level code runs once, under the per-test limit; if it fails, the first test reports it.
      progress.started(-1);
      const setupStart = cpuMs();
      let fnRef: ivm.Reference;
      try {
        const script = await isolate.compileScript(js, { filename: SOLUTION_FILENAME });
        held.push(script);
        await script.run(context, { timeout: wallMsPerTest });
        const lookup = await isolate.compileScript(`typeof ${job.functionName} === 'function' ? ${job.functionName} : undefined`);
        held.push(lookup);
        fnRef = (await lookup.run(context, { reference: true, timeout: timeMsPerTest })) as ivm.Reference;
        held.push(fnRef);
        await harness.apply(undefined, ['bind', fnRef.derefInto(), job.stdoutLimitBytes], { timeout: timeMsPerTest });
      } catch (e) {
        const outcome = fail(0, e, cpuMs() - setupStart);
        if (outcome.status === 'error') outcome.payload = describeTopLevelError(outcome.payload);
        progress.finished(outcome);
        return;
      }

      let total = cpuMs() - setupStart;
      for (let i = 0; i < job.tests.length; i++) {
        const test = job.tests[i]!;
        progress.started(i);
        const start = cpuMs();
        let outcome: TestOutcome;
        try {
          const text = harness.applySync(undefined, ['test', test.args, job.outputArg], { timeout: wallMsPerTest }) as string;
          outcome = parseHarnessResult(text, cpuMs() - start);
          if (outcome.timeMs > timeMsPerTest) {
            outcome = { status: 'timeout', payload: `exceeded ${timeMsPerTest} ms`, stdout: outcome.stdout, timeMs: outcome.timeMs };
            hitLimit = true;
          }
        } catch (e) {
          outcome = fail(i, e, cpuMs() - start);
        }
        total += outcome.timeMs;
        if (outcome.status !== 'timeout' && outcome.status !== 'memory' && total > timeMsTotal) {
          outcome = {
            status: 'timeout',
            payload: `the whole run exceeded ${timeMsTotal} ms`,
            stdout: outcome.stdout,
            timeMs: outcome.timeMs,
          };
          hitLimit = true;
        }
        const same = outcome.status === 'value' && test.expected !== undefined && outcome.payload === test.expected;
        progress.finished(same ? { ...outcome, payload: '', sameAsExpected: true } : outcome);
        if (outcome.status === 'memory' || isolate.isDisposed || total > timeMsTotal) break;
        const failed = outcome.status !== 'value' || (test.expected !== undefined && outcome.payload !== test.expected);
        if (failed && job.stopOnFailure) break;
      }
    } finally {
      for (const h of held.reverse()) {
        try {
          h.release();
        } catch {
          // already gone with a disposed isolate
        }
      }
      if (context && !isolate.isDisposed) context.release();
      if (hitLimit || isolate.isDisposed || this.heapIsFull(isolate)) this.discard();
    }
  }

  private heapIsFull(isolate: ivm.Isolate): boolean {
    const heap = isolate.getHeapStatisticsSync();
    return heap.used_heap_size + heap.externally_allocated_size > REUSE_HEAP_FRACTION * this.memoryMb * 1024 * 1024;
  }
}

/** Errors thrown by the learner's top-level code come from isolated-vm as plain messages; keep them readable. */
function describeTopLevelError(message: string): string {
  return message.startsWith('Uncaught') ? message : `Error in top-level code: ${message}`;
}
