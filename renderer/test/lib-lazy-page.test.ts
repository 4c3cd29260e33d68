import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../src/lib/lazyPage';

const Page = () => createElement('p', null, 'members');

describe('a page loaded on demand', () => {
  it('loads its code once, however often it is asked for', async () => {
    const load = vi.fn(() => Promise.resolve(Page));
    const page = lazyPage(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([page.preload(), page.preload()]);
    await page.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await expect(page.preload()).resolves.toBe(Page);
  });

  it('tries again after a failed load (a dropped connection is not the end of the page)', async () => {
    const load = vi.fn<() => Promise<typeof Page>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Page);
    const page = lazyPage(load);
    await expect(page.preload()).rejects.toThrow('offline');
    await expect(page.preload()).resolves.toBe(Page);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('renders at once once its code is loaded, without suspending the layout that shows it', async () => {
    const page = lazyPage(() => Promise.resolve(Page));
    await page.preload();
    expect(renderToString(createElement(page.Page))).toBe('<p>members</p>');
  });
});
