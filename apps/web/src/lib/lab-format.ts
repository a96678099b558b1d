import type { TLabDevice, TLabEnvironment, TLabVerdict } from '@prep/contracts';

/** Lab verdicts as people say them. */
export const LAB_VERDICT_LABEL: Record<TLabVerdict, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong Answer',
  budget_exceeded: 'Over Budget',
  time_limit_exceeded: 'Time Limit Exceeded',
  memory_limit_exceeded: 'Memory Limit Exceeded',
  runtime_error: 'Runtime Error',
  compilation_error: 'Syntax Error',
  rejected: 'Rejected',
  internal_error: 'Internal Error',
};

/** Where a lab can be graded, as the list and the page say it. */
export const LAB_DEVICE_LABEL: Record<TLabDevice, string> = { gpu: 'GPU', any: 'CPU or GPU', cpu: 'CPU' };

/** "Graded on CPU (Intel Xeon) · torch 2.6 · FP16 emulated": said with every verdict, so a learner knows what was measured. */
export function gradedOn(environment: TLabEnvironment): string {
  const device = environment.device === 'gpu' ? 'GPU' : 'CPU';
  // Debian's CPU torch names the device just "cpu": saying it twice tells nothing.
  const named = environment.deviceName && environment.deviceName.toLowerCase() !== environment.device;
  const parts = [`Graded on ${device}${named ? ` (${environment.deviceName})` : ''}`];
  if (environment.torch) parts.push(`torch ${environment.torch}`);
  if (environment.fp16 === 'emulated') parts.push('FP16 emulated');
  return parts.join(' · ');
}

export type TTimingRow = { shape: string; solutionMs: number; referenceMs: number; slowdown: number | null; reference: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The timings against the PyTorch reference a GPU run reports (`metrics.timing`); empty when there are none. */
export function timingRows(metrics: Record<string, unknown>): TTimingRow[] {
  const rows = metrics.timing;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row): TTimingRow[] => {
    if (!isRecord(row) || typeof row.solutionMs !== 'number' || typeof row.referenceMs !== 'number') return [];
    return [
      {
        shape: typeof row.shape === 'string' ? row.shape : '',
        solutionMs: row.solutionMs,
        referenceMs: row.referenceMs,
        slowdown: typeof row.slowdown === 'number' ? row.slowdown : null,
        reference: typeof row.reference === 'string' ? row.reference : 'PyTorch',
      },
    ];
  });
}

const METRIC_WORDS: Record<string, string> = {
  mib: 'MiB',
  mse: 'MSE',
  fp32: 'FP32',
  fp16: 'FP16',
  n: 'N',
};

/** `memoryPeakExtraMiB` → "Memory peak extra MiB". */
export function metricLabel(key: string): string {
  const words = key
    .replace(/MiB/g, '_mib_')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((word) => METRIC_WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plain figures of a result (numbers, strings, booleans), labelled, in the judge's order; tables are shown apart. */
export function scalarMetrics(metrics: Record<string, unknown>): { key: string; label: string; value: string }[] {
  return Object.entries(metrics).flatMap(([key, value]) => {
    if (typeof value === 'number') {
      const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
      return [{ key, label: metricLabel(key), value: text }];
    }
    if (typeof value === 'string' || typeof value === 'boolean') return [{ key, label: metricLabel(key), value: String(value) }];
    return [];
  });
}
