import { Injectable } from '@nestjs/common';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { toPlainText } from '@react-email/components';
import type { LearnerReviewSnapshot } from '../learner-state';
import { ReminderLinks } from '../reminder-links';
import { ReminderEmail, reminderSubject } from './reminder-email';

export interface ComposedMail {
  subject: string;
  html: string;
  text: string;
  /** Deterministic per learner and local date, so a receiver can recognise a duplicate. */
  messageId: string;
  headers: Record<string, string>;
}

/** The doctype react-email's own `render` puts first; email clients are happiest with XHTML 1.0 Transitional. */
const EMAIL_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * react-email's `render` loads react-dom/server through a dynamic import(), which Jest's CommonJS runtime cannot run;
 * our templates are synchronous, so the static renderer gives the same markup on every path (worker and tests).
 */
function renderEmail(element: ReturnType<typeof createElement>): string {
  return EMAIL_DOCTYPE + renderToStaticMarkup(element);
}

/** Renders one reminder: HTML and plain text from the same template, with the RFC 8058 one-click headers. */
@Injectable()
export class ReminderComposer {
  constructor(private readonly links: ReminderLinks) {}

  async compose(input: { userId: string; localDate: string; displayName: string | null } & LearnerReviewSnapshot): Promise<ComposedMail> {
    const unsubscribeUrl = this.links.unsubscribe(input.userId);
    const html = renderEmail(
      createElement(ReminderEmail, {
        displayName: input.displayName,
        due: input.due,
        newToday: input.newToday,
        streakDays: input.streakDays,
        reviewUrl: this.links.review(),
        settingsUrl: this.links.settings(),
        unsubscribeUrl,
      }),
    );
    return {
      subject: reminderSubject(input.due),
      html,
      text: toPlainText(html),
      messageId: `<reminder.${input.userId}.${input.localDate}@${this.links.messageIdDomain()}>`,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        // Automatic mail: no out-of-office replies back to us (RFC 3834; Exchange's own header).
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'OOF, AutoReply',
      },
    };
  }
}
