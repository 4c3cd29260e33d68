// A hash router, so the same build works from the server's `/` and from Electron's own protocol.
// The signed-in layout renders the pages' route table.
import { createHashRouter, matchRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';
import { appRoutes } from './routes';

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

/**
 * Starts loading the code of the page the app opens at (the hash of its address, e.g. `#/members`),
 * so that it is there when the lock screen opens the data rather than loaded after it.
 */
export function preloadOpeningPage(hash: string): void {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const matched = matchRoutes(pagePaths, path)?.[0]?.route;
  const page = matched ? appRoutes[pagePaths.indexOf(matched)] : undefined;
  page?.preload?.().catch((error: unknown) => console.error('preload page', error));
}
