// 组织体系: the street working committee, community (general) branches, compound branches and
// functional groups as one tree with counts at each node; the selected org's record beside it.
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Switch, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Org } from '@domain/collections';
import { orgCounts, type OrgCounts } from '@domain/orgTree';
import { useDocs } from '../../db/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgFormModal } from './OrgFormModal';
import { mayCreateStreetCommittee } from './orgPermissions';
import { filterForest, forestIds, orgForest, orgSearchSource, type OrgNode } from './orgTreeData';
import { levelColors } from './orgTexts';

interface TreeItem {
  key: string;
  title: ReactNode;
  children: TreeItem[];
}

export function OrgsPage() {
  const { t } = useTranslation('orgs');
  const user = useCurrentUser();
  const orgs = useDocs('orgs');
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org') ?? undefined;
  const [query, setQuery] = useState('');
  const [showDissolved, setShowDissolved] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [creatingRoot, setCreatingRoot] = useState(false);

  const counts = useMemo(() => orgCounts(orgs.docs), [orgs.docs]);
  const forest = useMemo(() => orgForest(orgs.docs, showDissolved), [orgs.docs, showDissolved]);
  const found = useSearch(orgs.docs, orgSearchSource, query);
  const searching = query.trim() !== '';
  const shown = useMemo(() => (searching ? filterForest(forest, new Set(found.map((org) => org.id))) : forest), [searching, forest, found]);
  const allKeys = useMemo(() => forestIds(shown), [shown]);
  // Everything is open unless the person closed it; a search opens the paths to what it found.
  const expandedKeys = searching ? allKeys : allKeys.filter((key) => !collapsed.has(key));
  const selected = orgs.docs.find((org) => org.id === selectedId);

  const select = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id === undefined) next.delete('org');
    else next.set('org', id);
    setParams(next, { replace: true });
  };

  const nodeTitle = (org: Org, count: OrgCounts | undefined) => (
    <Flex gap={6} align="center" wrap data-testid={`org-node-${org.id}`}>
      <Typography.Text delete={org.dissolvedOn !== undefined} type={org.dissolvedOn !== undefined ? 'secondary' : undefined}>
        {org.name}
      </Typography.Text>
      <Tag color={org.dissolvedOn !== undefined ? 'default' : levelColors[org.level]}>{t(`levels.${org.level}`)}</Tag>
      {org.dissolvedOn !== undefined && <Tag>{t('dissolvedTag')}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('nodeCounts', { members: count?.members ?? 0, orgs: count?.descendants ?? 0 })}
      </Typography.Text>
    </Flex>
  );
  const toItems = (nodes: readonly OrgNode[]): TreeItem[] =>
    nodes.map((node) => ({ key: node.org.id, title: nodeTitle(node.org, counts.get(node.org.id)), children: toItems(node.children) }));
  const treeData = toItems(shown);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          mayCreateStreetCommittee(user, orgs.docs) &&
          !orgs.loading && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)} data-testid="org-create-root">
              {t('createRoot')}
            </Button>
          )
        }
      />
      {user.role === 'community_staff' && <Alert type="info" showIcon title={t('staffHint')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card>
            <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
              <Input.Search
                allowClear
                placeholder={t('search')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                style={{ width: 280 }}
                data-testid="org-search"
              />
              <Flex gap={6} align="center">
                <Switch size="small" checked={showDissolved} onChange={setShowDissolved} data-testid="org-show-dissolved" />
                <Typography.Text>{t('showDissolved')}</Typography.Text>
              </Flex>
            </Flex>
            {treeData.length === 0 ? (
              <Empty description={orgs.loading ? t('loading') : searching ? t('emptyFiltered') : t('empty')} />
            ) : (
              <Tree<TreeItem>
                blockNode
                showLine
                treeData={treeData}
                expandedKeys={expandedKeys}
                onExpand={(keys) => {
                  const open = new Set(keys.map(String));
                  setCollapsed(new Set(allKeys.filter((key) => !open.has(key))));
                }}
                selectedKeys={selectedId === undefined ? [] : [selectedId]}
                onSelect={(keys) => select(keys[0] === undefined ? undefined : String(keys[0]))}
                data-testid="org-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          {/* The record stays in view while the person scrolls a long tree. */}
          <div style={{ position: 'sticky', top: 16 }}>
            {selected ? (
              <OrgDetailPanel key={selected.id} org={selected} orgs={orgs.docs} counts={counts.get(selected.id)} onSelect={select} />
            ) : (
              <Card>
                <Empty description={t('selectHint')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
      {creatingRoot && <OrgFormModal org={undefined} parent={undefined} orgs={orgs.docs} onClose={() => setCreatingRoot(false)} onSaved={select} />}
    </>
  );
}
