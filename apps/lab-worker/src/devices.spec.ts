import { discoverGpus, parseNvidiaSmi, planSlots, threadsPerSlot } from './devices';
import { SlotPool } from './slots';

const TWO_GPUS = '0, NVIDIA H100 80GB HBM3, 81559\n1, NVIDIA H100 80GB HBM3, 81559\n';

describe('GPU discovery', () => {
  it('reads nvidia-smi CSV output', () => {
    expect(parseNvidiaSmi(TWO_GPUS)).toEqual([
      { index: 0, name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559 },
      { index: 1, name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559 },
    ]);
  });

  it('finds no GPU when nvidia-smi is missing, and none when told so without asking', async () => {
    const missing = jest.fn(() => Promise.reject(Object.assign(new Error('spawn nvidia-smi ENOENT'), { code: 'ENOENT' })));
    expect(await discoverGpus('auto', missing)).toEqual([]);
    const present = jest.fn(() => Promise.resolve(TWO_GPUS));
    expect(await discoverGpus('none', present)).toEqual([]);
    expect(present).not.toHaveBeenCalled();
  });

  it('keeps the listed GPUs and refuses one that does not exist', async () => {
    const run = () => Promise.resolve(TWO_GPUS);
    expect((await discoverGpus('1', run)).map((g) => g.index)).toEqual([1]);
    await expect(discoverGpus('0,2', run)).rejects.toThrow(/LAB_GPUS asks for GPU 2, but nvidia-smi lists 0, 1/);
  });

  it('plans one slot per GPU, or CPU slots when there is none, and shares the cores among them', () => {
    const gpus = parseNvidiaSmi(TWO_GPUS);
    expect(planSlots(gpus, 4)).toEqual([
      { kind: 'gpu', index: 0, gpu: 0 },
      { kind: 'gpu', index: 1, gpu: 1 },
    ]);
    expect(planSlots([], 3)).toEqual([
      { kind: 'cpu', index: 0 },
      { kind: 'cpu', index: 1 },
      { kind: 'cpu', index: 2 },
    ]);
    expect(threadsPerSlot(planSlots([], 3), 16)).toBe(5);
    expect(threadsPerSlot(planSlots([], 3), 2)).toBe(1);
    expect(threadsPerSlot(planSlots([], 3), 16, 2)).toBe(2);
  });
});

describe('SlotPool', () => {
  it('hands out free slots, then makes jobs wait: higher priority first, then in arrival order', async () => {
    const pool = new SlotPool(planSlots([], 1));
    const first = await pool.acquire();
    const order: string[] = [];
    const low1 = pool.acquire(0).then((s) => order.push(`low1:${s.index}`));
    const low2 = pool.acquire(0).then((s) => order.push(`low2:${s.index}`));
    const high = pool.acquire(1).then((s) => order.push(`high:${s.index}`));
    expect(pool.busy()).toBe(1);
    expect(pool.waiting()).toBe(3);
    pool.release(first);
    await high;
    expect(order).toEqual(['high:0']);
    pool.release({ kind: 'cpu', index: 0 });
    await low1;
    pool.release({ kind: 'cpu', index: 0 });
    await low2;
    expect(order).toEqual(['high:0', 'low1:0', 'low2:0']);
  });

  it('rejects waiters when closed', async () => {
    const pool = new SlotPool(planSlots([], 1));
    await pool.acquire();
    const waiting = pool.acquire();
    pool.close();
    await expect(waiting).rejects.toThrow(/closed/);
  });
});
