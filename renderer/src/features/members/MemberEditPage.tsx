// 新增/编辑队伍成员: routes `members/new` (optionally with ?communityId=&compoundId=&buildingId=)
// and `members/:id`.
import { useParams, useSearchParams } from 'react-router';
import { useDoc } from '../../db/hooks';
import { PageLoading, PageNotFound } from '../../components/PageState';
import { paths } from '../../lib/paths';
import { MemberForm } from './MemberForm';

export function MemberEditPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const creating = id === undefined || id === 'new';
  const { doc: member, loading } = useDoc('members', creating ? undefined : id);
  if (creating) {
    const preset = {
      communityId: search.get('communityId') ?? undefined,
      compoundId: search.get('compoundId') ?? undefined,
      buildingId: search.get('buildingId') ?? undefined,
    };
    return <MemberForm member={undefined} preset={preset} />;
  }
  if (loading) return <PageLoading />;
  if (!member) return <PageNotFound backTo={paths.members} />;
  // Keyed so that another member's page starts from that member's values.
  return <MemberForm key={member.id} member={member} preset={{}} />;
}
