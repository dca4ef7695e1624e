/** Money, times and ages as a person reads them, in the browser's locale. */
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatMoney(amount: number): string {
  return money.format(amount);
}

const exactMoney = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 20 });

/**
 * An amount the service summed exactly (a price, revenue), with every decimal it has: €0.125
 * stays €0.125 where `formatMoney` would round it; at least cents, like every amount.
 */
export function formatExactMoney(amount: number): string {
  return exactMoney.format(amount);
}

/** "14:05" today, "1 Dec 2026, 14:05" on another day. */
export function formatTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? time.format(at) : dateTime.format(at);
}

/** "just now", "4 min ago", "2 h ago", "3 days ago". */
export function formatAge(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function isToday(iso: string, now = new Date()): boolean {
  return new Date(iso).toDateString() === now.toDateString();
}

/** Sum of unit price × quantity, rounded to cents (floating-point error never shows). */
export function lineTotal(lines: readonly { price: number; quantity: number }[]): number {
  return Math.round(lines.reduce((sum, line) => sum + line.price * line.quantity, 0) * 100) / 100;
}
