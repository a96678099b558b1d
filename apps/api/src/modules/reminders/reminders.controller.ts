import { type ArgumentsHost, Body, Catch, Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ZUnsubscribeQuery,
  ZUnsubscribeRequest,
  type TUnsubscribePreview,
  type TUnsubscribeQuery,
  type TUnsubscribeResponse,
} from '@prep/contracts';
import { ErrorFilter, toAppError } from '../../common/error.filter';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ReminderLinks, UNSUBSCRIBE_PATH } from './reminder-links';
import { RemindersService } from './reminders.service';
import { renderUnsubscribePage, UNSUBSCRIBE_PAGE_HEADERS, type UnsubscribePage } from './unsubscribe-page';

/** A browser opening the link (or posting the page's form) gets a page; API clients and mail clients get JSON. */
function wantsPage(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function sendPage(reply: FastifyReply, status: number, page: UnsubscribePage): void {
  void reply.status(status).headers(UNSUBSCRIBE_PAGE_HEADERS).send(renderUnsubscribePage(page));
}

/** Errors as a page for browsers (a bad link is something a person reads), as JSON for everyone else. */
@Catch()
class UnsubscribeErrorFilter extends ErrorFilter {
  constructor(private readonly links: ReminderLinks) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (!wantsPage(request)) return super.catch(exception, host);
    const error = toAppError(exception);
    if (error.status >= 500) return super.catch(exception, host);
    sendPage(host.switchToHttp().getResponse<FastifyReply>(), error.status, {
      kind: 'error',
      message: error.message,
      settingsUrl: this.links.settings(),
    });
  }
}

/**
 * The unsubscribe link of reminder emails, no sign-in needed (the signed token names the learner). GET never changes
 * anything; POST unsubscribes: a mail client's RFC 8058 one-click POST (token in the URL, form body), the page's
 * button, or a JSON `{ token }`.
 */
@Controller('reminders/unsubscribe')
@UseFilters(UnsubscribeErrorFilter)
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly links: ReminderLinks,
  ) {}

  @Get()
  async preview(
    @Query(new ZodValidationPipe(ZUnsubscribeQuery)) query: TUnsubscribeQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TUnsubscribePreview | void> {
    const preview = await this.reminders.previewUnsubscribe(query.token);
    if (!wantsPage(request)) return preview;
    const action = `${UNSUBSCRIBE_PATH}?${new URLSearchParams({ token: query.token }).toString()}`;
    sendPage(reply, 200, { kind: 'confirm', ...preview, action, settingsUrl: this.links.settings() });
  }

  @Post()
  @HttpCode(200)
  async unsubscribe(
    @Query() query: unknown,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TUnsubscribeResponse | void> {
    const result = await this.reminders.unsubscribe(tokenOf(request, query, body));
    if (!wantsPage(request)) return result;
    sendPage(reply, 200, { kind: 'done', email: result.email, settingsUrl: this.links.settings() });
  }
}

/** JSON requests carry the token in the body; one-click form posts carry it in the URL (their body is informational). */
function tokenOf(request: FastifyRequest, query: unknown, body: unknown): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return new ZodValidationPipe(ZUnsubscribeRequest).transform(body, { type: 'body' }).token;
  return new ZodValidationPipe(ZUnsubscribeQuery).transform(query, { type: 'query' }).token;
}
