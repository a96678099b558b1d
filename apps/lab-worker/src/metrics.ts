import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TLabSlot } from '@prep/contracts';

export interface QueueCounts {
  queue: string;
  counts: () => Promise<Record<string, number>>;
}

/** Prometheus metrics: queue depth, slot use, job durations and verdicts. */
export class LabMetrics {
  readonly registry = new Registry();
  readonly jobs: Counter<'lab' | 'verdict' | 'device'>;
  readonly duration: Histogram<'lab' | 'verdict' | 'device'>;
  readonly slotWait: Histogram<'device'>;

  constructor(slots: TLabSlot[], busy: () => number, waiting: () => number, queues: QueueCounts[]) {
    const registry = this.registry;
    const kind = slots[0]?.kind ?? 'cpu';
    new Gauge({ name: 'lab_slots', help: 'Sandbox slots of this worker', labelNames: ['device'], registers: [registry] }).set(
      { device: kind },
      slots.length,
    );
    new Gauge({
      name: 'lab_slots_busy',
      help: 'Slots running a grading job',
      labelNames: ['device'],
      registers: [registry],
      collect() {
        this.set({ device: kind }, busy());
      },
    });
    new Gauge({
      name: 'lab_jobs_waiting_for_slot',
      help: 'Jobs this worker took that wait for a free slot',
      registers: [registry],
      collect() {
        this.set(waiting());
      },
    });
    new Gauge({
      name: 'lab_queue_jobs',
      help: 'Jobs in the lab queues by state (queue depth)',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.counts();
          for (const [state, value] of Object.entries(counts)) this.set({ queue: queue.queue, state }, value);
        }
      },
    });
    this.jobs = new Counter({
      name: 'lab_jobs_total',
      help: 'Graded lab submissions',
      labelNames: ['lab', 'verdict', 'device'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'lab_job_duration_seconds',
      help: 'Time to grade one submission, sandbox start to verdict',
      labelNames: ['lab', 'verdict', 'device'],
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers: [registry],
    });
    this.slotWait = new Histogram({
      name: 'lab_slot_wait_seconds',
      help: 'Time a taken job waited for a free slot',
      labelNames: ['device'],
      buckets: [0.01, 0.1, 1, 5, 30, 120, 600],
      registers: [registry],
    });
  }
}
