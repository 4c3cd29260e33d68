// The side menu, built from the pages' route table (routes.tsx) for the signed-in role.
import type { ReactNode } from 'react';
import type { Role } from '@domain/contract';
import type { AppRoute } from './routes';

export interface MenuEntry {
  /** The route's URL path, e.g. `/compounds`; the key antd's Menu selects. */
  key: string;
  icon: ReactNode;
  /** An i18n key as `namespace:key`. */
  label: string;
}

export function pathOf(route: Pick<AppRoute, 'path'>): string {
  return `/${route.path}`;
}

export function menuEntries(routes: readonly AppRoute[], role: Role): MenuEntry[] {
  return routes.flatMap((route) =>
    route.menu && (!route.menu.roles || route.menu.roles.includes(role)) ? [{ key: pathOf(route), icon: route.menu.icon, label: route.menu.label }] : [],
  );
}

/** The entry a location belongs to: the longest menu path that is a prefix of it. */
export function selectedMenuKey(entries: readonly MenuEntry[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { key } of entries) {
    const matches = key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`);
    if (matches && (best === undefined || key.length > best.length)) best = key;
  }
  return best;
}
