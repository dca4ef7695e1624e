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

function isCurrent(claims: AccessTokenClaims, now = Date.now()): boolean {
  return claims.exp * 1000 > now;
}

function restore(): SessionState {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return { session: null, notice: null };
  const claims = readClaims(token);
  if (claims && isCurrent(claims)) return { session: { token, claims }, notice: null };
  sessionStorage.removeItem(STORAGE_KEY);
  return { session: null, notice: claims ? SESSION_EXPIRED : null };
}

export const sessionStore = createStore<SessionState>(restore());

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  const session = sessionStore.get().session;
  if (!session) return;
  // setTimeout's delay is a 32-bit int; a token lives an hour, far below that.
  expiryTimer = setTimeout(() => endSession(SESSION_EXPIRED), session.claims.exp * 1000 - Date.now());
}
scheduleExpiry();

export function startSession(token: string): Session {
  const claims = readClaims(token);
  if (!claims) throw new Error('The sign-in answer was not a valid access token.');
  sessionStorage.setItem(STORAGE_KEY, token);
  const session = { token, claims };
  sessionStore.set({ session, notice: null });
  scheduleExpiry();
  return session;
}

/** Sign out (notice SIGNED_OUT) or drop a session the services refused (notice SESSION_EXPIRED). */
export function endSession(notice: string | null): void {
  clearTimeout(expiryTimer);
  sessionStorage.removeItem(STORAGE_KEY);
  if (sessionStore.get().session || notice) sessionStore.set({ session: null, notice });
}

export function currentToken(): string | null {
  return sessionStore.get().session?.token ?? null;
}

export function roleOf(state: SessionState): Role | null {
  return state.session?.claims.roles ?? null;
}
