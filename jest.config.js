// `npx jest` at the root runs every workspace's tests as one run with one summary.
module.exports = {
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
