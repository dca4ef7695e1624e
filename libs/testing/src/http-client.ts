/** What a test needs from a response: status, parsed JSON (or null), raw text, headers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies by shape; each assertion checks it
export interface TestResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body, text, headers: response.headers };
}

function headersFor(options: RequestOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
}

/** A tiny client over real HTTP (global fetch) for e2e tests. */
export function httpClient(baseUrl: string) {
  return {
    async get(path: string, options: RequestOptions = {}): Promise<TestResponse> {
      return toTestResponse(await fetch(baseUrl + path, { headers: headersFor(options) }));
    },
    /** POST a JSON value; pass a string to send raw text as the body. */
    async post(path: string, body?: unknown, options: RequestOptions = {}): Promise<TestResponse> {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      return toTestResponse(
        await fetch(baseUrl + path, {
          method: 'POST',
          headers: headersFor(options, payload === undefined ? {} : { 'content-type': 'application/json' }),
          body: payload,
        }),
      );
    },
    async postForm(path: string, form: FormData, options: RequestOptions = {}): Promise<TestResponse> {
      return toTestResponse(await fetch(baseUrl + path, { method: 'POST', headers: headersFor(options), body: form }));
    },
  };
}

export type HttpClient = ReturnType<typeof httpClient>;
