// INTERFACE (agreed between the app shell and the feature pages): the pages the signed-in layout
// shows, and the menu entries that lead to them. The feature pages fill this table; the shell
// (App, Layout) renders it and builds its menu from it.
import type { ReactNode } from 'react';
import type { Role } from '@domain/contract';

export interface AppRoute {
  /** A react-router path under the signed-in layout, e.g. `compounds/:id`; `''` is the index page. */
  path: string;
  element: ReactNode;
  /** Shown in the side menu when present: `label` is an i18n key as `namespace:key`. */
  menu?: { icon: ReactNode; label: string; roles?: readonly Role[] };
}

export const appRoutes: AppRoute[] = [];
