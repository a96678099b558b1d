'use client';

import { Progress as ProgressPrimitive } from 'radix-ui';

/** A determinate progress bar, announced with its label and value. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const safeMax = Math.max(1, max);
  const clamped = Math.min(safeMax, Math.max(0, value));
  return (
    <ProgressPrimitive.Root className="progress" value={clamped} max={safeMax} aria-label={label}>
      <ProgressPrimitive.Indicator className="progress__bar" style={{ transform: `translateX(-${100 - (clamped / safeMax) * 100}%)` }} />
    </ProgressPrimitive.Root>
  );
}
