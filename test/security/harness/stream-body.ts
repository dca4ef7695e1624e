import { request as httpRequest } from 'node:http';
import { REQUEST_TIMEOUT_MS } from './fuzz-settings.js';

export interface StreamedResponse {
  status: number;
  text: string;
  /** Bytes the client had written when the answer came: far below the total if the server stopped reading. */
  bytesWritten: number;
}

/**
 * POSTs `prefix`, then `filler` repeated up to `totalBytes`, then `suffix`, chunked (no
 * Content-Length, so the server cannot refuse up front) and never held in memory at once.
 */
export function streamBody(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  parts: { prefix: string; filler: string; suffix: string; totalBytes: number },
): Promise<StreamedResponse> {
  const url = new URL(baseUrl);
  const chunk = Buffer.from(parts.filler.repeat(Math.ceil(65_536 / parts.filler.length)));
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path, headers }, (res) => {
      answered = true;
      const atAnswer = written;
      const chunks: Buffer[] = [];
      res.on('data', (data: Buffer) => chunks.push(data));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), bytesWritten: atAnswer });
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`));
    }, REQUEST_TIMEOUT_MS);
    // The server may answer and close mid-upload; that is the point, not an error.
    req.on('error', (error) => (answered ? undefined : (clearTimeout(timer), reject(error))));
    req.write(parts.prefix);
    written = Buffer.byteLength(parts.prefix);
    const pump = () => {
      while (!answered && written < parts.totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end(parts.suffix);
    };
    pump();
  });
}
