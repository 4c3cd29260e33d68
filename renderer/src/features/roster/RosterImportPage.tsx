// 导入花名册: members, compounds or buildings from an .xlsx file. The file is read and checked in a
// Web Worker (a 5,000-row sheet must not freeze the window), previewed row by row, then written
// on this device in chunks; sync takes it to the server when there is a network.
import { Alert, Button, Card, Flex, Progress, Result, Spin, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { isRosterKind, rosterKinds, suggestMapping, type RosterKind, type RosterMapping } from '../../lib/roster/fields';
import type { RosterResult } from '../../lib/roster/validate';
import { canCreate } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { FileStep } from './FileStep';
import { rememberMapping, rememberedMapping } from './mappingMemory';
import { MappingStep } from './MappingStep';
import { PreviewStep, type ImportMode } from './PreviewStep';
import { useRosterContext } from './useRosterContext';
import { RosterWorkerClient, RosterWorkerError, type ReadSheet } from './rosterWorkerClient';
import { RosterWriteError, writeRoster } from './writeRoster';

type Stage =
  | { step: 'file'; error?: string }
  | { step: 'reading' }
  | { step: 'mapping'; sheet: ReadSheet; mapping: RosterMapping; remembered: boolean }
  | { step: 'checking'; sheet: ReadSheet; mapping: RosterMapping; done: number; total: number }
  | { step: 'preview'; sheet: ReadSheet; mapping: RosterMapping; result: RosterResult }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; written: number }
  | { step: 'failed'; written: number; rest: number; message: string };

const listPaths: Record<RosterKind, string> = { members: '/members', compounds: '/compounds', buildings: '/compounds' };

function stepIndex(stage: Stage): number {
  switch (stage.step) {
    case 'file':
    case 'reading':
      return 0;
    case 'mapping':
      return 1;
    case 'checking':
    case 'preview':
    case 'writing':
    case 'done':
    case 'failed':
      return 2;
    default: {
      const unknown: never = stage;
      throw new Error(`unknown stage ${JSON.stringify(unknown)}`);
    }
  }
}

export function RosterImportPage() {
  const { t } = useTranslation('roster');
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const { context } = useRosterContext();
  const allowedKinds = rosterKinds.filter((kind) => canCreate(user, kind));
  const preset = search.get('kind');
  const [kind, setKind] = useState<RosterKind>(() => (isRosterKind(preset) ? preset : 'members'));
  const [stage, setStage] = useState<Stage>({ step: 'file' });
  const workerRef = useRef<RosterWorkerClient | null>(null);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );
  const worker = () => (workerRef.current ??= new RosterWorkerClient());
  const errorText = (error: unknown) => t(`errors.${error instanceof RosterWorkerError ? error.code : 'failed'}`);

  const readFile = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setStage({ step: 'file', error: t('errors.notXlsx') });
      return;
    }
    setStage({ step: 'reading' });
    try {
      const sheet = await worker().read(kind, await file.arrayBuffer());
      const remembered = rememberedMapping(kind, sheet.headers);
      setStage({ step: 'mapping', sheet, mapping: remembered ?? suggestMapping(kind, sheet.headers), remembered: remembered !== undefined });
    } catch (error) {
      setStage({ step: 'file', error: errorText(error) });
    }
  };

  const check = async (sheet: ReadSheet, mapping: RosterMapping) => {
    rememberMapping(kind, sheet.headers, mapping);
    setStage({ step: 'checking', sheet, mapping, done: 0, total: sheet.rowCount });
    try {
      const result = await worker().validate(mapping, context, (done, total) => setStage({ step: 'checking', sheet, mapping, done, total }));
      setStage({ step: 'preview', sheet, mapping, result });
    } catch (error) {
      setStage({ step: 'file', error: errorText(error) });
    }
  };

  const importRows = async (result: RosterResult, mode: ImportMode) => {
    // 全部正确才导入: nothing is written while any row is bad (the button is disabled too).
    if (mode === 'allOrNothing' && result.invalid > 0) return;
    const docs = result.docs;
    setStage({ step: 'writing', done: 0, total: docs.length });
    try {
      const written = await writeRoster(kind, docs, (done, total) => setStage({ step: 'writing', done, total }));
      setStage({ step: 'done', written });
    } catch (error) {
      const written = error instanceof RosterWriteError ? error.written : 0;
      setStage({ step: 'failed', written, rest: docs.length - written, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const kindName = t(`kinds.${kind}`);
  const restart = () => setStage({ step: 'file' });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {allowedKinds.length === 0 ? (
        <Alert type="warning" showIcon title={t('notAllowed', { kind: kindName })} />
      ) : (
        <Card>
          <Flex vertical gap={24}>
            <Steps current={stepIndex(stage)} items={[{ title: t('steps.file') }, { title: t('steps.mapping') }, { title: t('steps.preview') }]} />
            {stage.step === 'file' && (
              <>
                {stage.error !== undefined && <Alert type="error" showIcon title={stage.error} data-testid="roster-error" />}
                {!allowedKinds.includes(kind) && <Alert type="warning" showIcon title={t('notAllowed', { kind: kindName })} />}
                <FileStep kind={kind} allowedKinds={allowedKinds} onKindChange={setKind} onFile={(file) => void readFile(file)} context={context} />
              </>
            )}
            {stage.step === 'reading' && (
              <Flex gap={12} align="center" data-testid="roster-reading">
                <Spin /> {t('reading')}
              </Flex>
            )}
            {stage.step === 'mapping' && (
              <MappingStep
                kind={kind}
                sheet={stage.sheet}
                initial={stage.mapping}
                remembered={stage.remembered}
                onBack={restart}
                onNext={(mapping) => void check(stage.sheet, mapping)}
              />
            )}
            {(stage.step === 'checking' || stage.step === 'writing') && (
              <Flex vertical gap={8} data-testid="roster-progress">
                {stage.step === 'checking' ? t('checking', { done: stage.done, total: stage.total }) : t('preview.writing', { done: stage.done, total: stage.total })}
                <Progress percent={stage.total === 0 ? 0 : Math.floor((stage.done / stage.total) * 100)} status="active" />
              </Flex>
            )}
            {stage.step === 'preview' && (
              <PreviewStep
                kind={kind}
                result={stage.result}
                onBack={() => setStage({ step: 'mapping', sheet: stage.sheet, mapping: stage.mapping, remembered: false })}
                onImport={(mode) => void importRows(stage.result, mode)}
              />
            )}
            {stage.step === 'done' && (
              <Result
                status="success"
                title={t('done.title', { count: stage.written, kind: kindName })}
                subTitle={t('done.detail')}
                extra={[
                  <Button key="again" onClick={restart} data-testid="roster-again">
                    {t('done.again')}
                  </Button>,
                  <Link key="list" to={listPaths[kind]}>
                    <Button type="primary">{t('done.toList')}</Button>
                  </Link>,
                ]}
                data-testid="roster-done"
              />
            )}
            {stage.step === 'failed' && (
              <Result
                status="error"
                title={t('failed.title')}
                subTitle={t('failed.detail', { written: stage.written, rest: stage.rest, message: stage.message })}
                extra={<Button onClick={restart}>{t('done.again')}</Button>}
                data-testid="roster-failed"
              />
            )}
          </Flex>
        </Card>
      )}
    </>
  );
}
