/** For the tests: every variable a runner may see, written out by hand (so a new one is a decision). */
export const ALLOWED_RUNNER_VARIABLES = [
  'CUDA_VISIBLE_DEVICES',
  'HOME',
  'LAB_THREADS',
  'LANG',
  'MKL_NUM_THREADS',
  'OMP_NUM_THREADS',
  'OPENBLAS_NUM_THREADS',
  'PATH',
  'PYTHONDONTWRITEBYTECODE',
  'PYTHONHASHSEED',
];
