/**
 * The file is UTF-8 text (contract §3.1). Invalid bytes become U+FFFD instead of failing, so
 * binary garbage meets the ordinary line checks and gets their 400 — never a 5xx. A leading
 * byte-order mark is dropped as any UTF-8 reader does.
 */
const decoder = new TextDecoder('utf-8', { fatal: false });

export function decodeUpload(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
