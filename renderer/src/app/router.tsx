// A hash router, so the same build works from the server's `/` and from Electron's own protocol.
// The signed-in layout renders the pages' route table.
import { createHashRouter, type RouteObject } from 'react-router';
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
