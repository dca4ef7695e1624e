import { UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';

/** Any guard failure: the contract answers 401 {"msg": "Missing Authorization Header"}. */
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  constructor() {
    super(UNAUTHORIZED_MESSAGE);
  }
}
