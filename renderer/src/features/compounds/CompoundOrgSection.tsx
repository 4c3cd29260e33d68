// "One compound, one branch, several groups" (一区一支多小组): the compound's Party branch, its
// functional groups, and a warning while the compound has no branch yet. Kept on the 组织体系 page.
import { Alert, Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { ClusterOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound } from '@domain/collections';
import { compoundOrgStatus } from '@domain/orgTree';
import { useDocs } from '../../db/hooks';
import { useCurrentUser } from '../../session/useSession';
import { paths } from '../../lib/paths';


export function CompoundOrgSection({ compound }: { compound: Compound }) {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const orgs = useDocs('orgs', { selector: { communityId: compound.communityId } });
  const streets = useDocs('streets');
  const status = useMemo(() => compoundOrgStatus(orgs.docs, compound.id), [orgs.docs, compound.id]);
  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];
  const typeName = (id: string | undefined) => street?.groupTypes?.find((type) => type.id === id)?.name;
  // Liaisons do not read orgs: say nothing rather than claim there is no branch.
  if (user.role === 'department_liaison' || orgs.loading) return null;
  const { branch, groups } = status;

  return (
    <Card
      title={t('orgs.title')}
      style={{ marginBottom: 24 }}
      data-testid="compound-orgs"
      extra={
        <Link to={paths.orgs(branch?.id ?? (orgs.docs.find((org) => org.level === 'communityGeneralBranch' || org.level === 'communityBranch')?.id))}>
          <Button icon={<ClusterOutlined />}>{t('orgs.open')}</Button>
        </Link>
      }
    >
      {branch ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'branch', label: t('orgs.branch'), children: <Link to={paths.orgs(branch.id)}>{branch.name}</Link> },
            { key: 'secretary', label: t('orgs.secretary'), children: branch.secretaryName ?? t('detail.notGiven') },
            { key: 'foundedOn', label: t('orgs.foundedOn'), children: branch.foundedOn ?? t('detail.notGiven') },
            { key: 'members', label: t('orgs.members'), children: (branch.memberIds ?? []).length },
            { key: 'groups', label: t('orgs.groupCount'), children: groups.length },
          ]}
        />
      ) : (
        <Alert type="warning" showIcon title={t('orgs.noBranch')} description={t('orgs.noBranchHelp')} style={{ marginBottom: 12 }} data-testid="compound-no-branch" />
      )}
      {groups.length > 0 ? (
        <List
          size="small"
          dataSource={groups}
          renderItem={(group) => (
            <List.Item>
              <Flex gap={8} align="center" wrap>
                <Link to={paths.orgs(group.id)}>{group.name}</Link>
                <Tag color={group.level === 'functionalBranch' ? 'purple' : 'blue'}>
                  {group.level === 'functionalBranch' ? t('orgs.functionalBranch') : (typeName(group.groupTypeId) ?? t('orgs.functionalGroup'))}
                </Tag>
                <Typography.Text type="secondary">
                  {t('orgs.groupLine', { secretary: group.secretaryName ?? t('detail.notGiven'), count: (group.memberIds ?? []).length })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        branch && <Typography.Text type="secondary">{t('orgs.noGroups')}</Typography.Text>
      )}
    </Card>
  );
}
