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
} as const;
