import { createHash } from 'node:crypto';

/**
 * SHA-256 of the body's canonical JSON (object keys sorted at every depth), so a repeat with the
 * same content matches whatever its key order or whitespace.
 */
export function requestFingerprint(body: unknown): Buffer {
  return createHash('sha256').update(canonicalJson(body)).digest();
}

/** Text emitted as is, as opposed to a value still to be serialised. */
class Literal {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every depth. Iterative on purpose: a body nested 100k levels
 * deep is valid JSON well under the body limit, and recursion would overflow the stack (a 500).
 */
export function canonicalJson(root: unknown): string {
  const out: string[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof Literal) {
      out.push(value.text);
    } else if (Array.isArray(value)) {
      pending.push(new Literal(']'));
      for (let i = value.length - 1; i >= 0; i--) {
        pending.push(value[i]);
        if (i > 0) pending.push(new Literal(','));
      }
      pending.push(new Literal('['));
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value).sort();
      pending.push(new Literal('}'));
      for (let i = keys.length - 1; i >= 0; i--) {
        pending.push((value as Record<string, unknown>)[keys[i]], new Literal(`${JSON.stringify(keys[i])}:`));
        if (i > 0) pending.push(new Literal(','));
      }
      pending.push(new Literal('{'));
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}
