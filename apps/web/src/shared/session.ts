import type { AccessTokenClaims, Role } from '@shopwire/contracts';
import { isRole } from '@shopwire/contracts';
import { createStore } from './store';

export interface Session {
  token: string;
  claims: AccessTokenClaims;
}

export interface SessionState {
  session: Session | null;
  /** Why the user is on the sign-in page (expired session, signed out), if there is a reason. */
  notice: string | null;
}

// sessionStorage: survives a reload but is per window, so a customer and a courier can be
// signed in side by side in two windows of one browser (the README's story).
const STORAGE_KEY = 'shopwire.session';
export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';
export const SIGNED_OUT = 'You have signed out.';

/** The token's claims, or null if it is not a readable access token (the services verify it). */
export function readClaims(token: string): AccessTokenClaims | null {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return typeof claims.sub === 'string' && isRole(claims.roles) && typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
}

/** How long before the token's `exp` the app offers to sign in again. */
export const RENEW_WARNING_MS = 5 * 60_000;

/**
 * Whether the session needs the person's password again: `soon` (the token ends within
 * RENEW_WARNING_MS), `expired` (it ended, or a service refused it). The page stays as it is
 * meanwhile — cart, form fields, the courier's location sharing — and a prompt signs in again
 * in place (`renewSession`).
 */
export type Renewal = 'none' | 'soon' | 'expired';
export const renewalStore = createStore<Renewal>('none');

function restore(): SessionState {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return { session: null, notice: null };
  const claims = readClaims(token);
  // An expired session is kept (the renewal prompt shows at once): a reload loses nothing either.
  if (claims) return { session: { token, claims }, notice: null };
  sessionStorage.removeItem(STORAGE_KEY);
  return { session: null, notice: null };
}

export const sessionStore = createStore<SessionState>(restore());

/** A token that went bad before its `exp` (a service refused it) stays expired until renewed. */
let refusedToken: string | null = null;
let snoozedToken: string | null = null;

function renewalDue(now = Date.now()): Renewal {
  const session = sessionStore.get().session;
  if (!session) return 'none';
  const left = session.claims.exp * 1000 - now;
  if (left <= 0 || refusedToken === session.token) return 'expired';
  if (left <= RENEW_WARNING_MS && snoozedToken !== session.token) return 'soon';
  return 'none';
}

// A once-a-second check rather than two long timers: background tabs throttle and a laptop
// sleeps, and the prompt must be up the moment the person looks again.
setInterval(() => renewalStore.set(renewalDue()), 1000);
renewalStore.set(renewalDue());

export function startSession(token: string): Session {
  const claims = readClaims(token);
  if (!claims) throw new Error('The sign-in answer was not a valid access token.');
  sessionStorage.setItem(STORAGE_KEY, token);
  const session = { token, claims };
  sessionStore.set({ session, notice: null });
  renewalStore.set(renewalDue());
  return session;
}

/**
 * The same person signed in again (the renewal prompt): the new token replaces the old one and
 * nothing else changes. Refuses a token of another account or role.
 */
export function renewSession(token: string): Session {
  const current = sessionStore.get().session;
  const claims = readClaims(token);
  if (
    !current ||
    !claims ||
    claims.sub.toLowerCase() !== current.claims.sub.toLowerCase() ||
    claims.roles !== current.claims.roles
  ) {
    throw new Error('That is not the account of this session.');
  }
  return startSession(token);
}

/** A service refused this token: ask for the password again, keep everything else. */
export function sessionRefused(token: string): void {
  refusedToken = token;
  renewalStore.set(renewalDue());
}

/** "Later" on the early warning: ask again only when the token has expired. */
export function snoozeRenewal(): void {
  snoozedToken = sessionStore.get().session?.token ?? null;
  renewalStore.set(renewalDue());
}

/** Sign out (notice SIGNED_OUT) or drop a session (notice SESSION_EXPIRED). */
export function endSession(notice: string | null): void {
  sessionStorage.removeItem(STORAGE_KEY);
  if (sessionStore.get().session || notice) sessionStore.set({ session: null, notice });
  renewalStore.set('none');
}

export function currentToken(): string | null {
  return sessionStore.get().session?.token ?? null;
}

export function roleOf(state: SessionState): Role | null {
  return state.session?.claims.roles ?? null;
}
