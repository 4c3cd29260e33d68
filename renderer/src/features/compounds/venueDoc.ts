// The venues (阵地) of a compound are a list inside the compound document: from the venue form to
// a venue and back, and the compound with one venue added, replaced or removed.
import { venueKinds } from '@domain/schema/compounds';
import type { Compound, Unit, Venue } from '@domain/collections';
import { withoutBlanks } from '../../lib/form';

export type VenueKind = (typeof venueKinds)[number];
export { venueKinds };

export const VENUE_MAX_AREA = 100000;
export const venueTextLimits = { name: 100, address: 200, openingHours: 100, contributor: 100 } as const;

export interface VenueFormValues {
  kind: VenueKind;
  name?: string;
  address?: string;
  areaSquareMeters?: number | null;
  openingHours?: string;
  /** The unit that gave or runs the space; when chosen, `contributor` is its name. */
  contributorUnitId?: string;
  /** Who gave the space, as free text, when it is no unit on record. */
  contributor?: string;
  openedOn?: string;
}

export function venueFormValues(venue: Venue | undefined): Partial<VenueFormValues> {
  if (!venue) return {};
  const { kind, name, address, areaSquareMeters, openingHours, contributorUnitId, contributor, openedOn } = venue;
  return { kind, name, address, areaSquareMeters, openingHours, contributorUnitId, contributor, openedOn };
}

/** Problems with what was typed, in Chinese, by field; empty when the venue can be saved. */
export function venueProblems(values: Partial<VenueFormValues>, today: string): { field: keyof VenueFormValues; message: string }[] {
  const problems: { field: keyof VenueFormValues; message: string }[] = [];
  if (values.kind === undefined || !(venueKinds as readonly string[]).includes(values.kind)) problems.push({ field: 'kind', message: '请选择阵地类型' });
  const area = values.areaSquareMeters;
  if (area !== undefined && area !== null && (typeof area !== 'number' || !Number.isFinite(area) || area < 0 || area > VENUE_MAX_AREA)) {
    problems.push({ field: 'areaSquareMeters', message: `面积应为 0 到 ${VENUE_MAX_AREA} 之间的数字（平方米）` });
  }
  for (const [field, max] of Object.entries(venueTextLimits) as [keyof typeof venueTextLimits, number][]) {
    const value = values[field];
    if (typeof value === 'string' && value.trim().length > max) problems.push({ field, message: `不能超过 ${max} 个字` });
  }
  const openedOn = values.openedOn;
  if (openedOn !== undefined && openedOn !== '') {
    if (!isDate(openedOn)) problems.push({ field: 'openedOn', message: '启用日期应为 YYYY-MM-DD 格式的有效日期' });
    else if (openedOn > today) problems.push({ field: 'openedOn', message: '启用日期不能晚于今天' });
  }
  return problems;
}

/** A real calendar date written as YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The venue the form describes; `id` is the stored venue's when editing, a new one otherwise. */
export function venueFromForm(values: VenueFormValues, id: string, units: readonly Pick<Unit, 'id' | 'name'>[], previous?: Venue): Venue {
  const { kind, name, address, areaSquareMeters, openingHours, contributorUnitId, contributor, openedOn } = withoutBlanks(values);
  const unit = contributorUnitId === undefined ? undefined : units.find((candidate) => candidate.id === contributorUnitId);
  // A unit not on this device keeps the name the venue had.
  const kept = contributorUnitId !== undefined && previous?.contributorUnitId === contributorUnitId ? previous.contributor : undefined;
  const contributorText = contributorUnitId === undefined ? contributor : (unit?.name ?? kept);
  return {
    id,
    kind: kind ?? 'shared',
    ...(name !== undefined && { name }),
    ...(address !== undefined && { address }),
    ...(areaSquareMeters != null && { areaSquareMeters }),
    ...(openingHours !== undefined && { openingHours }),
    ...(contributorText !== undefined && { contributor: contributorText.slice(0, venueTextLimits.contributor) }),
    ...(contributorUnitId !== undefined && { contributorUnitId }),
    ...(openedOn !== undefined && { openedOn }),
  };
}

/** The compound with `venue` in place of the one of its id, or added at the end. */
export function withVenue(compound: Compound, venue: Venue): Compound {
  const venues = compound.venues ?? [];
  const replaced = venues.some((other) => other.id === venue.id);
  return { ...compound, venues: replaced ? venues.map((other) => (other.id === venue.id ? venue : other)) : [...venues, venue] };
}

/** The compound without the venue of this id. */
export function withoutVenue(compound: Compound, venueId: string): Compound {
  const { venues, ...rest } = compound;
  const kept = (venues ?? []).filter((venue) => venue.id !== venueId);
  return kept.length > 0 ? { ...rest, venues: kept } : rest;
}

/** The label of a venue in lists: its name, else its kind. */
export function venueLabel(venue: Venue, kindLabel: (kind: VenueKind) => string): string {
  return venue.name ?? kindLabel(venue.kind);
}
