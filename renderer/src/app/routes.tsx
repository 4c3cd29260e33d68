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
import type { CollectionName } from '@domain/collections';
import type { Role } from '@domain/contract';
import { IdcardOutlined, LaptopOutlined, RestOutlined } from '@ant-design/icons';
import { lazyPage, type LazyPage } from '../lib/lazyPage';

// Each page's code loads when it is first shown (lib/lazyPage.ts), so the lock screen and the
// first page wait only for their own.
const Accounts = lazyPage(() => import('../features/accounts/AccountsPage').then((module) => module.AccountsPage));
const Devices = lazyPage(() => import('../features/accounts/DevicesPage').then((module) => module.DevicesPage));
const Activities = lazyPage(() => import('../features/activities/ActivitiesPage').then((module) => module.ActivitiesPage));
const Assessment = lazyPage(() => import('../features/assessment/AssessmentPage').then((module) => module.AssessmentPage));
const Communities = lazyPage(() => import('../features/communities/CommunitiesPage').then((module) => module.CommunitiesPage));
const CompoundDetail = lazyPage(() => import('../features/compounds/CompoundDetailPage').then((module) => module.CompoundDetailPage));
const Compounds = lazyPage(() => import('../features/compounds/CompoundsPage').then((module) => module.CompoundsPage));
const Duplicates = lazyPage(() => import('../features/duplicates/DuplicatesPage').then((module) => module.DuplicatesPage));
const Funds = lazyPage(() => import('../features/funds/FundsPage').then((module) => module.FundsPage));
const GridDetail = lazyPage(() => import('../features/grids/GridDetailPage').then((module) => module.GridDetailPage));
const Grids = lazyPage(() => import('../features/grids/GridsPage').then((module) => module.GridsPage));
const Home = lazyPage(() => import('../features/home/HomePage').then((module) => module.HomePage));
const MemberEdit = lazyPage(() => import('../features/members/MemberEditPage').then((module) => module.MemberEditPage));
const Members = lazyPage(() => import('../features/members/MembersPage').then((module) => module.MembersPage));
const NeedDetail = lazyPage(() => import('../features/needs/NeedDetailPage').then((module) => module.NeedDetailPage));
const Needs = lazyPage(() => import('../features/needs/NeedsPage').then((module) => module.NeedsPage));
const Orgs = lazyPage(() => import('../features/orgs/OrgsPage').then((module) => module.OrgsPage));
const Reports = lazyPage(() => import('../features/reports/ReportsPage').then((module) => module.ReportsPage));
const RosterImport = lazyPage(() => import('../features/roster/RosterImportPage').then((module) => module.RosterImportPage));
const Settings = lazyPage(() => import('../features/settings/SettingsPage').then((module) => module.SettingsPage));
const Trash = lazyPage(() => import('../features/trash/TrashPage').then((module) => module.TrashPage));
const UnitDetail = lazyPage(() => import('../features/units/UnitDetailPage').then((module) => module.UnitDetailPage));
const Units = lazyPage(() => import('../features/units/UnitsPage').then((module) => module.UnitsPage));
const Venues = lazyPage(() => import('../features/venues/VenuesPage').then((module) => module.VenuesPage));

export interface AppRoute {
  /** A react-router path under the signed-in layout, e.g. `compounds/:id`; `''` is the index page. */
  path: string;
  element: ReactNode;
  /** Loads the page's code ahead of showing it (the page the app opens at, while the lock screen waits). */
  preload?: LazyPage['preload'];
  /**
   * The collections the page reads whole (`useDocs(name)` without a query): opening at this page,
   * their snapshots are opened as the database opens, while the layout renders (router.tsx).
   */
  lists?: readonly CollectionName[];
  /** Shown in the side menu when present: `label` is an i18n key as `namespace:key`. */
  menu?: { icon: ReactNode; label: string; roles?: readonly Role[] };
}

// Liaisons read only their paired compounds and those compounds' needs: no members.
const staffRoles: readonly Role[] = ['street_admin', 'community_staff'];

export const appRoutes: AppRoute[] = [
  {
    path: '',
    element: <Home.Page />,
    preload: Home.preload,
    lists: ['communities', 'compounds', 'buildings', 'members', 'grids', 'orgs', 'needs', 'activities', 'ledger', 'streets', 'assessments', 'units'],
    menu: { icon: <DashboardOutlined />, label: 'home:menu' },
  },
  { path: 'communities', element: <Communities.Page />, preload: Communities.preload, lists: ['communities', 'compounds', 'buildings', 'members'], menu: { icon: <ApartmentOutlined />, label: 'communities:menu' } },
  { path: 'compounds', element: <Compounds.Page />, preload: Compounds.preload, lists: ['compounds', 'communities', 'orgs'], menu: { icon: <HomeOutlined />, label: 'compounds:menu' } },
  { path: 'compounds/:id', element: <CompoundDetail.Page />, preload: CompoundDetail.preload },
  { path: 'needs', element: <Needs.Page />, preload: Needs.preload, lists: ['needs'], menu: { icon: <ProfileOutlined />, label: 'needs:menu' } },
  { path: 'needs/:id', element: <NeedDetail.Page />, preload: NeedDetail.preload },
  { path: 'members', element: <Members.Page />, preload: Members.preload, lists: ['members', 'communities', 'compounds', 'buildings'], menu: { icon: <TeamOutlined />, label: 'members:menu', roles: staffRoles } },
  { path: 'members/new', element: <MemberEdit.Page />, preload: MemberEdit.preload },
  { path: 'members/:id', element: <MemberEdit.Page />, preload: MemberEdit.preload },
  { path: 'grids', element: <Grids.Page />, preload: Grids.preload, lists: ['grids', 'communities', 'members'], menu: { icon: <BorderInnerOutlined />, label: 'grids:menu', roles: staffRoles } },
  { path: 'grids/:id', element: <GridDetail.Page />, preload: GridDetail.preload },
  { path: 'orgs', element: <Orgs.Page />, preload: Orgs.preload, lists: ['orgs'], menu: { icon: <ClusterOutlined />, label: 'orgs:menu', roles: staffRoles } },
  { path: 'units', element: <Units.Page />, preload: Units.preload, lists: ['units', 'communities', 'compounds'], menu: { icon: <BankOutlined />, label: 'units:menu', roles: staffRoles } },
  { path: 'units/:id', element: <UnitDetail.Page />, preload: UnitDetail.preload },
  { path: 'venues', element: <Venues.Page />, preload: Venues.preload, lists: ['compounds', 'communities', 'units'], menu: { icon: <ShopOutlined />, label: 'venues:menu', roles: staffRoles } },
  { path: 'activities', element: <Activities.Page />, preload: Activities.preload, lists: ['activities', 'communities', 'compounds', 'members'], menu: { icon: <CalendarOutlined />, label: 'activities:menu', roles: staffRoles } },
  { path: 'funds', element: <Funds.Page />, preload: Funds.preload, menu: { icon: <WalletOutlined />, label: 'funds:menu', roles: staffRoles } },
  // Departments give their own sheets on the street and its communities.
  { path: 'assessment', element: <Assessment.Page />, preload: Assessment.preload, menu: { icon: <StarOutlined />, label: 'assessment:menu' } },
  { path: 'reports', element: <Reports.Page />, preload: Reports.preload, menu: { icon: <FileTextOutlined />, label: 'reports:menu', roles: staffRoles } },
  { path: 'import', element: <RosterImport.Page />, preload: RosterImport.preload, menu: { icon: <UploadOutlined />, label: 'roster:menu', roles: staffRoles } },
  { path: 'duplicates', element: <Duplicates.Page />, preload: Duplicates.preload, menu: { icon: <MergeCellsOutlined />, label: 'duplicates:menu', roles: staffRoles } },
  { path: 'settings', element: <Settings.Page />, preload: Settings.preload, menu: { icon: <SettingOutlined />, label: 'settings:menu', roles: ['street_admin'] } },
  { path: 'accounts', element: <Accounts.Page />, preload: Accounts.preload, menu: { icon: <IdcardOutlined />, label: 'accounts:menu', roles: ['street_admin'] } },
  { path: 'devices', element: <Devices.Page />, preload: Devices.preload, menu: { icon: <LaptopOutlined />, label: 'accounts:devicesMenu', roles: ['street_admin'] } },
  { path: 'trash', element: <Trash.Page />, preload: Trash.preload, menu: { icon: <RestOutlined />, label: 'trash:menu', roles: ['street_admin'] } },
];
