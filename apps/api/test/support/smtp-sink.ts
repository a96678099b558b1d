import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Header names in lower case, values as sent (unfolded). */
  headers: Record<string, string>;
}

type Rejection = { code: number; message: string };

/**
 * A real SMTP server in the test process (the `smtp-server` package): it receives what the worker sends and can
 * refuse connections for a while (SMTP down) or refuse one recipient for good (a bounce).
 */
export class SmtpSink {
  readonly mails: CapturedMail[] = [];
  /** Connections refused so far (each failed delivery attempt). */
  refused = 0;
  private refuseConnections = 0;
  private down = false;
  private readonly bouncing = new Set<string>();
  private server!: SMTPServer;
  private port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuse the next `n` connections with 421 (a temporary failure; senders retry). */
  refuseNext(n: number): void {
    this.refuseConnections = n;
  }

  /** While down, every connection is refused with 421. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** Reject this recipient with 550 (a permanent failure). */
  bounce(address: string): void {
    this.bouncing.add(address.toLowerCase());
  }

  to(address: string): CapturedMail[] {
    return this.mails.filter((m) => m.to === address.toLowerCase());
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onConnect: (_session, callback) => {
        if (this.down || this.refuseConnections > 0) {
          if (this.refuseConnections > 0) this.refuseConnections--;
          this.refused++;
          return callback(this.error({ code: 421, message: 'Service not available, try again later' }));
        }
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (this.bouncing.has(address.address.toLowerCase())) {
          return callback(this.error({ code: 550, message: 'No such mailbox' }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines)
              headers[line.key] = line.line
                .slice(line.line.indexOf(':') + 1)
                .replace(/\r?\n\s+/g, ' ')
                .trim();
            this.mails.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              headers,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private error({ code, message }: Rejection): Error {
    return Object.assign(new Error(message), { responseCode: code });
  }
}
