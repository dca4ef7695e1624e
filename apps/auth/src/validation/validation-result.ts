/** Outcome of a contract validation function: the typed input, or the contract's first failing message. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const valid = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
export const invalid = <T>(message: string): ValidationResult<T> => ({ ok: false, message });
