// The column mapping a person chose, remembered per kind and per set of headers: the same office
// sheet next month maps itself.
import { rosterFields, type RosterKind, type RosterMapping } from '../../lib/roster/fields';

const PREFIX = 'cg.roster.mapping';

function keyOf(kind: RosterKind, headers: readonly string[]): string {
  return `${PREFIX}.${kind}.${JSON.stringify(headers)}`;
}

export function rememberedMapping(kind: RosterKind, headers: readonly string[]): RosterMapping | undefined {
  try {
    const stored = localStorage.getItem(keyOf(kind, headers));
    if (stored === null) return undefined;
    const parsed = JSON.parse(stored) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const known = new Set(rosterFields[kind].map((field) => field.key));
    const mapping: RosterMapping = {};
    for (const [field, column] of Object.entries(parsed)) {
      if (known.has(field) && Number.isInteger(column) && (column as number) >= 0 && (column as number) < headers.length) mapping[field] = column as number;
    }
    return mapping;
  } catch {
    return undefined;
  }
}

export function rememberMapping(kind: RosterKind, headers: readonly string[], mapping: RosterMapping): void {
  try {
    localStorage.setItem(keyOf(kind, headers), JSON.stringify(mapping));
  } catch {
    // Storage full or refused: the mapping is only a convenience.
  }
}
