// Where the pages live. The signed-in layout is mounted at the root, so links are absolute and
// work the same from any page (react-router resolves `..` differently from an index route).
export const paths = {
  home: '/',
  communities: '/communities',
  compounds: '/compounds',
  compound: (id: string) => `/compounds/${encodeURIComponent(id)}`,
  members: '/members',
  /** The new-member form, optionally with the community, compound and building already chosen. */
  newMember: (preset: { communityId?: string; compoundId?: string; buildingId?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(preset).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const search = query.toString();
    return search === '' ? '/members/new' : `/members/new?${search}`;
  },
  member: (id: string) => `/members/${encodeURIComponent(id)}`,
  duplicates: '/duplicates',
  grids: '/grids',
  grid: (id: string) => `/grids/${encodeURIComponent(id)}`,
  units: '/units',
  unit: (id: string) => `/units/${encodeURIComponent(id)}`,
  venues: '/venues',
  /** The needs list; `needsLink` (lib/needSummary) adds its filters. */
  needs: '/needs',
  need: (id: string) => `/needs/${encodeURIComponent(id)}`,
  activities: '/activities',
  funds: '/funds',
  assessment: '/assessment',
  reports: '/reports',
  settings: '/settings',
  accounts: '/accounts',
  devices: '/devices',
  /** The organisation tree, optionally with one organisation selected. */
  orgs: (id?: string) => (id === undefined ? '/orgs' : `/orgs?org=${encodeURIComponent(id)}`),
  /** The roster import, with the kind of record (members, compounds, buildings) chosen. */
  rosterImport: (kind: 'members' | 'compounds' | 'buildings') => `/import?kind=${kind}`,
} as const;
