// A hash router, so the same build works from the server's `/` and from Electron's own protocol.
// The signed-in layout renders the pages' route table.
import { createHashRouter, matchRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';
import { useDatabaseStore } from '../db/current';
import { warmLists } from '../db/listSnapshot';
import { appRoutes, type AppRoute } from './routes';

const pages: RouteObject[] = appRoutes.map((route) => (route.path === '' ? { index: true, element: route.element } : { path: route.path, element: route.element }));

export const router = createHashRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [...pages, { path: '*', element: <NotFound /> }],
  },
]);

const pagePaths: RouteObject[] = appRoutes.map((route) => ({ path: `/${route.path}` }));

/** The page the app opens at: the hash of its address, e.g. `#/members`. */
function openingPage(hash: string): AppRoute | undefined {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const matched = matchRoutes(pagePaths, path)?.[0]?.route;
  return matched ? appRoutes[pagePaths.indexOf(matched)] : undefined;
}

/**
 * Starts loading the code of the page the app opens at, so that it is there when the lock screen
 * opens the data rather than loaded after it.
 */
export function preloadOpeningPage(hash: string): void {
  openingPage(hash)
    ?.preload?.()
    .catch((error: unknown) => console.error('preload page', error));
}

/**
 * Whenever a database opens (the lock screen's unlock, a sign-in), starts opening the snapshots of
 * the lists the page at the address shows (db/listSnapshot.ts), while the layout renders.
 */
export function warmOpeningLists(): void {
  let before = useDatabaseStore.getState().current;
  useDatabaseStore.subscribe(({ current }) => {
    if (current && current !== before) warmLists(current, openingPage(window.location.hash)?.lists ?? []);
    before = current;
  });
}
