import net from 'node:net';

/**
 * A minimal HTTP/1.1 client on one kept-alive connection: it writes the request and reads the
 * answer by its Content-Length, and nothing else. The client runs in this process, so its own
 * work lands inside the measured time; fetch's (about 1 ms a request here) or node:http's would
 * be counted as the API's. The body is parsed after the clock stops.
 */
export class RawHttpClient {
  private socket: net.Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((error: Error | null) => void) | null = null;

  constructor(
    private readonly port: number,
    private readonly headers: Record<string, string>,
  ) {}

  private async connect(): Promise<net.Socket> {
    if (this.socket) return this.socket;
    const socket = net.connect({ port: this.port, host: '127.0.0.1', noDelay: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.waiting?.(null);
    });
    socket.on('close', () => {
      this.socket = null;
      this.waiting?.(new Error('the server closed the connection'));
    });
    this.socket = socket;
    return socket;
  }

  async get(pathAndQuery: string): Promise<{ status: number; body: Buffer }> {
    const socket = await this.connect();
    const head = Object.entries(this.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.buffered = Buffer.alloc(0);
    socket.write(`GET ${pathAndQuery} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n${head}\r\n`);
    for (;;) {
      const headerEnd = this.buffered.indexOf('\r\n\r\n');
      if (headerEnd >= 0) {
        const headerText = this.buffered.subarray(0, headerEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headerText)?.[1]);
        if (!Number.isFinite(length)) throw new Error(`no content-length in the answer:\n${headerText}`);
        if (this.buffered.length >= headerEnd + 4 + length) {
          const status = Number(headerText.slice(9, 12));
          return { status, body: this.buffered.subarray(headerEnd + 4, headerEnd + 4 + length) };
        }
      }
      await new Promise<void>((resolve, reject) => {
        this.waiting = (error) => {
          this.waiting = null;
          if (error) reject(error);
          else resolve();
        };
      });
    }
  }

  close(): void {
    this.socket?.destroy();
  }
}
