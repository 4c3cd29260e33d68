// A compound's open needs (居民需求) at a glance: state, category, what, who claimed it, overdue;
// counts by state; links into the needs list filtered to the compound, and for staff who may
// write the compound, a button that opens the form for a new need of it. Liaisons see it for
// their paired compounds (the needs are theirs to read).
import { Button, Card, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound, Need } from '@domain/collections';
import { dueAt, isOverdue } from '@domain/needDeadline';
import { needStates } from '@domain/schema/needs';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { claimingUnitName } from '../../lib/needActor';
import { countByState, needStateColors, needsLink, openNeedsOfCompound } from '../../lib/needSummary';
import { paths } from '../../lib/paths';
import { canCreate, canEdit } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';

/** The day a need is due, YYYY-MM-DD, or nothing when its category sets no deadline. */
function dueOn(need: Need, categories: Parameters<typeof dueAt>[1]): string {
  const due = dueAt(need, categories);
  return due ? dayjs(due).format('YYYY-MM-DD') : '';
}

export function CompoundNeedsSection({ compound }: { compound: Compound }) {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const needs = useDocs('needs', { selector: { compoundId: compound.id } });
  const streets = useDocs('streets');
  const units = useDocs('units');
  // One "now" per visit: overdue tags do not flicker as the list re-renders.
  const [now] = useState(() => new Date());
  const categories = streets.docs.find((street) => street.id === user.streetId)?.needCategories;
  const unitById = useMemo(() => byId(units.docs), [units.docs]);
  const open = useMemo(() => openNeedsOfCompound(needs.docs, compound.id, categories, now), [needs.docs, compound.id, categories, now]);
  const counts = useMemo(() => countByState(needs.docs), [needs.docs]);
  const mayRecord = canCreate(user, 'needs') && canEdit(user, 'needs', compound);
  const categoryName = (need: Need) => categories?.find((category) => category.id === need.categoryId)?.name ?? t('needs.noCategory');

  const columns: TableColumnsType<Need> = [
    {
      title: t('needs.columns.state'),
      dataIndex: 'state',
      render: (state: Need['state'], need) => (
        <Space size={4}>
          <Tag color={needStateColors[state]}>{t(`problems.needStates.${state}`)}</Tag>
          {isOverdue(need, categories, now) && (
            <Tag color="red" data-testid="compound-need-overdue">
              {t('needs.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('needs.columns.category'), key: 'category', render: (_, need) => categoryName(need) },
    {
      title: t('needs.columns.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (description: string, need) => (
        <Link to={paths.need(need.id)} data-testid="compound-need-link">
          {description}
        </Link>
      ),
    },
    { title: t('needs.columns.claimedBy'), key: 'claimedBy', render: (_, need) => claimingUnitName(need, unitById) ?? (need.claimedByUnitId ? '' : t('needs.notClaimed')) },
    { title: t('needs.columns.due'), key: 'due', render: (_, need) => dueOn(need, categories) },
  ];

  return (
    <Card
      title={t('needs.title')}
      style={{ marginBottom: 24 }}
      data-testid="compound-needs"
      extra={
        <Space>
          <Link to={needsLink({ compoundId: compound.id })} data-testid="compound-needs-all">
            {t('needs.all')}
          </Link>
          {mayRecord && (
            <Link to={needsLink({ newFor: compound.id })}>
              <Button icon={<PlusOutlined />} data-testid="compound-need-new">
                {t('needs.create')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="compound-needs-counts">
        <Typography.Text data-testid="compound-needs-open" data-count={open.length}>
          {t('needs.total', { count: open.length })}
        </Typography.Text>
        {needStates
          .filter((state) => counts[state] > 0)
          .map((state) => (
            <Tag key={state} color={needStateColors[state]} data-testid={`compound-needs-count-${state}`} data-count={counts[state]}>
              {t(`problems.needStates.${state}`)} {counts[state]}
            </Tag>
          ))}
      </Flex>
      <Table<Need>
        rowKey="id"
        columns={columns}
        dataSource={open}
        loading={needs.loading}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        size="small"
        locale={{ emptyText: t('needs.empty') }}
      />
    </Card>
  );
}
