import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Argon2id with the OWASP baseline (m = 19 MiB, t = 2, p = 1); the choice and its measured
 * cost are recorded in docs/adr/0002-password-hashing.md. `algorithm: 2` is Argon2id (the
 * package's `Algorithm` is a const enum, which isolated-module builds cannot import).
 */
export const ARGON2ID_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes and verifies passwords; runs off the event loop (libuv pool). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: Promise<string>;

  /** Makes the dummy hash before the first request, so even the first unknown email costs one hash. */
  onModuleInit(): void {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID_OPTIONS);
  }

  /** False for a wrong password or an unreadable stored hash; never throws on bad input. */
  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same work as a real verification and returns false: used when no account has the
   * email, so response timing does not reveal which emails are registered.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
