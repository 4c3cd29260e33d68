// 双向考核: for a year, the street's sheets on each paired department beside each department's sheet
// on the street, the departments' sheets on the street and its communities, and the communities'
// annual compound-governance targets. Totals and stars are computed on every render, never stored.
import { Alert, Button, Flex, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '@domain/collections';
import { thresholdProblem, weightSum } from '@domain/stars';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageState';
import { useDocs } from '../../db/hooks';
import { sortByName } from '../../lib/collate';
import { canCreate, visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { DepartmentsTable } from './DepartmentsTable';
import { SheetFormModal } from './SheetFormModal';
import { StreetSheetsTable } from './StreetSheetsTable';
import { TargetsTable } from './TargetsTable';
import { assesseeSummaries, defaultYear, departmentRows, streetSheetRows, yearOptions, type Direction } from './sheetRows';
import { communityTargets } from './targets';

/** What a department's liaison enters: its sheets on the street and on the communities. */
const givenDirections: readonly Direction[] = ['departmentToStreet', 'departmentToCommunity'];

type Editing = { sheet: Assessment | undefined; preset?: Partial<Pick<Assessment, 'direction' | 'assessorId' | 'assesseeId'>> } | null;

export function AssessmentPage() {
  const { t } = useTranslation('assessment');
  const user = useCurrentUser();
  const streets = useDocs('streets');
  const assessments = useDocs('assessments');
  const units = useDocs('units');
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const orgs = useDocs('orgs');
  const needs = useDocs('needs');
  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];
  const thisYear = new Date().getFullYear();
  const [chosenYear, setYear] = useState<number | undefined>(undefined);
  const year = chosenYear ?? defaultYear(assessments.docs, thisYear);
  const [editing, setEditing] = useState<Editing>(null);

  // A liaison holds no units: its own department, by the name the server gave at sign-in, is the one row.
  const liaison = user.role === 'department_liaison';
  const departments = useMemo(
    () =>
      liaison
        ? user.unitId === undefined
          ? []
          : [{ id: user.unitId, name: user.unitName ?? t('ownDepartment'), kind: 'department' as const }]
        : sortByName(units.docs.filter((unit) => unit.kind === 'department')),
    [liaison, user.unitId, user.unitName, units.docs, t],
  );
  const shownCommunities = useMemo(() => sortByName(visibleCommunities(user, communities.docs)), [user, communities.docs]);
  const names = useMemo(() => {
    const map = new Map<string, string>([...units.docs, ...departments, ...communities.docs].map((doc) => [doc.id, doc.name]));
    if (street) map.set(street.id, street.name);
    return map;
  }, [units.docs, departments, communities.docs, street]);
  const nameOf = (id: string) => names.get(id) ?? id;

  const rating = useMemo(() => street ?? { id: user.streetId, assessmentCriteria: [], starThresholds: [] }, [street, user.streetId]);
  const deptRows = useMemo(() => departmentRows(year, departments, assessments.docs, rating), [year, departments, assessments.docs, rating]);
  const sheetRows = useMemo(() => streetSheetRows(year, assessments.docs, rating), [year, assessments.docs, rating]);
  // Community staff read the street's sheet and their own communities'.
  const shownSheetRows = useMemo(
    () => sheetRows.filter((row) => row.sheet.direction !== 'departmentToCommunity' || shownCommunities.some((community) => community.id === row.sheet.assesseeId)),
    [sheetRows, shownCommunities],
  );
  const summaries = useMemo(() => assesseeSummaries(shownSheetRows, rating), [shownSheetRows, rating]);
  const targets = useMemo(
    () => communityTargets(year, shownCommunities, { compounds: compounds.docs, orgs: orgs.docs, needs: needs.docs }, street?.needCategories, new Date()),
    [year, shownCommunities, compounds.docs, orgs.docs, needs.docs, street?.needCategories],
  );

  if (streets.loading) return <PageLoading />;
  if (!street) return <Alert type="warning" showIcon title={t('noStreet')} />;

  const criteria = street.assessmentCriteria ?? [];
  const thresholds = street.starThresholds ?? [];
  const mayWrite = canCreate(user, 'assessments') && criteria.length > 0;
  const sum = weightSum(criteria);
  const choices = (docs: readonly { id: string; name: string }[]) => docs.map((doc) => ({ value: doc.id, label: doc.name }));

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              options={yearOptions(assessments.docs, thisYear, year).map((value) => ({ value, label: t('yearOption', { year: value }) }))}
              style={{ width: 120 }}
              aria-label={t('year')}
              data-testid="assessment-year"
            />
            {mayWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ sheet: undefined })} data-testid="assessment-new">
                {t('newSheet')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {!canCreate(user, 'assessments') && <Alert type="info" showIcon title={t('readOnly')} />}
        {criteria.length === 0 && <Alert type="warning" showIcon title={t('noCriteria')} />}
        {criteria.length > 0 && sum !== 100 && <Alert type="warning" showIcon title={t('weightsNot100', { sum })} />}
        {thresholdProblem(thresholds) !== null && <Alert type="error" showIcon title={t('thresholdsProblem')} data-testid="assessment-thresholds-problem" />}
        {thresholds.length === 0 && <Alert type="warning" showIcon title={t('thresholdsMissing')} />}
      </Flex>
      <Tabs
        items={[
          {
            key: 'departments',
            label: t('tabs.departments'),
            children: (
              <div data-testid="assessment-departments">
                <DepartmentsTable
                  rows={deptRows}
                  criteria={criteria}
                  loading={assessments.loading || units.loading}
                  onRate={
                    mayWrite && !liaison
                      ? (row) =>
                          setEditing({ sheet: row.received?.sheet, preset: { direction: 'streetToDepartment', assessorId: street.id, assesseeId: row.id } })
                      : undefined
                  }
                />
              </div>
            ),
          },
          {
            key: 'street',
            label: t('tabs.street'),
            children: (
              <div data-testid="assessment-street">
                <StreetSheetsTable
                  year={year}
                  summaries={summaries}
                  rows={shownSheetRows}
                  criteria={criteria}
                  nameOf={nameOf}
                  loading={assessments.loading}
                  onEdit={mayWrite ? (sheet) => setEditing({ sheet }) : undefined}
                />
              </div>
            ),
          },
          // A liaison holds only its paired compounds: no community's targets to show.
          ...(liaison
            ? []
            : [
                {
                  key: 'targets',
                  label: t('tabs.targets'),
                  children: (
                    <div data-testid="assessment-targets">
                      <TargetsTable rows={targets} loading={compounds.loading || needs.loading} />
                    </div>
                  ),
                },
              ]),
        ]}
      />
      {editing && mayWrite && (
        <SheetFormModal
          year={year}
          street={street}
          sheet={editing.sheet}
          preset={editing.preset}
          sheets={assessments.docs}
          departments={choices(departments)}
          communities={choices(sortByName(communities.docs))}
          directions={liaison ? givenDirections : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
