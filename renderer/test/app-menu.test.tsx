import { describe, expect, it } from 'vitest';
import type { AppRoute } from '../src/app/routes';
import { menuEntries, selectedMenuKey } from '../src/app/menu';

const routes: AppRoute[] = [
  { path: '', element: null, menu: { icon: null, label: 'home:menu' } },
  { path: 'compounds', element: null, menu: { icon: null, label: 'compounds:menu' } },
  { path: 'compounds/:id', element: null },
  { path: 'members', element: null, menu: { icon: null, label: 'members:menu', roles: ['street_admin', 'community_staff'] } },
];

describe('side menu', () => {
  it('lists the routes with a menu entry that the role may see', () => {
    expect(menuEntries(routes, 'community_staff').map((entry) => entry.key)).toEqual(['/', '/compounds', '/members']);
    expect(menuEntries(routes, 'department_liaison').map((entry) => entry.key)).toEqual(['/', '/compounds']);
  });

  it('selects the entry a page belongs to', () => {
    const entries = menuEntries(routes, 'street_admin');
    expect(selectedMenuKey(entries, '/compounds/abc')).toBe('/compounds');
    expect(selectedMenuKey(entries, '/')).toBe('/');
    expect(selectedMenuKey(entries, '/members')).toBe('/members');
    expect(selectedMenuKey(entries, '/compoundsX')).toBeUndefined();
  });
});
