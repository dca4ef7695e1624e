import { request as httpRequest } from 'node:http';
import type { FuzzRequest } from './fuzz-request.js';
import { REQUEST_TIMEOUT_MS } from './fuzz-settings.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The request body as sent, decoded as UTF-8 (what an error message may echo). */
  sentBody: string;
}

/** Serialises a form the way a browser would: multipart bytes and the content type with boundary. */
async function encodeForm(form: FormData): Promise<{ bytes: Buffer; contentType: string }> {
  const encoded = new Response(form);
  return {
    bytes: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
  };
}

/**
 * Sends a request over a real socket with node:http (fetch would refuse a GET with a body and
 * normalise headers) and rejects when no complete answer arrives within the bound: a hang.
 */
export async function sendRequest(baseUrl: string, fuzz: FuzzRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { ...fuzz.headers };
  let body: Buffer | undefined;
  if (fuzz.body instanceof FormData) {
    const form = await encodeForm(fuzz.body);
    body = form.bytes;
    headers['content-type'] = form.contentType;
  } else if (fuzz.body !== undefined) {
    body = Buffer.from(fuzz.body);
  }
  if (body) headers['content-length'] = String(body.length);
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: fuzz.method, path: fuzz.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            sentBody: body?.toString('utf8') ?? '',
          });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${fuzz.method} ${fuzz.path.slice(0, 200)}`));
    }, REQUEST_TIMEOUT_MS);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
