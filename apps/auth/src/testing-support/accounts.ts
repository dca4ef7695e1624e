import { randomUUID } from 'node:crypto';
import type { HttpClient, RequestOptions, TestResponse } from '@shopwire/testing';
import { expect } from 'vitest';

export interface TestAccount {
  forename: string;
  surname: string;
  email: string;
  password: string;
}

/** A valid registration body with an email no other test uses. */
export function newAccount(overrides: Partial<TestAccount> = {}): TestAccount {
  return {
    forename: 'Ana',
    surname: 'Petrovic',
    email: `user-${randomUUID().slice(0, 12)}@example.org`,
    password: 's3cretPass',
    ...overrides,
  };
}

export type RegistrationPath = '/register_customer' | '/register_courier';

/** Registers the account and asserts the contract's success: 200, empty body. */
export async function register(
  client: HttpClient,
  account: TestAccount,
  path: RegistrationPath = '/register_customer',
  options: RequestOptions = {},
): Promise<void> {
  const response = await client.post(path, account, options);
  expect(response.status, response.text).toBe(200);
  expect(response.text).toBe('');
}

export function login(client: HttpClient, email: string, password: string, options: RequestOptions = {}) {
  return client.post('/login', { email, password }, options);
}

/** Logs in and returns the access token, asserting success. */
export async function accessTokenFor(client: HttpClient, email: string, password: string): Promise<string> {
  const response = await login(client, email, password);
  expect(response.status, response.text).toBe(200);
  return response.body.accessToken as string;
}

/** Asserts a contract error: the status and exactly {"message": message}. */
export function expectMessage(response: TestResponse, status: number, message: string): void {
  expect({ status: response.status, body: response.body }).toEqual({ status, body: { message } });
}

/** A client address as seen through a trusted proxy (the app must run with TRUST_PROXY=true). */
export const fromClient = (ip: string): RequestOptions => ({ headers: { 'x-forwarded-for': ip } });
