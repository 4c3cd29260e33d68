// Whether a written change may be visible to a scope: same street, and the read filter overlaps
// the keys the write touched before or after (so a document leaving the scope is announced too).
import { missingCase, readFilter, type Scope } from '@domain/scope';
import type { ChangeNotice } from './notice';

type DocsNotice = Extract<ChangeNotice, { type: 'docs' }>;

export function noticeConcerns(notice: DocsNotice, scope: Scope): boolean {
  if (notice.streetId !== scope.streetId) return false;
  const filter = readFilter(notice.collection, scope);
  switch (filter.kind) {
    case 'none':
      return false;
    case 'street':
      return true;
    case 'communities':
      return (
        notice.everything === true ||
        notice.communityIds.some((id) => filter.communityIds.includes(id)) ||
        (filter.includeStreetLevel && notice.streetLevel)
      );
    case 'compounds':
      return notice.everything === true || notice.compoundIds.some((id) => filter.compoundIds.includes(id));
    case 'parties':
      // Notices carry keys, not a sheet's parties: the pull itself filters.
      return true;
    default:
      return missingCase(filter);
  }
}
