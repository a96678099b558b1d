import path from 'node:path';

/** apps/lab-worker/python: the judge (trusted) and, under sandbox/, what every sandbox gets read-only. */
export const PYTHON_DIR = path.resolve(__dirname, '..', 'python');
export const JUDGE_MAIN = path.join(PYTHON_DIR, 'labjudge', 'main.py');
/** Bound read-only at /opt/lab in a bubblewrap sandbox; copied to /opt/lab in the docker sandbox image. */
export const SANDBOX_DIR = path.join(PYTHON_DIR, 'sandbox');
/** Where the sandbox sees SANDBOX_DIR. */
export const SANDBOX_MOUNT = '/opt/lab';
export const RUNNER_IN_SANDBOX = `${SANDBOX_MOUNT}/labrunner/runner.py`;
