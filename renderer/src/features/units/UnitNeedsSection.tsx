// A paired department's open items (待办需求): the needs it claimed and has not resolved, and the
// listed needs of its paired compounds waiting for a department to claim them, overdue first.
// Community staff hold only their own communities' needs, so for them the list is partial.
import { Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Need, Unit } from '@domain/collections';
import { isOverdue } from '@domain/needDeadline';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { departmentItems, needStateColors, needsLink } from '../../lib/needSummary';
import { paths } from '../../lib/paths';
import { useCurrentUser } from '../../session/useSession';

interface ItemRow {
  need: Need;
  kind: 'waiting' | 'inHand';
}

export function UnitNeedsSection({ unit }: { unit: Unit }) {
  const { t } = useTranslation('units');
  const user = useCurrentUser();
  const needs = useDocs('needs');
  const compounds = useDocs('compounds');
  const streets = useDocs('streets');
  const [now] = useState(() => new Date());
  const categories = streets.docs.find((street) => street.id === user.streetId)?.needCategories;
  const compoundById = useMemo(() => byId(compounds.docs), [compounds.docs]);
  const items = useMemo(() => departmentItems(needs.docs, unit, categories, now), [needs.docs, unit, categories, now]);
  const rows: ItemRow[] = useMemo(
    () => [...items.inHand.map((need) => ({ need, kind: 'inHand' as const })), ...items.waiting.map((need) => ({ need, kind: 'waiting' as const }))],
    [items],
  );
  if (unit.kind !== 'department') return null;

  const columns: TableColumnsType<ItemRow> = [
    {
      title: t('needs.columns.state'),
      key: 'state',
      render: (_, { need }) => (
        <Space size={4}>
          <Tag color={needStateColors[need.state]}>{t(`needs.states.${need.state}`)}</Tag>
          {isOverdue(need, categories, now) && (
            <Tag color="red" data-testid="unit-need-overdue">
              {t('needs.overdueTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('needs.columns.kind'), key: 'kind', render: (_, { kind }) => t(`needs.kinds.${kind}`) },
    {
      title: t('needs.columns.compound'),
      key: 'compound',
      render: (_, { need }) => {
        const compound = compoundById.get(need.compoundId);
        return compound ? <Link to={paths.compound(compound.id)}>{compound.name}</Link> : '';
      },
    },
    {
      title: t('needs.columns.description'),
      key: 'description',
      ellipsis: true,
      render: (_, { need }) => (
        <Link to={paths.need(need.id)} data-testid="unit-need-link">
          {need.description}
        </Link>
      ),
    },
  ];

  return (
    <section style={{ marginBottom: 24 }} data-testid="unit-needs">
      <Flex wrap align="baseline" justify="space-between" gap={12}>
        <Typography.Title level={4}>{t('needs.title')}</Typography.Title>
        <Link to={needsLink({ departmentId: unit.id })} data-testid="unit-needs-all">
          {t('needs.all')}
        </Link>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Tag color="geekblue" data-testid="unit-needs-in-hand" data-count={items.inHand.length}>
          {t('needs.inHand', { count: items.inHand.length })}
        </Tag>
        <Tag color="blue" data-testid="unit-needs-waiting" data-count={items.waiting.length}>
          {t('needs.waiting', { count: items.waiting.length })}
        </Tag>
        <Tag color={items.overdue > 0 ? 'red' : 'default'} data-testid="unit-needs-overdue" data-count={items.overdue}>
          {t('needs.overdue', { count: items.overdue })}
        </Tag>
      </Flex>
      <Table<ItemRow>
        rowKey={(row) => row.need.id}
        columns={columns}
        dataSource={rows}
        loading={needs.loading}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        size="small"
        locale={{ emptyText: t('needs.empty') }}
      />
      {user.role !== 'street_admin' && <Typography.Paragraph type="secondary">{t('needs.partial')}</Typography.Paragraph>}
    </section>
  );
}
