#!/usr/bin/env node
/**
 * `npm run labs:gpu-check`, for a maintainer on a GPU host: grades every built-in lab's reference and
 * one known-wrong solution on GPU 0 (through the configured sandbox, LAB_SANDBOX), checks the
 * verdicts, and prints the timings against PyTorch's own kernels. Exit status 0 when all is as
 * expected, 1 otherwise, 2 when there is no usable GPU.
 */
import os from 'node:os';
import type { LoadedLab, TLabEvaluation } from '@prep/contracts';
import { ConfigError, parseConfig } from './config';
import { loadLabCatalog } from './content';
import { discoverGpus } from './devices';
import { gradeSubmissions } from './judge';
import { createSandbox } from './sandbox';

interface TimingRow {
  shape: string;
  solutionMs: number;
  solutionEventMs: number;
  referenceMs: number;
  slowdown: number;
  reference: string;
}

interface Row {
  lab: string;
  file: string;
  expected: string;
  evaluation: TLabEvaluation;
}

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const gpus = await discoverGpus(config.LAB_GPUS === 'none' ? 'auto' : config.LAB_GPUS);
  if (gpus.length === 0) {
    console.error('labs:gpu-check: nvidia-smi finds no GPU on this host; run it on a GPU host (this is not a CPU test)');
    return 2;
  }
  const gpu = gpus[0]!;
  const sandbox = createSandbox(config);
  console.log(`GPU ${gpu.index}: ${gpu.name} (${gpu.memoryMiB} MiB); sandbox ${sandbox.name}; python ${config.LAB_PYTHON}`);
  const labs = [...loadLabCatalog(config.LAB_CONTENT_ROOT).labs.values()];
  const rows: Row[] = [];
  for (const lab of labs) {
    const wrong = lab.solutions.find((s) => s.kind === 'wrong')!;
    const started = Date.now();
    const [reference, wrongResult] = await gradeSubmissions(
      [
        { lab, code: lab.reference },
        { lab, code: wrong.code },
      ],
      {
        python: config.LAB_PYTHON,
        sandbox,
        slot: { kind: 'gpu', index: 0, gpu: gpu.index },
        threads: config.LAB_THREADS_PER_SLOT ?? Math.max(1, Math.floor(os.availableParallelism() / 2)),
        onJudgeError: (stderr) => console.error(`[${lab.slug}] judge error:\n${stderr}`),
      },
    );
    rows.push({ lab: lab.slug, file: 'reference.py', expected: 'accepted', evaluation: reference! });
    rows.push({ lab: lab.slug, file: wrong.file, expected: wrong.expect, evaluation: wrongResult! });
    console.log(`\n== ${lab.slug} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const row of rows.slice(-2)) report(row, lab);
  }
  const bad = rows.filter((r) => r.evaluation.verdict !== r.expected || r.evaluation.environment.device !== 'gpu');
  console.log(`\nlabs:gpu-check: ${bad.length === 0 ? 'passed' : `FAILED (${bad.map((r) => `${r.lab}/${r.file}`).join(', ')})`}`);
  return bad.length === 0 ? 0 : 1;
}

function report(row: Row, lab: LoadedLab): void {
  const e = row.evaluation;
  const ok = e.verdict === row.expected && e.environment.device === 'gpu';
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${row.file}: ${e.verdict} (expected ${row.expected}) on ${e.environment.device} ${e.environment.deviceName}, torch ${e.environment.torch}, ${(e.wallTimeMs / 1000).toFixed(1)} s`,
  );
  if (e.message && !ok) console.log(`     ${e.message}`);
  for (const check of e.checks)
    console.log(`     ${check.status.padEnd(7)} ${check.name.padEnd(26)} ${check.timeMs ?? ''} ms  ${check.message ?? ''}`);
  const timing = e.metrics.timing as TimingRow[] | undefined;
  if (timing) {
    console.log(`     timing (${lab.slug}), median of 10 runs on fresh inputs after an L2 flush:`);
    for (const t of timing) {
      const solution = `solution ${t.solutionMs} ms (CUDA events ${t.solutionEventMs} ms)`;
      console.log(`       ${t.shape}: ${solution}, ${t.reference} ${t.referenceMs} ms, ${t.slowdown}x`);
    }
  }
  const other = Object.entries(e.metrics).filter(([k]) => k !== 'timing');
  if (other.length) console.log(`     metrics: ${JSON.stringify(Object.fromEntries(other))}`);
}

void main()
  .catch((e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    return 2;
  })
  .then((code) => {
    process.exitCode = code;
  });
