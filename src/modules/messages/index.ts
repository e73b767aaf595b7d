/** What other modules use from messaging (they never read this module's tables). */

export { messagesModule } from './module.ts';
export { directContextId, type OpenThreadInput, openThread } from './open-thread.ts';
export { MESSAGE_FILE_KIND, type PostMessageInput, postMessage, threadLink } from './post-message.ts';
export { postSystemMessage } from './post-system-message.ts';
export { setThreadReadOnly } from './set-thread-read-only.ts';
export {
  CONTEXT_KINDS,
  type ContextKind,
  getThreadForContext,
  isThreadParticipant,
  type MessageThread,
  THREAD_STATES,
  type ThreadState,
} from './thread.ts';
