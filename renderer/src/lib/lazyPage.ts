// A page whose code loads when it is first shown, or earlier when asked (preload): the app's one
// script held every page and the libraries they use (3.4 MB), and all of it was parsed before the
// lock screen showed. The page's module loads once; a failed load is tried again next time.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LazyPage {
  Page: ComponentType;
  preload: () => Promise<unknown>;
}

/** `load` imports the page's module and picks its component: `() => import('./X').then((m) => m.XPage)`. */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // Code already loaded (the page the app opened at, preloaded behind the lock screen) renders at
  // once, without suspending the layout's mount; each mounted page keeps the one it started with.
  // A suspending one is made per mount: React's `lazy` keeps a failed load failed for good.
  function Page() {
    const [component] = useState<ComponentType>(() => loaded ?? lazy(() => preload().then((component) => ({ default: component }))));
    return createElement(component);
  }
  return { Page, preload };
}
