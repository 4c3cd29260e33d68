// Where the unit pages live (the signed-in layout is mounted at the root, so links are absolute).
export const unitPaths = {
  units: '/units',
  unit: (id: string) => `/units/${encodeURIComponent(id)}`,
} as const;
