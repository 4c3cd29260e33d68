// 担任职务: where a member serves, read from the documents that name them — the buildings they
// lead, the grids they work or volunteer in, the organisations they are secretary of.
import { Card, List, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Building, Compound, Grid, Member, Org } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';

export interface Post {
  key: string;
  /** A text of `posts.*`. */
  role: 'buildingLeader' | 'gridWorker' | 'communityWorker' | 'volunteer' | 'secretary';
  place: string;
  to: string;
}

const gridRoles = [
  ['gridWorkerIds', 'gridWorker'],
  ['communityWorkerIds', 'communityWorker'],
  ['volunteerIds', 'volunteer'],
] as const;

/** The member's posts: buildings led, then grid roles, then live organisations they are secretary of. */
export function memberPosts(
  memberId: string,
  docs: { buildings: readonly Building[]; compounds: readonly Compound[]; grids: readonly Grid[]; orgs: readonly Org[] },
): Post[] {
  const compoundById = byId(docs.compounds);
  const led: Post[] = docs.buildings
    .filter((building) => building.leaderMemberId === memberId)
    .map((building) => ({
      key: `building-${building.id}`,
      role: 'buildingLeader',
      place: `${compoundById.get(building.compoundId)?.name ?? ''} ${building.name}`.trim(),
      to: paths.compound(building.compoundId),
    }));
  const inGrids: Post[] = docs.grids.flatMap((grid) =>
    gridRoles
      .filter(([field]) => (grid[field] ?? []).includes(memberId))
      .map(([field, role]) => ({ key: `grid-${grid.id}-${field}`, role, place: grid.name, to: paths.grid(grid.id) })),
  );
  const secretaryOf: Post[] = docs.orgs
    .filter((org) => org.secretaryMemberId === memberId && org.dissolvedOn === undefined)
    .map((org) => ({ key: `org-${org.id}`, role: 'secretary', place: org.name, to: paths.orgs(org.id) }));
  return [...led, ...inGrids, ...secretaryOf];
}

export function MemberPosts({ member }: { member: Member }) {
  const { t } = useTranslation('members');
  const scope = { selector: { communityId: member.communityId } };
  const buildings = useDocs('buildings', scope);
  const compounds = useDocs('compounds', scope);
  const grids = useDocs('grids', scope);
  const orgs = useDocs('orgs', scope);
  const posts = useMemo(
    () => memberPosts(member.id, { buildings: buildings.docs, compounds: compounds.docs, grids: grids.docs, orgs: orgs.docs }),
    [buildings.docs, compounds.docs, grids.docs, orgs.docs, member.id],
  );

  if (posts.length === 0) return null;
  return (
    <Card title={t('posts.title')} size="small" style={{ marginTop: 24, maxWidth: 960 }} data-testid="member-posts">
      <List
        size="small"
        dataSource={posts}
        renderItem={(post) => (
          <List.Item key={post.key}>
            <Typography.Text>
              <Tag color="red">{t(`posts.${post.role}`)}</Tag>
              <Link to={post.to}>{post.place}</Link>
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
