/**
 * Reads the value a contract message template put into a message ("Field email is missing." →
 * "email"), by comparing the message with the template's own text around the value: the
 * wording lives only in `Messages` (@shopwire/contracts), never in a copy or a pattern here.
 */
const SLOT = '\u0000';

/** The text `template` put where its argument goes, or undefined when `message` is another message. */
export function valueIn(message: string, template: (value: never) => string): string | undefined {
  const [before, after, ...more] = (template as (value: string) => string)(SLOT).split(SLOT);
  if (after === undefined || more.length > 0) return undefined;
  if (message.length <= before!.length + after.length) return undefined;
  if (!message.startsWith(before!) || !message.endsWith(after)) return undefined;
  return message.slice(before!.length, message.length - after.length);
}

/** The index or line number (a non-negative integer, as the service writes it) in `message`. */
export function numberIn(message: string, template: (value: number) => string): number | undefined {
  const text = valueIn(message, template as (value: never) => string);
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 && String(value) === text ? value : undefined;
}
