import { Inject, Injectable } from '@nestjs/common';
import { LINKS_ENV } from '../../config/config.tokens';
import type { LinksEnv } from '../../config/env';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

/** Path of the unsubscribe route, under the API prefix; the web app proxies /api to the API. */
export const UNSUBSCRIBE_PATH = '/api/reminders/unsubscribe';

/** Every link a reminder email carries, all on the configured web origin. */
@Injectable()
export class ReminderLinks {
  constructor(@Inject(LINKS_ENV) private readonly env: LinksEnv) {}

  review(): string {
    return new URL('/review', this.env.WEB_ORIGIN).toString();
  }

  settings(): string {
    return new URL('/settings', this.env.WEB_ORIGIN).toString();
  }

  /** The one-click link (RFC 8058): a GET shows a confirm page, a POST unsubscribes. */
  unsubscribe(userId: string): string {
    const url = new URL(UNSUBSCRIBE_PATH, this.env.WEB_ORIGIN);
    url.searchParams.set('token', signUnsubscribeToken(userId, this.env.UNSUBSCRIBE_SECRET));
    return url.toString();
  }

  verifyUnsubscribeToken(token: string): { userId: string } | null {
    return verifyUnsubscribeToken(token, this.env.UNSUBSCRIBE_SECRET);
  }

  /** A host name for Message-IDs, so they are unique to this deployment. */
  messageIdDomain(): string {
    return new URL(this.env.WEB_ORIGIN).hostname || 'localhost';
  }
}
