// Providers: antd in the chosen language (zh_CN first), its message/modal context, the router.
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
// antd's component styles, prebuilt: generating them at run time (CSS-in-JS) took ~100 ms of the
// one blocking task that mounted the signed-in layout (tests/bench/app.bench.ts, long tasks).
import 'antd/dist/antd.css';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { LockScreen } from './layout/LockScreen';
import { router } from './router';

/**
 * zeroRuntime: components read the prebuilt stylesheet; the tokens below still reach it as CSS
 * variables under a fixed key (the stylesheet's own example keys come from antd's build and must
 * not match ours, or its default colours would apply).
 */
export const theme: ThemeConfig = { token: { colorPrimary: '#b71c1c', borderRadius: 6 }, zeroRuntime: true, cssVar: { key: 'cg-theme' } };

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function onReducedMotionChange(notify: () => void): () => void {
  const query = matchMedia(REDUCED_MOTION);
  query.addEventListener('change', notify);
  return () => query.removeEventListener('change', notify);
}

const prefersReducedMotion = () => matchMedia(REDUCED_MOTION).matches;

export function App() {
  const { i18n } = useTranslation();
  // The system's "reduce motion" (Windows: 显示动画 off) turns antd's animations off: dialogs and
  // menus open at once, in place, rather than growing from a point while they take clicks.
  const reducedMotion = useSyncExternalStore(onReducedMotionChange, prefersReducedMotion);
  const shownTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={shownTheme}>
      <AntApp>
        <RouterProvider router={router} />
        <LockScreen />
      </AntApp>
    </ConfigProvider>
  );
}
