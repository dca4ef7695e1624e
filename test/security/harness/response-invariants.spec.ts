import { describe, expect, it } from 'vitest';
import { errorResponseProblems, isContractMessage } from './response-invariants.js';

const response = (status: number, text: string, sentBody = '') => ({ status, headers: {}, text, sentBody });

describe('the fuzz oracle for error responses', () => {
  it.each([
    [200, '{"anything": "at all"}'],
    [400, '{"message":"Field email is missing."}'],
    [400, '{"message":"Invalid product id for request number 12."}'],
    [401, '{"msg":"Missing Authorization Header"}'],
    [413, '{"message":"Request body is too large."}'],
    [429, '{"message":"Too many login attempts."}'],
  ])('accepts %i %s', (status, text) => {
    expect(errorResponseProblems(response(status, text))).toEqual([]);
  });

  it.each([
    [500, '{"message":"Internal server error."}', 'server error 500'],
    [415, '{"message":"Unsupported Media Type"}', 'unexpected status 415'],
    [400, '{"message":"Field email is missing.","statusCode":400}', 'error body is not exactly {"message"}'],
    [400, '{"message":"Bad Request"}', '400 message is not a contract message'],
    [401, '{"message":"Unauthorized"}', '401 body is not the contract body'],
    [400, '', '400 without a body'],
    [400, 'oops', 'error body is not JSON'],
    [413, '{"message":"x\\n    at parse (/app/node_modules/x.js:1:2)"}', 'leaks a stack frame'],
    [409, '{"message":"ER_DUP_ENTRY: Duplicate entry"}', 'leaks a driver error code'],
    [422, '{"message":"INSERT INTO products failed"}', 'leaks a SQL keyword'],
  ])('flags %i %s', (status, text, problem) => {
    expect(errorResponseProblems(response(status, text))).toContain(problem);
  });

  it('does not search a product name the client sent itself', () => {
    const echoed = response(400, '{"message":"Product SELECT * at ER_X already exists."}', 'Fruit,SELECT * at ER_X,1');
    expect(errorResponseProblems(echoed)).toEqual([]);
    expect(errorResponseProblems({ ...echoed, sentBody: 'something else' })).not.toEqual([]);
  });

  it.each([
    ['Incorrect price on line 0.', true],
    ['Incorrect price on line 01.', false],
    ['Invalid product for request number 3.', true],
    ['Field requests is missing.', true],
    ['Field nonsense is missing.', false],
  ])('%j is a contract message: %s', (message, expected) => {
    expect(isContractMessage(message)).toBe(expected);
  });
});
