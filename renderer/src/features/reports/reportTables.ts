// The report's tables, described once: the page shows them and the .xlsx export writes one sheet
// per table from the very same columns and rows.
import type { TFunction } from 'i18next';
import { formatYuan } from '@domain/money';
import type { Report } from './report';

export type CellText = string | number;

export interface TableColumn<R> {
  key: string;
  title: string;
  value: (row: R) => CellText;
  /** Figures are right-aligned on screen. */
  numeric?: boolean;
}

/** A table as shown and exported: its column heads and the text or number of every cell. */
export interface ReportTable {
  key: string;
  title: string;
  columns: { key: string; title: string; numeric?: boolean }[];
  cells: CellText[][];
}

interface TableSpec<R> {
  key: string;
  title: string;
  columns: TableColumn<R>[];
  rows: readonly R[];
}

const table = <R>({ key, title, columns, rows }: TableSpec<R>): ReportTable => ({
  key,
  title,
  columns: columns.map(({ key: column, title: head, numeric }) => ({ key: column, title: head, ...(numeric ? { numeric } : {}) })),
  cells: rows.map((row) => columns.map((column) => column.value(row))),
});

export const percentText = (rate: number | undefined): string => (rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
/** Hours with at most one decimal. */
export const hoursText = (hours: number): string => String(Math.round(hours * 10) / 10);

export interface FigureRow {
  item: string;
  value: CellText;
}

/** The report's figures as item–value rows. */
export function figureRows(report: Report, t: TFunction<'reports'>): FigureRow[] {
  const { figures, needs, funds, service } = report;
  const rows: [string, CellText][] = [
    [t('figures.communities'), figures.communities],
    [t('figures.grids'), figures.grids],
    [t('figures.compounds'), figures.compounds],
    [t('figures.pilotCompounds'), figures.pilotCompounds],
    [t('figures.unmanagedCompounds'), figures.unmanagedCompounds],
    [t('figures.buildings'), figures.buildings],
    [t('figures.compoundBranches'), figures.compoundBranches],
    [t('figures.pilotCompoundBranches'), figures.pilotCompoundBranches],
    [t('figures.upgradedBranches'), `${figures.upgradedBranches} / ${figures.communityBranches}`],
    [t('figures.members'), figures.members.toLocaleString('en-US')],
    [t('figures.reportedMembers'), figures.reportedMembers.toLocaleString('en-US')],
    [t('figures.reportedInPeriod'), figures.reportedInPeriod.toLocaleString('en-US')],
    [t('needs.recorded'), needs.recorded],
    [t('needs.closed'), needs.closed],
    [t('needs.closureRate'), percentText(needs.closureRate)],
    [t('needs.open'), needs.open],
    [t('needs.overdue'), needs.overdue],
    [t('service.activities'), service.activities],
    [t('service.participants'), service.participants],
    [t('service.hours'), hoursText(service.hours)],
    [t('funds.rate', { year: funds.year }), funds.rateFen === undefined ? t('funds.noRate') : formatYuan(funds.rateFen)],
    [t('funds.budget', { year: funds.year }), formatYuan(funds.total.budgetFen)],
    [t('funds.spent', { through: funds.through }), formatYuan(funds.total.spentFen)],
    [t('funds.balance'), formatYuan(funds.total.balanceFen)],
  ];
  return rows.map(([item, value]) => ({ item, value }));
}

export function reportTables(report: Report, t: TFunction<'reports'>): ReportTable[] {
  const money = { numeric: true } as const;
  const tables: ReportTable[] = [
    table({
      key: 'figures',
      title: t('tables.figures'),
      columns: [
        { key: 'item', title: t('columns.item'), value: (row) => row.item },
        { key: 'value', title: t('columns.value'), value: (row) => row.value, numeric: true },
      ],
      rows: figureRows(report, t),
    }),
    table({
      key: 'fundsByCommunity',
      title: t('tables.fundsByCommunity'),
      columns: [
        { key: 'community', title: t('columns.community'), value: (row) => row.communityName },
        { key: 'budget', title: t('columns.budget'), value: (row) => formatYuan(row.budgetFen), ...money },
        { key: 'spent', title: t('columns.spent'), value: (row) => formatYuan(row.spentFen), ...money },
        { key: 'balance', title: t('columns.balance'), value: (row) => formatYuan(row.balanceFen), ...money },
      ],
      rows: [...report.funds.communities, { communityName: t('columns.total'), ...report.funds.total }],
    }),
    table({
      key: 'fundsByBranch',
      title: t('tables.fundsByBranch'),
      columns: [
        { key: 'community', title: t('columns.community'), value: (row) => row.communityName },
        { key: 'compound', title: t('columns.compound'), value: (row) => row.compoundName },
        { key: 'branch', title: t('columns.branch'), value: (row) => row.branchName },
        { key: 'residents', title: t('columns.residents'), value: (row) => row.residents, numeric: true },
        { key: 'budget', title: t('columns.budget'), value: (row) => formatYuan(row.budgetFen), ...money },
        { key: 'spent', title: t('columns.spent'), value: (row) => formatYuan(row.spentFen), ...money },
        { key: 'balance', title: t('columns.balance'), value: (row) => formatYuan(row.balanceFen), ...money },
      ],
      rows: report.funds.branches,
    }),
  ];
  if (report.stars !== undefined) {
    tables.push(
      table({
        key: 'stars',
        title: t('tables.stars', { year: report.period.year }),
        columns: [
          { key: 'name', title: t('columns.department'), value: (row) => row.name },
          { key: 'score', title: t('columns.score'), value: (row) => row.score, numeric: true },
          { key: 'stars', title: t('columns.stars'), value: (row) => row.stars, numeric: true },
        ],
        rows: report.stars,
      }),
    );
  }
  const place = [
    { key: 'community', title: t('columns.community'), value: (row: { communityName: string }) => row.communityName },
    { key: 'compound', title: t('columns.compound'), value: (row: { compoundName: string }) => row.compoundName },
  ];
  tables.push(
    table({
      key: 'openNeeds',
      title: t('tables.openNeeds'),
      columns: [
        ...place,
        { key: 'recordedOn', title: t('columns.recordedOn'), value: (row) => row.recordedOn },
        { key: 'description', title: t('columns.description'), value: (row) => row.description },
        { key: 'state', title: t('columns.state'), value: (row) => t(`problems.needStates.${row.state}`) },
        { key: 'overdue', title: t('columns.overdue'), value: (row) => (row.overdue ? t('yes') : t('no')) },
      ],
      rows: report.openNeeds,
    }),
    table({ key: 'withoutBranch', title: t('tables.withoutBranch'), columns: place, rows: report.compoundsWithoutBranch }),
    table({ key: 'withoutVenue', title: t('tables.withoutVenue'), columns: place, rows: report.compoundsWithoutVenue }),
    table({
      key: 'withoutLeader',
      title: t('tables.withoutLeader'),
      columns: [...place, { key: 'building', title: t('columns.building'), value: (row) => row.buildingName ?? '' }],
      rows: report.buildingsWithoutLeader,
    }),
  );
  return tables;
}
