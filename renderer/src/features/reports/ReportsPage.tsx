// 报表: the monthly or yearly report of one of the person's communities, or of the whole street for
// a street admin, to print (另存为 PDF) or export as .xlsx. Scope and period live in the address
// (`#/reports?scope=street&period=2026-03`), so a report can be opened again as it was.
import { App, Button, Card, Empty, Flex, Select, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocs } from '../../db/hooks';
import { getDesktopApi } from '../../desktop';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageState';
import { sortByName } from '../../lib/collate';
import { visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { printStyles } from './printStyles';
import { assembleReport, parsePeriod, periodKey, type Period } from './report';
import { reportTables } from './reportTables';
import { ReportView } from './ReportView';

const STREET = 'street';
const FIRST_YEAR = 2020;

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [now] = useState(() => new Date());
  const [exporting, setExporting] = useState(false);
  const data = {
    streets: useDocs('streets'),
    communities: useDocs('communities'),
    compounds: useDocs('compounds'),
    buildings: useDocs('buildings'),
    members: useDocs('members'),
    grids: useDocs('grids'),
    orgs: useDocs('orgs'),
    needs: useDocs('needs'),
    activities: useDocs('activities'),
    ledger: useDocs('ledger'),
    assessments: useDocs('assessments'),
    units: useDocs('units'),
  };
  const loading = Object.values(data).some((live) => live.loading);
  const admin = user.role === 'street_admin';
  const own = useMemo(
    () => (user.role === 'department_liaison' ? [] : sortByName(visibleCommunities(user, data.communities.docs))),
    [user, data.communities.docs],
  );

  // An unknown or foreign scope in the address falls back to the person's first choice.
  const asked = search.get('scope');
  const scope = asked !== null && (asked === STREET ? admin : own.some((community) => community.id === asked)) ? asked : admin ? STREET : (own[0]?.id ?? '');
  const periodParam = search.get('period');
  const period = useMemo<Period>(() => parsePeriod(periodParam) ?? { year: now.getFullYear() }, [periodParam, now]);
  const update = (change: { scope?: string; period?: Period }) =>
    setSearch({ scope: change.scope ?? scope, period: periodKey(change.period ?? period) }, { replace: true });

  const covered = useMemo(() => (scope === STREET ? own : own.filter((community) => community.id === scope)), [scope, own]);
  const street = data.streets.docs[0];
  const scopeName = scope === STREET ? (street?.name ?? t('street')) : (covered[0]?.name ?? '');
  const periodName = period.month === undefined ? t('yearName', { year: period.year }) : t('monthName', { year: period.year, month: period.month });
  const title = t('reportTitle', { scope: scopeName, period: periodName });

  const report = useMemo(
    () =>
      assembleReport(
        {
          street,
          communities: data.communities.docs,
          compounds: data.compounds.docs,
          buildings: data.buildings.docs,
          members: data.members.docs,
          grids: data.grids.docs,
          orgs: data.orgs.docs,
          needs: data.needs.docs,
          activities: data.activities.docs,
          ledger: data.ledger.docs,
          assessments: data.assessments.docs,
          units: data.units.docs,
        },
        covered,
        period,
        now,
      ),
    [street, covered, period, now, data.communities.docs, data.compounds.docs, data.buildings.docs, data.members.docs, data.grids.docs, data.orgs.docs, data.needs.docs, data.activities.docs, data.ledger.docs, data.assessments.docs, data.units.docs],
  );
  const tables = useMemo(() => reportTables(report, t), [report, t]);

  // The desktop prints to a PDF file through its native pipeline; the browser opens its print dialog.
  const printPdf = async () => {
    const result = await getDesktopApi().printToPdf(`${title}.pdf`);
    if (!result.ok) void message.error(t('printFailed', { reason: result.error }));
    else if (result.value.saved) void message.success(t('printed'));
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { saveReportWorkbook } = await import('./reportWorkbook');
      const { saved } = await saveReportWorkbook(title, tables);
      if (saved) void message.success(t('exported'));
    } catch (error) {
      void message.error(t('exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: Math.max(1, now.getFullYear() - FIRST_YEAR + 1) }, (_, i) => now.getFullYear() - i);
  if (!years.includes(period.year)) years.push(period.year);

  if (loading) return <PageLoading />;
  if (own.length === 0) return <Empty description={t('noScope')} />;

  return (
    <>
      <style>{printStyles}</style>
      <div className="report-no-print">
        <PageHeader
          title={t('title')}
          subtitle={t('subtitle')}
          extra={
            <>
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => void printPdf()} data-testid="report-print">
                {t('print')}
              </Button>
              <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="report-xlsx">
                {t('xlsx')}
              </Button>
            </>
          }
        />
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={16} align="center">
            <Space>
              {t('scope')}
              <Select
                style={{ minWidth: 200 }}
                value={scope}
                onChange={(value) => update({ scope: value })}
                options={[...(admin ? [{ value: STREET, label: t('wholeStreet') }] : []), ...own.map((community) => ({ value: community.id, label: community.name }))]}
                data-testid="report-scope"
              />
            </Space>
            <Space>
              {t('year')}
              <Select
                style={{ width: 110 }}
                value={period.year}
                onChange={(year) => update({ period: period.month === undefined ? { year } : { year, month: period.month } })}
                options={years.map((year) => ({ value: year, label: t('yearName', { year }) }))}
                data-testid="report-year"
              />
            </Space>
            <Space>
              {t('month')}
              <Select
                style={{ width: 120 }}
                value={period.month ?? 0}
                onChange={(month) => update({ period: month === 0 ? { year: period.year } : { year: period.year, month } })}
                options={[{ value: 0, label: t('wholeYear') }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('monthOnly', { month: i + 1 }) }))]}
                data-testid="report-month"
              />
            </Space>
          </Flex>
        </Card>
      </div>
      <ReportView
        title={title}
        subtitle={t('reportSubtitle', { communities: report.communityNames.join('、'), date: now.toLocaleDateString('zh-CN') })}
        tables={tables}
      />
    </>
  );
}
