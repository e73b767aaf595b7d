import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { recordContractMessage } from '../contract-record/record-contract-message.ts';
import { attachFile } from '../files/index.ts';
import { notify } from '../notifications/notify.ts';
import { readOnlyRefusal, threadForParticipant } from './access.ts';
import { appendMessage } from './append-message.ts';
import { MAX_ATTACHMENTS, previewOf, requireMessageText } from './message-text.ts';
import { type MessageView, viewMessages } from './message-views.ts';
import { advanceReadPosition } from './read-position.ts';
import { messageAttachments, threadParticipants } from './tables.ts';
import { findThreadRow } from './thread.ts';

/** The upload `purpose` (and file owner kind) of message attachments. */
export const MESSAGE_FILE_KIND = 'message';

/** Where the web app shows a thread; notifications link there. */
export const threadLink = (threadId: string) => `/messages/${threadId}`;

export interface PostMessageInput {
  threadId: string;
  text: string;
  /** The sender's own uploads with purpose "message", in the order shown. */
  fileIds?: string[];
}

function checkFileIds(fileIds: string[]): string[] {
  if (fileIds.length > MAX_ATTACHMENTS) {
    throw invalidField('fileIds', `Attach at most ${MAX_ATTACHMENTS} files to one message.`);
  }
  const seen = new Set<string>();
  fileIds.forEach((id, index) => {
    if (seen.has(id)) throw invalidField(`fileIds.${index}`, 'This file is attached twice.');
    seen.add(id);
  });
  return fileIds;
}

/**
 * Tells the other participants in the bell, once per unread stretch: someone already notified of
 * this thread and who has not read it since is not notified again for each new message.
 */
async function notifyRecipients(tx: Tx, clock: Clock, input: { threadId: string; senderId: string; text: string }) {
  const recipients = await tx
    .update(threadParticipants)
    .set({ notificationPending: true })
    .where(
      and(
        eq(threadParticipants.threadId, input.threadId),
        ne(threadParticipants.userId, input.senderId),
        eq(threadParticipants.notificationPending, false),
      ),
    )
    .returning({ userId: threadParticipants.userId });
  if (recipients.length === 0) return;
  const sender = (await getPublicUsers(tx, [input.senderId])).get(input.senderId);
  for (const { userId } of recipients) {
    await notify(tx, clock, {
      userId,
      kind: 'message.received',
      title: `New message from ${sender?.displayName ?? 'a participant'}`,
      body: previewOf(input.text, 200),
      link: threadLink(input.threadId),
    });
  }
}

/** A participant posts a message (with attachments) into an open thread; it can never be edited. */
export async function postMessage(ctx: Ctx, input: PostMessageInput): Promise<MessageView> {
  const actor = requireActor(ctx);
  const text = requireMessageText(input.text);
  const fileIds = checkFileIds(input.fileIds ?? []);
  return ctx.tx(async (tx) => {
    const { thread } = await threadForParticipant(tx, actor, input.threadId);
    const now = ctx.clock.now();
    const message = await appendMessage(tx, now, {
      threadId: thread.id,
      kind: 'user',
      senderId: actor.userId,
      text,
      requireOpen: true,
    });
    if (!message) throw readOnlyRefusal((await findThreadRow(tx, thread.id)) ?? thread);
    for (const [position, fileId] of fileIds.entries()) {
      await attachFile(tx, {
        fileId,
        ownerKind: MESSAGE_FILE_KIND,
        ownerId: message.id,
        uploadedBy: actor.userId,
        field: `fileIds.${position}`,
      });
      await tx.insert(messageAttachments).values({ messageId: message.id, fileId, position });
    }
    // A contract's conversation is part of its official record (issue 5).
    if (thread.contextKind === 'contract') {
      await recordContractMessage(tx, ctx.clock, {
        contractId: thread.contextId,
        threadId: thread.id,
        messageId: message.id,
        senderId: actor.userId,
        text: message.text,
        fileIds,
        at: now,
      });
    }
    // Replying means having read the conversation up to here.
    await advanceReadPosition(tx, now, { threadId: thread.id, userId: actor.userId, message });
    await notifyRecipients(tx, ctx.clock, { threadId: thread.id, senderId: actor.userId, text });
    const [view] = await viewMessages(tx, thread.id, [message]);
    if (!view) throw new Error('posted message has no view');
    return view;
  });
}
