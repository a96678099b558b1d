#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { TLabEvaluation, TLabSlot } from '@prep/contracts';
import { ConfigError, parseConfig } from './config';
import { checkLab, formatCheck } from './check';
import { findLab, loadLabCatalog } from './content';
import { discoverGpus, planSlots } from './devices';
import { gradeSubmissions, type GradeContext } from './judge';
import { createSandbox, NO_SANDBOX_WARNING } from './sandbox';

const USAGE = `usage:
  lab-grader grade --lab <slug-or-dir> --file <solution.py> [--json] [--sandbox bubblewrap|docker|none]
  lab-grader check <slug-or-dir>|--all [--json] [--sandbox bubblewrap|docker|none]`;

class UsageError extends Error {}

type Flags = { json?: boolean; all?: boolean; lab?: string; file?: string; sandbox?: string };

function parseCommandLine(args: string[]): { flags: Flags; positional: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        lab: { type: 'string' },
        file: { type: 'string' },
        sandbox: { type: 'string' },
      },
    });
    return { flags: values, positional: positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function context(flags: Flags): Promise<GradeContext> {
  const config = parseConfig({ ...process.env, ...(flags.sandbox ? { LAB_SANDBOX: flags.sandbox } : {}) });
  const sandbox = createSandbox(config);
  if (sandbox.name === 'none') console.error(`warning: ${NO_SANDBOX_WARNING}`);
  const gpus = await discoverGpus(config.LAB_GPUS);
  const slot: TLabSlot = planSlots(gpus, 1)[0]!;
  return {
    python: config.LAB_PYTHON,
    sandbox,
    slot,
    threads: config.LAB_THREADS_PER_SLOT ?? os.availableParallelism(),
    onJudgeError: (stderr) => console.error(`judge error:\n${stderr}`),
  };
}

function formatEvaluation(e: TLabEvaluation): string {
  const env = e.environment;
  const lines = [
    `${e.verdict}  on ${env.device.toUpperCase()} (${env.deviceName}; torch ${env.torch}; FP16 ${env.fp16})  ${(e.wallTimeMs / 1000).toFixed(1)} s`,
  ];
  if (e.message) lines.push(e.message);
  const width = Math.max(0, ...e.checks.map((c) => c.name.length));
  for (const c of e.checks) {
    const mark = c.status === 'passed' ? 'ok  ' : c.status === 'failed' ? 'FAIL' : '-   ';
    lines.push(`  ${mark} ${c.name.padEnd(width)}  ${c.message ?? ''}`.trimEnd());
    if (c.detail) lines.push(...c.detail.split('\n').map((l) => `         ${l}`));
  }
  if (Object.keys(e.metrics).length) lines.push(`metrics: ${JSON.stringify(e.metrics)}`);
  if (e.output.trim()) lines.push('output:', e.output.trimEnd());
  return lines.join(os.EOL);
}

async function grade(flags: Flags): Promise<number> {
  const { lab: labArg, file } = flags;
  if (!labArg || !file) throw new UsageError('grade needs --lab and --file');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const lab = findLab(labArg);
  const [evaluation] = await gradeSubmissions([{ lab, code: fs.readFileSync(file, 'utf8') }], await context(flags));
  console.log(flags.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation!));
  return 0;
}

async function check(flags: Flags, slugOrDir: string | undefined): Promise<number> {
  if (!slugOrDir && !flags.all) throw new UsageError('check needs a lab slug or folder, or --all');
  const labs = slugOrDir ? [findLab(slugOrDir)] : [...loadLabCatalog().labs.values()];
  const ctx = await context(flags);
  let ok = true;
  const report = [];
  for (const lab of labs) {
    const started = Date.now();
    const rows = await checkLab(lab, ctx);
    ok &&= rows.every((r) => r.ok);
    if (flags.json) report.push({ lab: lab.slug, ok: rows.every((r) => r.ok), rows });
    else console.log(formatCheck(lab, rows, Date.now() - started));
  }
  if (flags.json) console.log(JSON.stringify(report, null, 2));
  return ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { flags, positional } = parseCommandLine(rest);
    if (command === 'grade') return await grade(flags);
    if (command === 'check') return await check(flags, positional[0]);
    throw new UsageError(command ? `unknown command ${command}` : 'no command');
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    console.error((e as Error).message);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
