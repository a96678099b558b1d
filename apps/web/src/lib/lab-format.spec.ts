import { gradedOn, metricLabel, scalarMetrics, timingRows } from './lab-format';

describe('lab wording', () => {
  it('states the device a result was graded on, and emulated FP16', () => {
    expect(gradedOn({ device: 'cpu', deviceName: 'x86_64', torch: '2.6.0', python: '3.13', fp16: 'emulated' })).toBe(
      'Graded on CPU (x86_64) · torch 2.6.0 · FP16 emulated',
    );
    expect(gradedOn({ device: 'cpu', deviceName: 'cpu', torch: '1.13.0', python: '3.11', fp16: 'emulated' })).toBe(
      'Graded on CPU · torch 1.13.0 · FP16 emulated',
    );
    expect(gradedOn({ device: 'gpu', deviceName: 'NVIDIA H200', torch: '2.7.0', python: '3.12', fp16: 'native' })).toBe(
      'Graded on GPU (NVIDIA H200) · torch 2.7.0',
    );
  });

  it('reads timing rows and ignores malformed ones', () => {
    const metrics = {
      timing: [
        { shape: 'B=2 H=4 N=1024 d=64 fp16', solutionMs: 1.5, referenceMs: 0.5, slowdown: 3, reference: 'scaled_dot_product_attention' },
        { shape: 'broken', solutionMs: 'fast' },
      ],
    };
    expect(timingRows(metrics)).toEqual([
      { shape: 'B=2 H=4 N=1024 d=64 fp16', solutionMs: 1.5, referenceMs: 0.5, slowdown: 3, reference: 'scaled_dot_product_attention' },
    ]);
    expect(timingRows({})).toEqual([]);
  });

  it('labels figures in words and leaves tables out of the plain list', () => {
    expect(metricLabel('memoryPeakExtraMiB')).toBe('Memory peak extra MiB');
    expect(metricLabel('evalMseFp32')).toBe('Eval MSE FP32');
    expect(metricLabel('targetPassesPerToken')).toBe('Target passes per token');
    expect(scalarMetrics({ targetPasses: 40, passesPerToken: 0.33333, timing: [] })).toEqual([
      { key: 'targetPasses', label: 'Target passes', value: '40' },
      { key: 'passesPerToken', label: 'Passes per token', value: '0.3333' },
    ]);
  });
});
