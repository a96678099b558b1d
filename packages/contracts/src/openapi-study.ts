import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ZDeckDetailResponse, ZDeckItemsQuery, ZDeckListResponse, ZDeckParams, ZEnrollResponse } from './decks';
import { ZErrorResponse } from './errors';
import { LAPSE_CONCEPTS_RULE } from './links';
import {
  ZItemActionResponse,
  ZItemDetailResponse,
  ZKnownRequest,
  ZOverrideRequest,
  ZResetRequest,
  ZReviewNextQuery,
  ZReviewNextResponse,
  ZReviewRequest,
  ZReviewResponse,
  ZSetDueRequest,
  ZUndoRequest,
  ZUndoResponse,
} from './reviews';
import { ZOptimizationResponse, ZSettingsResponse, ZUpdateSettingsRequest } from './settings';
import { ZStatsResponse } from './stats';
import { ZItemIdParams } from './study';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

const signedIn = { 401: error('`unauthenticated`: not signed in') };
const badInput = { 400: error('`validation_failed`: `details` names each bad field (e.g. `body.rating`)') };
const noItem = { 404: error('`not_found`: no such item, or its content is retired') };

/** The learner core: decks, the review queue, item actions, settings, the optimizer and stats. */
export function registerStudyPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/decks',
    tags: ['decks'],
    summary: 'Published decks with my counts and enrollment',
    responses: { 200: json(ZDeckListResponse, 'Decks in title order'), ...signedIn },
  });
  registry.registerPath({
    method: 'get',
    path: '/decks/{slug}',
    tags: ['decks'],
    summary: 'A deck and a page of its items with my state; filter by text, tag, kind and state',
    request: { params: ZDeckParams, query: ZDeckItemsQuery },
    responses: {
      200: json(ZDeckDetailResponse, 'The deck and its items in deck order'),
      ...badInput,
      ...signedIn,
      404: error('`not_found`: no such deck'),
    },
  });
  for (const method of ['post', 'delete'] as const) {
    registry.registerPath({
      method,
      path: '/decks/{slug}/enroll',
      tags: ['decks'],
      summary:
        method === 'post'
          ? 'Enroll: the deck’s new items enter my queue (idempotent)'
          : 'Unenroll: stops new items and pauses the deck’s reviews; keeps my state and history (idempotent)',
      request: { params: ZDeckParams },
      responses: {
        200: json(ZEnrollResponse, 'The deck with my enrollment'),
        ...badInput,
        ...signedIn,
        404: error('`not_found`: no such deck'),
      },
    });
  }

  registry.registerPath({
    method: 'get',
    path: '/review/next',
    tags: ['review'],
    summary: 'The next items to study, with a preview of each rating',
    description:
      'Due reviews first (lowest retrievability first), then learning steps due now, then new items from enrolled decks within ' +
      "today's per-kind new limits (kinds interleaved; concept cards a failed problem introduced come first among new cards). " +
      'A card comes with the problems that practise it (`content.practice`). ' +
      "Days are the learner's days (timezone and rollover hour). When nothing is " +
      'due, learning steps due within 20 minutes are shown early (Anki’s learn-ahead limit); when the queue is empty, `nextDueAt` says when it fills.',
    request: { query: ZReviewNextQuery },
    responses: { 200: json(ZReviewNextResponse, 'Items, counts left today, the learner day'), ...badInput, ...signedIn },
  });
  registry.registerPath({
    method: 'post',
    path: '/review/undo',
    tags: ['review'],
    summary: 'Revert my latest review (or the given one), once',
    description:
      'Restores the item to its state before the review; the reverted review keeps `undoneAt` and no longer counts. ' +
      'Only the latest review of an item can be undone; undo again to go further back. Undoing a problem’s `again` also ' +
      'takes back what it did to the problem’s concept cards (see POST /review/{itemId}).',
    request: body(ZUndoRequest),
    responses: {
      200: json(ZUndoResponse, 'The reverted review and the restored state'),
      ...badInput,
      ...signedIn,
      404: error('`not_found`: nothing to undo, or no such review of mine'),
      409: error('`conflict`: already undone, or the item changed since that review'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/review/{itemId}',
    tags: ['review'],
    summary: 'Rate an item (FSRS); the same clientReviewId twice applies once and answers the same body',
    description:
      'Applies the rating with FSRS and writes the new state and a review-log row in one transaction. An item that is not due ' +
      'is accepted as an early review, except a problem that a graded submit rated and that is not due again (409: override ' +
      'that rating instead). Rating a due problem here answers its review: a later accepted submit of it is practice. ' +
      'After `leechThreshold` lapses (8 by default, then every half of it) the item is tagged leech and suspended, and the ' +
      'answer says `leech: true`.\n\n**A failed problem brings its concepts into the queue**\n\n' +
      LAPSE_CONCEPTS_RULE,
    request: { params: ZItemIdParams, ...body(ZReviewRequest) },
    responses: {
      200: json(ZReviewResponse, 'The review and the new state'),
      ...badInput,
      ...signedIn,
      ...noItem,
      409: error(
        '`conflict`: this clientReviewId was already used for another item, or a graded submit already rated this problem until it is due again',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/review/{itemId}/override',
    tags: ['review'],
    summary: "Replace the rating of a problem's latest graded outcome, once",
    description:
      'Re-applies FSRS from the state before the outcome, at the outcome’s time, with the chosen rating. Allowed once per outcome ' +
      'and only while no later review of the item exists. An override to `again` brings the problem’s concept cards into the ' +
      'queue, and an override of an `again` takes that back (see POST /review/{itemId}).',
    request: { params: ZItemIdParams, ...body(ZOverrideRequest) },
    responses: {
      200: json(ZReviewResponse, 'The override review and the new state'),
      ...badInput,
      ...signedIn,
      404: error('`not_found`: no such item, or no graded outcome to override'),
      409: error('`conflict`: already overridden, or reviewed again since'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/items/{itemId}',
    tags: ['items'],
    summary: 'An item, my state and its full review history (newest first); a card with the problems that practise it',
    request: { params: ZItemIdParams },
    responses: { 200: json(ZItemDetailResponse, 'The item'), ...badInput, ...signedIn, 404: error('`not_found`: no such item') },
  });
  const actions: { path: string; summary: string; request?: z.ZodType; conflict?: string }[] = [
    { path: 'suspend', summary: 'Suspend: out of every queue until unsuspended' },
    { path: 'unsuspend', summary: 'Unsuspend (a leech keeps its tag)' },
    { path: 'bury', summary: 'Bury until the next rollover' },
    { path: 'unbury', summary: 'Unbury' },
    { path: 'reset', summary: 'Reset (forget): the item becomes new again; history kept', request: ZResetRequest },
    { path: 'set-due', summary: 'Set the due date: the start of the learner day `days` from today', request: ZSetDueRequest },
    {
      path: 'known',
      summary: '"I already know this": a new item starts in review, first due `intervalDays` from today',
      request: ZKnownRequest,
      conflict: '`conflict`: the item is already being studied (use set-due)',
    },
  ];
  for (const action of actions) {
    registry.registerPath({
      method: 'post',
      path: `/items/{itemId}/${action.path}`,
      tags: ['items'],
      summary: action.summary,
      request: { params: ZItemIdParams, ...(action.request ? body(action.request) : {}) },
      responses: {
        200: json(ZItemActionResponse, 'The new state'),
        ...badInput,
        ...signedIn,
        ...noItem,
        ...(action.conflict ? { 409: error(action.conflict) } : {}),
      },
    });
  }

  registry.registerPath({
    method: 'get',
    path: '/settings',
    tags: ['settings'],
    summary: 'My study settings and review reminders (defaults until changed)',
    responses: { 200: json(ZSettingsResponse, 'Settings'), ...signedIn },
  });
  registry.registerPath({
    method: 'put',
    path: '/settings',
    tags: ['settings'],
    summary: 'Change any subset of my settings',
    description:
      'Nested objects (`newPerDay`, `steps`, `reminders`) may be partial. Reminders are off until `reminders.enabled` is true; ' +
      'a reminder goes at `reminders.localTime` in `timezone` on the chosen weekdays when at least `minDue` items are due now ' +
      '(due reviews and learning steps, as `GET /stats` `today.dueNow` counts them; new items never count). Changing the timezone, ' +
      'time or days applies from now: a time already past today waits for the next chosen day.',
    request: body(ZUpdateSettingsRequest),
    responses: { 200: json(ZSettingsResponse, 'The settings now in force'), ...badInput, ...signedIn },
  });
  registry.registerPath({
    method: 'post',
    path: '/settings/optimize',
    tags: ['settings'],
    summary: 'Fit my FSRS parameters to my history, on the worker',
    description:
      'Queues a fit (a second request while one is queued or running returns that one). The fit reports log-loss and RMSE before ' +
      'and after on my own history and keeps the new parameters only if both are better. Poll `GET /settings/optimize`.',
    responses: { 202: json(ZOptimizationResponse, 'The queued (or running) optimization'), ...signedIn },
  });
  registry.registerPath({
    method: 'get',
    path: '/settings/optimize',
    tags: ['settings'],
    summary: 'My latest optimization',
    responses: { 200: json(ZOptimizationResponse, 'The latest run, or null'), ...signedIn },
  });

  registry.registerPath({
    method: 'get',
    path: '/stats',
    tags: ['stats'],
    summary: 'Due today, 30-day forecast, 365-day heatmap, streaks, true retention, counts, deck progress, time spent',
    responses: { 200: json(ZStatsResponse, 'Stats in my timezone and day rollover'), ...signedIn },
  });
}
