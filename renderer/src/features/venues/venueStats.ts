// 阵地总览: every compound's venues as rows, counts by kind, the compounds still without a venue, and
// how that gap closed over the years the venues were opened.
import { venueKinds } from '@domain/schema/compounds';
import type { Community, Compound, Venue } from '@domain/collections';

export type VenueKind = (typeof venueKinds)[number];
export { venueKinds };

export interface VenueRow {
  /** Unique over all compounds: compound id and venue id. */
  key: string;
  venue: Venue;
  compound: Compound;
  communityName: string;
}

/** One row per venue, ordered by community, compound and opening date (undated last). */
export function venueRows(compounds: readonly Compound[], communities: readonly Pick<Community, 'id' | 'name'>[], compare: (a: string, b: string) => number): VenueRow[] {
  const names = new Map(communities.map((community) => [community.id, community.name]));
  const rows = compounds.flatMap((compound) =>
    (compound.venues ?? []).map((venue) => ({ key: `${compound.id}/${venue.id}`, venue, compound, communityName: names.get(compound.communityId) ?? '' })),
  );
  return rows.sort(
    (a, b) =>
      compare(a.communityName, b.communityName) ||
      compare(a.compound.name, b.compound.name) ||
      (a.venue.openedOn ?? '9999').localeCompare(b.venue.openedOn ?? '9999'),
  );
}

export interface KindCount {
  kind: VenueKind;
  /** Venues of this kind. */
  venues: number;
  /** Compounds with at least one venue of this kind. */
  compounds: number;
  /** Sum of the areas given, in square metres. */
  area: number;
}

/** Venues, compounds and area per kind, in the order of `venueKinds`. */
export function countsByKind(compounds: readonly Compound[]): KindCount[] {
  return venueKinds.map((kind) => {
    let venues = 0;
    let withKind = 0;
    let area = 0;
    for (const compound of compounds) {
      const ofKind = (compound.venues ?? []).filter((venue) => venue.kind === kind);
      venues += ofKind.length;
      if (ofKind.length > 0) withKind += 1;
      area += ofKind.reduce((sum, venue) => sum + (venue.areaSquareMeters ?? 0), 0);
    }
    return { kind, venues, compounds: withKind, area };
  });
}

/** The compounds that have no venue at all. */
export function compoundsWithoutVenue(compounds: readonly Compound[]): Compound[] {
  return compounds.filter((compound) => (compound.venues ?? []).length === 0);
}

export interface GapRow {
  /** The year, e.g. `2021`. */
  period: string;
  /** Compounds that had at least one venue opened by the end of the period. */
  withVenue: number;
  /** All compounds now on record (the denominator stays the same for every period). */
  total: number;
  withoutVenue: number;
  /** Compounds whose first venue opened within this period. */
  added: number;
}

export interface Gap {
  rows: GapRow[];
  /** Compounds with a venue but no opening date given on any of their venues: counted only in `now`. */
  undated: number;
  /** Compounds with a venue today. */
  now: number;
  total: number;
}

/**
 * How the gap closed, year by year from the first opening to `untilYear` (the current year): each
 * compound counts from the year of its earliest dated venue.
 */
export function gapOverTime(compounds: readonly Compound[], untilYear: number): Gap {
  const total = compounds.length;
  const firstYears: number[] = [];
  let undated = 0;
  let now = 0;
  for (const compound of compounds) {
    const venues = compound.venues ?? [];
    if (venues.length === 0) continue;
    now += 1;
    const dated = venues.flatMap((venue) => (venue.openedOn === undefined ? [] : [Number(venue.openedOn.slice(0, 4))])).filter(Number.isFinite);
    if (dated.length === 0) undated += 1;
    else firstYears.push(Math.min(...dated));
  }
  if (firstYears.length === 0) return { rows: [], undated, now, total };
  const from = Math.min(...firstYears);
  const until = Math.max(untilYear, ...firstYears);
  const rows: GapRow[] = [];
  for (let year = from; year <= until; year += 1) {
    const withVenue = firstYears.filter((first) => first <= year).length;
    const added = firstYears.filter((first) => first === year).length;
    rows.push({ period: String(year), withVenue, total, withoutVenue: total - withVenue, added });
  }
  return { rows, undated, now, total };
}
