// Test bodies are asserted field by field; typing them all would only restate the zod schemas.
// biome-ignore lint/suspicious/noExplicitAny: test-only convenience, see above
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

type Body = unknown;

/**
 * A tiny HTTP client for integration tests: keeps cookies like a browser, sends our Origin
 * (so CSRF checks pass as they would for the web app) and parses JSON answers.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  /** Sends `Authorization: Bearer` on every request (scripts, the hourly tracker). */
  withToken(token: string): this {
    this.headers.authorization = `Bearer ${token}`;
    return this;
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  clearCookies(): void {
    this.cookies.clear();
  }

  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  post<T = any>(path: string, body?: Body, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  put<T = any>(path: string, body?: Body, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  patch<T = any>(path: string, body?: Body, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  // biome-ignore lint/suspicious/noExplicitAny: test-only convenience
  async request<T = any>(
    method: string,
    path: string,
    body?: Body,
    extraHeaders: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...this.headers, ...extraHeaders };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.storeCookie(line);
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  private storeCookie(line: string) {
    const [pair = '', ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', val = ''] = attribute.trim().split('=');
      if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
      if (key.toLowerCase() === 'expires') return new Date(val).getTime() < Date.now();
      return false;
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
