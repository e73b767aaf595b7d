import type { ParticipantView, ThreadDetail } from './get-thread.ts';
import type { ThreadListItem } from './list-threads.ts';
import type { MessageView } from './message-views.ts';

export function presentMessage(message: MessageView) {
  return {
    id: message.id,
    threadId: message.threadId,
    kind: message.kind,
    sender: message.sender,
    text: message.text,
    attachments: message.attachments,
    createdAt: message.createdAt.toISOString(),
    readBy: message.readBy.map((reader) => ({ userId: reader.userId, readAt: reader.readAt.toISOString() })),
  };
}

export function presentParticipant(participant: ParticipantView) {
  return {
    userId: participant.userId,
    name: participant.name,
    role: participant.role,
    lastReadMessageId: participant.lastReadMessageId,
    lastReadAt: participant.lastReadAt?.toISOString() ?? null,
  };
}

export function presentThread(thread: ThreadDetail) {
  return {
    id: thread.id,
    contextKind: thread.contextKind,
    contextId: thread.contextId,
    subject: thread.subject,
    state: thread.state,
    readOnlyReason: thread.readOnlyReason,
    createdAt: thread.createdAt.toISOString(),
    lastActivityAt: thread.lastActivityAt.toISOString(),
    participants: thread.participants.map(presentParticipant),
    canPost: thread.canPost,
    unreadCount: thread.unreadCount,
  };
}

export function presentThreadListItem(item: ThreadListItem) {
  return {
    id: item.id,
    contextKind: item.contextKind,
    contextId: item.contextId,
    subject: item.subject,
    state: item.state,
    lastActivityAt: item.lastActivityAt.toISOString(),
    others: item.others,
    lastMessage: item.lastMessage && { ...item.lastMessage, createdAt: item.lastMessage.createdAt.toISOString() },
    unreadCount: item.unreadCount,
  };
}
