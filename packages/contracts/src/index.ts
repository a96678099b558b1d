export * from './errors';
export * from './auth';
export * from './health';
export * from './jobs';
export * from './content';
export * from './grading';
export * from './labs';
export * from './openapi';
