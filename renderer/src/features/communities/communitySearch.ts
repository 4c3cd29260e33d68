import type { Community } from '@domain/collections';
import type { SearchSource } from '../../lib/search';

export const communitySearchSource = (community: Community): SearchSource => ({
  names: [community.name],
  texts: [community.address, community.phone],
});
