import { useEffect, useRef } from 'preact/hooks';
import { Register } from './auth/Register';
import { forgetCart } from './customer/cart';
import { SignIn } from './auth/SignIn';
import { Header } from './layout/Header';
import { SessionRenewal } from './layout/SessionRenewal';
import { LIVE_ROLES, ROUTES } from './layout/routes';
import { renewLiveToken, startLive, stopLive } from './shared/live';
import { navigate, useRoute } from './shared/router';
import { sessionStore } from './shared/session';
import { useStore } from './shared/store';

export function App() {
  const { session, notice } = useStore(sessionStore);
  const path = useRoute();
  const token = session?.token;
  const role = session?.claims.roles;

  // One live connection per person signed in; a renewed token (same person) keeps it.
  const person = session ? `${role}:${session.claims.sub}` : null;
  const live = Boolean(token && role && LIVE_ROLES.includes(role));
  const liveToken = useRef(token);
  liveToken.current = token;
  useEffect(() => {
    if (!live || !liveToken.current) return;
    startLive(liveToken.current);
    return stopLive;
  }, [person, live]);
  useEffect(() => {
    if (live && token) renewLiveToken(token);
  }, [token]);

  // The next person signing in on this window starts with an empty cart.
  useEffect(() => {
    if (!token) forgetCart();
  }, [token]);

  const routes = role ? ROUTES[role] : null;
  const route = routes?.find((candidate) => path === candidate.path) ?? routes?.[0];
  useEffect(() => {
    if (!session) navigate(path === '/register' ? '/register' : '/sign-in');
    else if (route && route.path !== path) navigate(route.path);
  }, [session, route, path]);

  // A new view (after Register, Sign in, a navigation): focus goes to its heading, so keyboard
  // and screen-reader users start there instead of at <body>. Not on the first load.
  const shown = route ? route.path : path === '/register' ? '/register' : '/sign-in';
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== shown) {
      requestAnimationFrame(() => {
        const heading = document.querySelector<HTMLElement>('main h1');
        if (!heading) return;
        heading.tabIndex = -1;
        heading.focus();
      });
    }
    previous.current = shown;
  }, [shown]);

  useEffect(() => {
    document.title = route
      ? `${route.label} · shopwire`
      : path === '/register'
        ? 'Register · shopwire'
        : 'Sign in · shopwire';
  }, [route, path]);

  if (!session || !routes || !route) {
    return (
      <main id="main" class="auth-main">
        <p class="brand brand-large" aria-hidden="true">
          shop<span>wire</span>
        </p>
        {path === '/register' ? <Register /> : <SignIn notice={notice} />}
      </main>
    );
  }
  const Page = route.component;
  return (
    <>
      {[{ id: 'main', label: 'Skip to content' }, ...(route.skipTo ?? [])].map((target) => (
        <a
          key={target.id}
          class="skip-link"
          href={`#${target.id}`}
          onClick={(event) => {
            event.preventDefault();
            const element = document.getElementById(target.id);
            element?.scrollIntoView({ block: 'start' });
            element?.focus({ preventScroll: true });
          }}
        >
          {target.label}
        </a>
      ))}
      <Header session={session} routes={routes} path={route.path} />
      <main id="main" tabIndex={-1}>
        <Page key={route.path} />
      </main>
      <SessionRenewal session={session} />
    </>
  );
}
