export { createGrader, grade, closeSharedGrader, type Grader, type CreateGraderOptions } from './grader';
export type { GraderOptions, GradeOptions } from './options';
export { compareOutput } from './judge/compare';
export { encodeValue, decodeValue, toDisplay } from './codec';
export { stripExports } from './compile/strip-exports';
export { loadProblem, wrongSolutions, referenceAsSubmission, type WrongSolution } from './content';
export type { Sandbox, SandboxStats, SandboxWorkerStats } from './sandbox/sandbox';
export type { SandboxJob, SandboxResult, SandboxTest, TestOutcome } from './sandbox/protocol';
export { ProcessPoolSandbox, type ProcessPoolOptions } from './sandbox/process-pool';
