import type { Readable } from 'node:stream';
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** The field name contract §3.1 reads the CSV from. */
export const FILE_FIELD = 'file';

/**
 * The bytes of the first file part named `file`, or null when the request has none (not
 * multipart, an empty form, only other parts, or a multipart body too broken to hold one).
 * Called from the handler, i.e. after the role guard: a refused request is never read.
 * Over the upload limit the plugin's 413 error propagates.
 */
export async function readUploadedFile(request: FastifyRequest): Promise<Buffer | null> {
  if (!request.isMultipart()) return null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname === FILE_FIELD) return await part.toBuffer();
      await drain(part.file);
    }
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 413) throw error;
    return null;
  }
  return null;
}

/** Parts are delivered one after the other: a skipped file must be read through to reach the next. */
async function drain(stream: Readable): Promise<void> {
  for await (const chunk of stream) void chunk;
}
