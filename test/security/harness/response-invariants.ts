import { Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import type { RawResponse } from './send-request.js';

/**
 * What a leaked stack trace, driver error or SQL statement looks like in a response body. No
 * contract message contains any of these, so even the bare words count.
 */
const LEAK_PATTERNS: Array<[string, RegExp]> = [
  ['stack frame', /\bat /],
  ['SQL keyword', /\b(SELECT|INSERT|UPDATE|DELETE|WHERE)\b/],
  ['driver error code', /\bER_[A-Z_]+/],
  ['module path', /node_modules|\/work\/|\.ts:\d+|\.js:\d+/],
  ['error class name', /\b(TypeError|ReferenceError|RangeError|SyntaxError|QueryFailedError)\b/],
];

/**
 * The 4xx statuses the services may answer: the contract's 400/401, 413 over the body limit,
 * 429 from the auth throttles, 409/422 from Idempotency-Key handling. Anything else (a 415 for
 * an odd Content-Type, a 404 for a known path) is the framework speaking instead of the contract.
 */
const EXPECTED_CLIENT_ERRORS = new Set([400, 401, 409, 413, 422, 429]);

const FIXED_MESSAGES = new Set<unknown>(Object.values(Messages).filter((value) => typeof value === 'string'));

const TEMPLATED_MESSAGES = [
  /^Field (forename|surname|email|password|newPassword|file|requests|street) is missing\.$/,
  /^Incorrect number of values on line (0|[1-9]\d*)\.$/,
  /^Incorrect price on line (0|[1-9]\d*)\.$/,
  /^(Product id is missing|Product quantity is missing) for request number (0|[1-9]\d*)\.$/,
  /^Invalid product (id |quantity )?for request number (0|[1-9]\d*)\.$/,
];

/** `Product <NAME> already exists.` echoes a name the client sent, so it may contain anything. */
const ECHOING_MESSAGE = /^Product ([\s\S]*) already exists\.$/;

/** True when `message` is one of the contract's messages (shared/api/store-api.md). */
export function isContractMessage(message: string): boolean {
  return FIXED_MESSAGES.has(message) || TEMPLATED_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * The problems with an error response, [] when it is clean: a body other than exactly
 * {"message": <contract text>} / 401 {"msg": ...}, or anything that looks like internals.
 * Text the client itself sent (an echoed product name) is not searched for leaks.
 */
export function errorResponseProblems(response: RawResponse): string[] {
  if (response.status < 400) return [];
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`server error ${response.status}`);
  else if (!EXPECTED_CLIENT_ERRORS.has(response.status)) problems.push(`unexpected status ${response.status}`);
  let scanned = response.text;
  if (response.text.length > 0) {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      problems.push('error body is not JSON');
    }
    const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
    const record = body as Record<string, unknown>;
    if (response.status === 401) {
      if (keys.length !== 1 || record.msg !== UNAUTHORIZED_MESSAGE) problems.push('401 body is not the contract body');
    } else if (keys.length !== 1 || typeof record.message !== 'string') {
      problems.push('error body is not exactly {"message"}');
    } else {
      const echoed = ECHOING_MESSAGE.exec(record.message);
      if (echoed && wasSent(echoed[1], response.sentBody)) scanned = '';
      else if (response.status === 400 && !isContractMessage(record.message)) {
        problems.push('400 message is not a contract message');
      }
    }
  } else if (response.status === 400 || response.status === 401) {
    problems.push(`${response.status} without a body`);
  }
  for (const [what, pattern] of LEAK_PATTERNS) if (pattern.test(scanned)) problems.push(`leaks a ${what}`);
  return problems;
}

/** The name occurs in the request, verbatim or CSV-quoted (quotes doubled). */
function wasSent(name: string, sentBody: string): boolean {
  return name.length > 0 && (sentBody.includes(name) || sentBody.includes(name.replaceAll('"', '""')));
}
