import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Mail } from 'nodemailer';
import { WORKER_ENV } from '../../config/config.tokens';
import { CONSOLE_MAIL, redactUrl, type WorkerEnv } from '../../config/env';
import type { ComposedMail } from './email/reminder-composer';

/** An SMTP reply code ≥ 500 (bad address, rejected content): retrying will not help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends mail through SMTP_URL. With SMTP_URL=console (development without an SMTP server) each mail is printed to the
 * worker's output instead: headers and the plain-text body, readable as is.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Mail;
  private readonly printOnly: boolean;

  constructor(@Inject(WORKER_ENV) private readonly env: WorkerEnv) {
    this.printOnly = env.SMTP_URL === CONSOLE_MAIL;
    this.transport = this.printOnly
      ? createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : createTransport({
          url: env.SMTP_URL,
          // Fail fast: a hanging server must not hold a worker slot other learners' mail needs.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        });
  }

  describe(): string {
    return this.printOnly ? 'printed to the console (SMTP_URL=console)' : `SMTP ${redactUrl(this.env.SMTP_URL)}`;
  }

  /** Resolves once the server accepted the message. */
  async send(to: string, mail: ComposedMail): Promise<void> {
    await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    if (this.printOnly) this.print(to, mail);
  }

  private print(to: string, mail: ComposedMail): void {
    const rule = '-'.repeat(72);
    const headers = Object.entries({ From: this.env.MAIL_FROM, To: to, Subject: mail.subject, ...mail.headers })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    process.stdout.write(`\n${rule}\nEmail (not sent: SMTP_URL=console)\n${headers}\n\n${mail.text}\n${rule}\n`);
    this.logger.log({ to, subject: mail.subject, messageId: mail.messageId }, 'mail printed to the console');
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
