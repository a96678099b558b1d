import { ZStatsResponse } from '@prep/contracts';
import { cache } from 'react';
import { serverGet } from './server';

/** `GET /api/stats` once per request: the layout (the title's due count) and the Today page share it. */
export const getStats = cache(() => serverGet('/api/stats', ZStatsResponse));
