import type { TLabSlot } from '@prep/contracts';

interface Waiter {
  priority: number;
  order: number;
  resolve: (slot: TLabSlot) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's sandbox slots (one per GPU, or CPU slots). A job holds one slot while it runs; jobs
 * wait in priority order (GPU-only labs first), then in arrival order.
 */
export class SlotPool {
  private readonly free: TLabSlot[];
  private readonly waiters: Waiter[] = [];
  private arrivals = 0;
  private closed = false;

  constructor(readonly slots: TLabSlot[]) {
    this.free = [...slots];
  }

  acquire(priority = 0): Promise<TLabSlot> {
    if (this.closed) return Promise.reject(new Error('the slot pool is closed'));
    const slot = this.free.shift();
    if (slot && this.waiters.length === 0) return Promise.resolve(slot);
    if (slot) this.free.unshift(slot);
    return new Promise((resolve, reject) => {
      this.waiters.push({ priority, order: this.arrivals++, resolve, reject });
      this.waiters.sort((a, b) => b.priority - a.priority || a.order - b.order);
      this.dispatch();
    });
  }

  release(slot: TLabSlot): void {
    this.free.push(slot);
    this.free.sort((a, b) => a.index - b.index);
    this.dispatch();
  }

  busy(): number {
    return this.slots.length - this.free.length;
  }

  waiting(): number {
    return this.waiters.length;
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('the slot pool is closed'));
  }

  private dispatch(): void {
    while (this.free.length > 0 && this.waiters.length > 0) {
      this.waiters.shift()!.resolve(this.free.shift()!);
    }
  }
}
