// `npx jest` at the root runs every workspace's tests as one run with one summary.
module.exports = {
  // The worker that grades all the built-in content holds ~1.1 GB when it ends, and a process that large needs
  // ~0.6 s to exit once two cores are busy (measured: 580 ms for 0.8 GB under load, 120 ms idle), past Jest's
  // default 500 ms, which it then reports as "a worker process has failed to exit gracefully". No handle is left
  // open (the worker reaches 'exit' 13 ms after Jest asks it to end); a real leak still shows after this wait.
  workerGracefulExitTimeout: 5_000,
  projects: [
    '<rootDir>/packages/contracts',
    '<rootDir>/packages/problems',
    '<rootDir>/packages/grader',
    '<rootDir>/apps/api',
    '<rootDir>/apps/lab-worker',
    '<rootDir>/apps/web',
    '<rootDir>/test',
  ],
};
