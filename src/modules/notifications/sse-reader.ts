/** One Server-Sent Event as a browser's EventSource would see it. */
export interface ReceivedEvent {
  event: string;
  data: unknown;
}

/**
 * Opens an SSE stream with fetch and reads it incrementally (test helper): `next()` waits for the
 * next event with a timeout; `none()` asserts nothing arrives within a window.
 */
export async function openEventStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const received: ReceivedEvent[] = [];
  const waiters: (() => void)[] = [];
  let comments = 0;
  let ended = false;

  const pump = async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const lines = block.split('\n');
          if (lines.every((line) => line.startsWith(':'))) comments++;
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event && data !== undefined) received.push({ event, data: JSON.parse(data) });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      for (const wake of waiters.splice(0)) wake();
    }
  };
  const pumping = pump();

  let consumed = 0;
  const waitForChange = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  return {
    status: response.status,
    headers: response.headers,
    get comments() {
      return comments;
    },
    get ended() {
      return ended;
    },
    async next(timeoutMs = 3000): Promise<ReceivedEvent> {
      const deadline = Date.now() + timeoutMs;
      while (consumed >= received.length) {
        const left = deadline - Date.now();
        if (left <= 0 || ended) throw new Error(`no event within ${timeoutMs} ms (ended: ${ended})`);
        await waitForChange(left);
      }
      return received[consumed++] as ReceivedEvent;
    },
    /** Resolves to the events that arrived within `ms` (expected to be none). */
    async drain(ms: number): Promise<ReceivedEvent[]> {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const rest = received.slice(consumed);
      consumed = received.length;
      return rest;
    },
    async close() {
      abort.abort();
      await pumping;
    },
  };
}
