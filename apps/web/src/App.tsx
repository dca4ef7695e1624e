import { useEffect } from 'preact/hooks';
import { Register } from './auth/Register';
import { forgetCart } from './customer/cart';
import { SignIn } from './auth/SignIn';
import { Header } from './layout/Header';
import { LIVE_ROLES, ROUTES } from './layout/routes';
import { startLive, stopLive } from './shared/live';
import { navigate, useRoute } from './shared/router';
import { sessionStore } from './shared/session';
import { useStore } from './shared/store';

export function App() {
  const { session, notice } = useStore(sessionStore);
  const path = useRoute();
  const token = session?.token;
  const role = session?.claims.roles;

  useEffect(() => {
    if (!token || !role || !LIVE_ROLES.includes(role)) return;
    startLive(token);
    return stopLive;
  }, [token, role]);

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
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <Header session={session} routes={routes} path={route.path} />
      <main id="main" tabIndex={-1}>
        <Page key={route.path} />
      </main>
    </>
  );
}
