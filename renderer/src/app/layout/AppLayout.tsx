// The signed-in layout: side menu from the pages' route table, a header that always shows the
// sync status, the session notices, and the page. It mounts in three pieces, one per task (the
// frame and header, then the menu, then the page), rather than in one long task after sign-in.
import { Flex, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useStagedMount } from '../../lib/useStagedMount';
import { useCurrentUser } from '../../session/useSession';
import { menuEntries, selectedMenuKey } from '../menu';
import { appRoutes } from '../routes';
import { FirstSyncGate } from './FirstSyncGate';
import { NewNeedsBadge } from './NewNeedsBadge';
import { OfflineLoginNotice } from '../login/OfflineLoginNotice';
import { SessionBanner } from './SessionBanner';
import { SyncStatusBar } from './SyncStatusBar';
import { UpdateNotice } from './UpdateNotice';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = useMemo(() => menuEntries(appRoutes, user.role), [user.role]);
  const selected = selectedMenuKey(entries, pathname);
  const shown = useStagedMount(3);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', whiteSpace: collapsed ? 'nowrap' : 'normal', overflow: 'hidden' }}>
          <Typography.Text strong style={{ fontSize: 16, color: '#b71c1c' }}>
            {collapsed ? '社' : t('appName')}
          </Typography.Text>
        </div>
        {shown >= 2 && (
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={entries.map((entry) => ({ key: entry.key, icon: entry.icon, label: t(entry.label) }))}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        )}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            height: 'auto',
            lineHeight: 'normal',
            padding: '10px 24px',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Flex wrap align="center" gap={12}>
            <SyncStatusBar />
            <NewNeedsBadge />
          </Flex>
          <UserMenu />
        </Layout.Header>
        {shown >= 3 && (
          <>
            <SessionBanner />
            <UpdateNotice />
            <OfflineLoginNotice />
            <Layout.Content style={{ padding: 24 }}>
              <FirstSyncGate>
                {/* A page's code loads when first shown (lib/lazyPage.ts). */}
                <Suspense fallback={<PageLoading />}>
                  <Outlet />
                </Suspense>
              </FirstSyncGate>
            </Layout.Content>
          </>
        )}
      </Layout>
    </Layout>
  );
}

function PageLoading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
