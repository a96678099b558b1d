import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Records every route registered from now on (Nest's controllers, plugins such as the queue dashboard, HEAD twins). */
export function trackRoutes(fastify: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(fastify, table);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) table.push({ method: String(method), url: route.url });
  });
}

/** The routes of an app whose fastify instance was tracked (see trackRoutes). */
export function registeredRoutes(fastify: FastifyInstance): RouteEntry[] {
  const table = tables.get(fastify);
  if (!table) throw new Error('routes of this app were not tracked');
  return [...table];
}
