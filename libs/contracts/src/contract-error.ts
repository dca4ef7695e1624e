/**
 * A domain/business error with the contract's status and exact message. Services throw these;
 * the one exception filter turns them into `{"message": ...}` bodies.
 */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    message: string,
    readonly status: number = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 {"message"} — validation and business rule failures. */
export class BadRequestError extends ContractError {
  constructor(message: string) {
    super(message, 400);
  }
}
