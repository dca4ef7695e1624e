import { ContractError } from '@shopwire/contracts';

/** 429 {"message"} with the Retry-After header (contract §8). */
export class TooManyRequestsError extends ContractError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 429, { 'Retry-After': String(retryAfterSeconds) });
  }
}
