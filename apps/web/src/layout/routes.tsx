import type { Role } from '@shopwire/contracts';
import type { ComponentType } from 'preact';
import { Board } from '../courier/Board';
import { MyDeliveries } from '../courier/MyDeliveries';
import { MyOrders } from '../customer/MyOrders';
import { Shop } from '../customer/Shop';
import { OwnerHome } from '../owner/OwnerHome';

/** A page of a signed-in role: its hash path, its name in the navigation, its component. */
export interface RouteDef {
  path: string;
  label: string;
  component: ComponentType;
}

/**
 * Pages per role; the first is the role's home. A feature adds its pages here (e.g. the owner's
 * import and statistics under `#/owner/...`).
 */
export const ROUTES: Record<Role, RouteDef[]> = {
  customer: [
    { path: '/shop', label: 'Shop', component: Shop },
    { path: '/orders', label: 'My orders', component: MyOrders },
  ],
  courier: [
    { path: '/board', label: 'Board', component: Board },
    { path: '/deliveries', label: 'My deliveries', component: MyDeliveries },
  ],
  owner: [{ path: '/owner', label: 'Overview', component: OwnerHome }],
};

/** Roles with a live (Socket.IO) connection; the realtime app refuses others. */
export const LIVE_ROLES: readonly Role[] = ['customer', 'courier'];
