import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { MINUTE } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { deliverDueEmails, MAX_EMAIL_ATTEMPTS } from './deliver-emails.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { emailOutbox } from './tables.ts';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server (no TLS, no auth) that keeps what it receives. */
async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith('nobody@')) return callback();
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Workroom <mail@workroom.test>' });
  // Exact times: the backoff is asserted to the millisecond.
  t.clock.freeze();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function queue(to: string, subject: string, text: string): Promise<string> {
  const { id } = await inTransaction(t.services.db, (tx) =>
    enqueueEmail(tx, t.services.clock, { to, subject, text, kind: 'test.mail' }),
  );
  return id;
}

async function outboxRow(id: string) {
  const [row] = await t.services.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

describe('email delivery over SMTP', () => {
  test('a queued email reaches the SMTP server and is marked sent', async () => {
    const id = await queue('ada@example.test', 'Reset your password', 'Open this link to choose a new password.');
    const report = await deliverDueEmails(t.services);
    expect(report).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(['ada@example.test']);
    expect(mail?.from).toBe('mail@workroom.test');
    expect(mail?.raw).toContain('Subject: Reset your password');
    expect(mail?.raw).toContain('Open this link to choose a new password.');
    expect(mail?.raw).toContain(`Message-ID: <${id}@`);

    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedAt: null });
    expect(row.sentAt).toEqual(t.clock.now());

    // Running again sends nothing twice.
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.received.filter((m) => m.raw.includes(`<${id}@`))).toHaveLength(1);
  });

  test('an email queued in a rolled-back transaction is never sent', async () => {
    const before = smtp.received.length;
    await inTransaction(t.services.db, async (tx) => {
      await enqueueEmail(tx, t.services.clock, { to: 'x@example.test', subject: 'No', text: 'No', kind: 'test.mail' });
      throw new Error('rollback');
    }).catch(() => {});
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 0 });
    expect(smtp.received.length).toBe(before);
  });

  test('two delivery runs at once never send the same email twice', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => queue(`p${i}@example.test`, `Parallel ${i}`, 'Hi')));
    const reports = await Promise.all([deliverDueEmails(t.services), deliverDueEmails(t.services)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    for (const id of ids) expect(smtp.received.filter((m) => m.raw.includes(`<${id}@`))).toHaveLength(1);
  });

  test('when the SMTP server is down the email waits with backoff and is sent once it is back', async () => {
    const port = smtp.port;
    await smtp.close();
    const id = await queue('grace@example.test', 'Your contract started', 'Good luck with the work.');

    const down = await deliverDueEmails(t.services);
    expect(down).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    let row = await outboxRow(id);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + MINUTE);

    // Not due yet: nothing is tried before the backoff ends.
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 0 });
    t.clock.advance(MINUTE);
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 1, retrying: 1 });
    row = await outboxRow(id);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 2 * MINUTE);

    smtp = await startSmtpServer(port);
    t.clock.advance(2 * MINUTE);
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 1, sent: 1 });
    expect((await outboxRow(id)).status).toBe('sent');
    expect(smtp.received.at(-1)?.raw).toContain('Good luck with the work.');
  });

  test(`an email that keeps failing is marked failed after ${MAX_EMAIL_ATTEMPTS} attempts, and kept`, async () => {
    const port = smtp.port;
    await smtp.close();
    try {
      const id = await queue('lost@example.test', 'Never arrives', 'Sorry.');
      for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
        await deliverDueEmails(t.services);
        t.clock.advance(5 * 60 * MINUTE);
      }
      const row = await outboxRow(id);
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS });
      expect(row.lastError).toBeTruthy();
      expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 0 });
    } finally {
      smtp = await startSmtpServer(port);
    }
  });

  test('a mailbox the server refuses permanently (5xx) is marked failed at once', async () => {
    const id = await queue('nobody@example.test', 'Bounces', 'Nobody reads this.');
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 1, failed: 1 });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('No such mailbox');
  });

  test('an email left in "sending" by a crashed run is taken over after 10 minutes', async () => {
    const id = await queue('crash@example.test', 'After a crash', 'Still delivered.');
    // What a run that died between claiming and sending leaves behind.
    await t.services.db
      .update(emailOutbox)
      .set({ status: 'sending', claimedAt: t.clock.now(), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(eq(emailOutbox.id, id));
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 0 });
    t.clock.advance(11 * MINUTE);
    expect(await deliverDueEmails(t.services)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
