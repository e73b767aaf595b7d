import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config.ts';
import type { OutboxRow } from './present.ts';

export interface Mailer {
  send(email: OutboxRow): Promise<void>;
  close(): void;
}

/** An SMTP mailer for SMTP_URL, with timeouts short enough that one dead server cannot stall the scheduler. */
export function smtpMailer(config: Config & { SMTP_URL: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = new URL(config.publicUrl).hostname || 'workroom.local';
  return {
    async send(email) {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        // The same id on every attempt lets mail clients drop a duplicate if a send was repeated.
        messageId: `<${email.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}

/** A 5xx SMTP reply (unknown mailbox, refused content) will not succeed on a later try. */
export function isPermanentFailure(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/** The server itself is unreachable or refused us: every other message in the batch would fail the same way. */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS', 'EPROTOCOL'].includes(code)
  );
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
