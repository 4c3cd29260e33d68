// INTERFACE (agreed between the app shell and the feature pages): the pages the signed-in layout
// shows, and the menu entries that lead to them. The feature pages fill this table; the shell
// (App, Layout) renders it and builds its menu from it.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  BorderInnerOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  MergeCellsOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
  UploadOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Role } from '@domain/contract';
import { IdcardOutlined, LaptopOutlined, RestOutlined } from '@ant-design/icons';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { DevicesPage } from '../features/accounts/DevicesPage';
import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { AssessmentPage } from '../features/assessment/AssessmentPage';
import { CommunitiesPage } from '../features/communities/CommunitiesPage';
import { CompoundDetailPage } from '../features/compounds/CompoundDetailPage';
import { CompoundsPage } from '../features/compounds/CompoundsPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { FundsPage } from '../features/funds/FundsPage';
import { GridDetailPage } from '../features/grids/GridDetailPage';
import { GridsPage } from '../features/grids/GridsPage';
import { HomePage } from '../features/home/HomePage';
import { MemberEditPage } from '../features/members/MemberEditPage';
import { MembersPage } from '../features/members/MembersPage';
import { NeedDetailPage } from '../features/needs/NeedDetailPage';
import { NeedsPage } from '../features/needs/NeedsPage';
import { OrgsPage } from '../features/orgs/OrgsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { RosterImportPage } from '../features/roster/RosterImportPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TrashPage } from '../features/trash/TrashPage';
import { UnitDetailPage } from '../features/units/UnitDetailPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { VenuesPage } from '../features/venues/VenuesPage';

export interface AppRoute {
  /** A react-router path under the signed-in layout, e.g. `compounds/:id`; `''` is the index page. */
  path: string;
  element: ReactNode;
  /** Shown in the side menu when present: `label` is an i18n key as `namespace:key`. */
  menu?: { icon: ReactNode; label: string; roles?: readonly Role[] };
}

// Liaisons read only their paired compounds and those compounds' needs: no members.
const staffRoles: readonly Role[] = ['street_admin', 'community_staff'];

export const appRoutes: AppRoute[] = [
  { path: '', element: <HomePage />, menu: { icon: <DashboardOutlined />, label: 'home:menu' } },
  { path: 'communities', element: <CommunitiesPage />, menu: { icon: <ApartmentOutlined />, label: 'communities:menu' } },
  { path: 'compounds', element: <CompoundsPage />, menu: { icon: <HomeOutlined />, label: 'compounds:menu' } },
  { path: 'compounds/:id', element: <CompoundDetailPage /> },
  { path: 'needs', element: <NeedsPage />, menu: { icon: <ProfileOutlined />, label: 'needs:menu' } },
  { path: 'needs/:id', element: <NeedDetailPage /> },
  { path: 'members', element: <MembersPage />, menu: { icon: <TeamOutlined />, label: 'members:menu', roles: staffRoles } },
  { path: 'members/new', element: <MemberEditPage /> },
  { path: 'members/:id', element: <MemberEditPage /> },
  { path: 'grids', element: <GridsPage />, menu: { icon: <BorderInnerOutlined />, label: 'grids:menu', roles: staffRoles } },
  { path: 'grids/:id', element: <GridDetailPage /> },
  { path: 'orgs', element: <OrgsPage />, menu: { icon: <ClusterOutlined />, label: 'orgs:menu', roles: staffRoles } },
  { path: 'units', element: <UnitsPage />, menu: { icon: <BankOutlined />, label: 'units:menu', roles: staffRoles } },
  { path: 'units/:id', element: <UnitDetailPage /> },
  { path: 'venues', element: <VenuesPage />, menu: { icon: <ShopOutlined />, label: 'venues:menu', roles: staffRoles } },
  { path: 'activities', element: <ActivitiesPage />, menu: { icon: <CalendarOutlined />, label: 'activities:menu', roles: staffRoles } },
  { path: 'funds', element: <FundsPage />, menu: { icon: <WalletOutlined />, label: 'funds:menu', roles: staffRoles } },
  // Departments give their own sheets on the street and its communities.
  { path: 'assessment', element: <AssessmentPage />, menu: { icon: <StarOutlined />, label: 'assessment:menu' } },
  { path: 'reports', element: <ReportsPage />, menu: { icon: <FileTextOutlined />, label: 'reports:menu', roles: staffRoles } },
  { path: 'import', element: <RosterImportPage />, menu: { icon: <UploadOutlined />, label: 'roster:menu', roles: staffRoles } },
  { path: 'duplicates', element: <DuplicatesPage />, menu: { icon: <MergeCellsOutlined />, label: 'duplicates:menu', roles: staffRoles } },
  { path: 'settings', element: <SettingsPage />, menu: { icon: <SettingOutlined />, label: 'settings:menu', roles: ['street_admin'] } },
  { path: 'accounts', element: <AccountsPage />, menu: { icon: <IdcardOutlined />, label: 'accounts:menu', roles: ['street_admin'] } },
  { path: 'devices', element: <DevicesPage />, menu: { icon: <LaptopOutlined />, label: 'accounts:devicesMenu', roles: ['street_admin'] } },
  { path: 'trash', element: <TrashPage />, menu: { icon: <RestOutlined />, label: 'trash:menu', roles: ['street_admin'] } },
];
