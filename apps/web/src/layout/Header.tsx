import type { Session } from '../shared/session';
import { endSession, SIGNED_OUT } from '../shared/session';
import { NotificationsToggle } from '../push/NotificationsToggle';
import { useOrderFromNotification } from '../push/use-order-from-notification';
import { ConnectionBadge } from './ConnectionBadge';
import { LIVE_ROLES, type RouteDef } from './routes';

const ROLE_NAMES = { customer: 'Customer', courier: 'Courier', owner: 'Owner' } as const;

export function Header({ session, routes, path }: { session: Session; routes: RouteDef[]; path: string }) {
  const { claims } = session;
  useOrderFromNotification();
  return (
    <header class="app-header">
      <div class="bar">
        <a class="brand" href={`#${routes[0].path}`}>
          shop<span>wire</span>
        </a>
        <div class="who">
          {LIVE_ROLES.includes(claims.roles) && <ConnectionBadge />}
          {claims.roles !== 'owner' && <NotificationsToggle role={claims.roles} />}
          <span class="account" title={claims.sub}>
            <span class="visually-hidden">Signed in as </span>
            {claims.forename} · {ROLE_NAMES[claims.roles]}
          </span>
          <button type="button" class="link-button" onClick={() => endSession(SIGNED_OUT)}>
            Sign out
          </button>
        </div>
      </div>
      <nav aria-label="Main">
        <ul>
          {routes.map((route) => (
            <li key={route.path}>
              <a href={`#${route.path}`} aria-current={path === route.path ? 'page' : undefined}>
                {route.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
