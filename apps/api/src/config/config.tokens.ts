/** Injection tokens for each process's validated environment. */
export const API_ENV = Symbol('API_ENV');
export const WORKER_ENV = Symbol('WORKER_ENV');
/** The part every process shares: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, LOG_LEVEL. */
export const SHARED_ENV = Symbol('SHARED_ENV');
/** The part the API and the worker share for links into the web app: WEB_ORIGIN, UNSUBSCRIBE_SECRET. */
export const LINKS_ENV = Symbol('LINKS_ENV');
