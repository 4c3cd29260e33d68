// Providers: antd in the chosen language (zh_CN first), its message/modal context, the router.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { LockScreen } from './layout/LockScreen';
import { router } from './router';

const theme = { token: { colorPrimary: '#b71c1c', borderRadius: 6 } };

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
        <LockScreen />
      </AntApp>
    </ConfigProvider>
  );
}
