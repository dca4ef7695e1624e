import type { Role } from '@shopwire/contracts';
import type { ComponentType } from 'preact';
import { Board } from '../courier/Board';
import { MyDeliveries } from '../courier/MyDeliveries';
import { MyOrders } from '../customer/MyOrders';
import { Shop } from '../customer/Shop';
import { ImportCatalogue } from '../owner/ImportCatalogue';
import { OwnerOrders } from '../owner/OwnerOrders';
import { OwnerProducts } from '../owner/OwnerProducts';
import { StatisticsDashboard } from '../owner/StatisticsDashboard';

/** A page of a signed-in role: its hash path, its name in the navigation, its component. */
export interface RouteDef {
  path: string;
  label: string;
  component: ComponentType;
  /** Further skip links (after "Skip to content"): the id of the element each one focuses. */
  skipTo?: { id: string; label: string }[];
}

/**
 * Pages per role; the first is the role's home. A feature adds its pages here (e.g. the owner's
 * import and statistics under `#/owner/...`).
 */
export const ROUTES: Record<Role, RouteDef[]> = {
  customer: [
    { path: '/shop', label: 'Shop', component: Shop, skipTo: [{ id: 'cart-title', label: 'Skip to cart' }] },
    { path: '/orders', label: 'My orders', component: MyOrders },
  ],
  courier: [
    { path: '/board', label: 'Board', component: Board },
    { path: '/deliveries', label: 'My deliveries', component: MyDeliveries },
  ],
  owner: [
    { path: '/owner', label: 'Statistics', component: StatisticsDashboard },
    { path: '/owner/orders', label: 'Orders', component: OwnerOrders },
    { path: '/owner/products', label: 'Products', component: OwnerProducts },
    { path: '/owner/import', label: 'Import products', component: ImportCatalogue },
  ],
};

/** Roles with a live (Socket.IO) connection: all three (owners get statistics signals). */
export const LIVE_ROLES: readonly Role[] = ['customer', 'courier', 'owner'];
