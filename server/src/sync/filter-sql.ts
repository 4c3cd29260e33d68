// `readFilter` from the domain, turned into SQL over a table aliased with the scope key columns
// (street_id, community_id, compound_id). NULL-safe: a NULL key never matches by accident.
import { missingCase, type ReadFilter } from '@domain/scope';

/** The alias every query gives the `docs` table (`scope_exits` is `e`). */
export const DOCS_ALIAS = 'd';

/** Appends its parameters to `params` and returns a boolean SQL expression. */
export function filterSql(filter: ReadFilter, alias: string, params: unknown[]): string {
  switch (filter.kind) {
    case 'none':
      return 'false';
    case 'street':
      return 'true';
    case 'communities': {
      const inList = memberOf(`${alias}.community_id`, filter.communityIds, params);
      return filter.includeStreetLevel ? `(${inList} OR ${alias}.community_id IS NULL)` : inList;
    }
    case 'compounds':
      // For compounds themselves compound_id holds their own id, so both compound keys map here.
      return memberOf(`${alias}.compound_id`, filter.compoundIds, params);
    case 'parties': {
      // Only rows of `docs` carry the document. A sheet's parties are not keys, so no write records
      // a sheet leaving them in `scope_exits`: there the filter matches nothing.
      if (alias !== DOCS_ALIAS) return 'false';
      params.push(filter.unitId);
      return `coalesce(${alias}.data->>'assessorId' = $${params.length} OR ${alias}.data->>'assesseeId' = $${params.length}, false)`;
    }
    default:
      return missingCase(filter);
  }
}

function memberOf(column: string, ids: readonly string[], params: unknown[]): string {
  params.push(JSON.stringify(ids));
  return `coalesce(${column} IN (SELECT jsonb_array_elements_text($${params.length}::jsonb)), false)`;
}
