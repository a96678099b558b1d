/** Injection tokens for each process's validated environment. */
export const API_ENV = Symbol('API_ENV');
export const WORKER_ENV = Symbol('WORKER_ENV');
/** The part every process shares: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, LOG_LEVEL. */
export const SHARED_ENV = Symbol('SHARED_ENV');
