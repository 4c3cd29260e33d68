// Step 1: what to import, the template for it, and the file.
import { App, Button, Flex, Radio, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopApi } from '../../desktop';
import { rosterKinds, type RosterKind } from '../../lib/roster/fields';
import type { RosterContext } from '../../lib/roster/places';

interface FileStepProps {
  kind: RosterKind;
  allowedKinds: readonly RosterKind[];
  onKindChange: (kind: RosterKind) => void;
  onFile: (file: File) => void;
  context: RosterContext;
}

/** The person's own place names in the template's example row, so it reads like their sheet. */
function examplePlaces(kind: RosterKind, context: RosterContext): Record<string, string> {
  const compound = context.compounds[0];
  const community = context.communities.find((c) => c.id === compound?.communityId) ?? context.communities[0];
  const building = context.buildings.find((b) => b.compoundId === compound?.id);
  const places: Record<string, string> = {};
  if (community && context.communities.length > 1) places.community = community.name;
  if (compound && kind !== 'compounds') places.compound = compound.name;
  if (building && kind === 'members') places.building = building.name;
  return places;
}

export function FileStep({ kind, allowedKinds, onKindChange, onFile, context }: FileStepProps) {
  const { t } = useTranslation('roster');
  const { message } = App.useApp();
  const [making, setMaking] = useState(false);
  const kindName = t(`kinds.${kind}`);
  // On the desktop a click opens the native dialog (it remembers folders, shows Chinese names);
  // dropping a file works the same everywhere, and the web build keeps the file input.
  const desktop = getDesktopApi();
  const nativeOpen = desktop.openFile !== undefined;

  const pickNative = async () => {
    if (!desktop.openFile) return;
    const result = await desktop.openFile([{ name: t('excelFilter'), extensions: ['xlsx'] }]);
    if (!result.ok) {
      void message.error(result.error);
      return;
    }
    if (result.value === null) return;
    const { name, data } = result.value;
    onFile(new File([data.slice()], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    void pickNative();
  };

  const downloadTemplate = async () => {
    setMaking(true);
    try {
      // ExcelJS is large: loaded only when someone asks for a template.
      const { templateBytes, templateWorkbook } = await import('../../lib/roster/template');
      const instructions = [t('templateHelp.common'), t(`templateHelp.${kind}`)].join('\n').split('\n');
      const workbook = templateWorkbook(kind, { sheetName: kindName, instructionsSheetName: t('templateSheets.instructions'), instructions }, examplePlaces(kind, context));
      const result = await getDesktopApi().saveFile(t('templateFile', { kind: kindName }), await templateBytes(workbook));
      if (!result.ok) throw new Error(result.error);
    } catch (error) {
      void message.error(t('templateFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setMaking(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong>{t('kind')}</Typography.Text>
        <Radio.Group value={kind} onChange={(event) => onKindChange(event.target.value as RosterKind)} optionType="button" buttonStyle="solid">
          {rosterKinds.map((option) => (
            <Radio.Button key={option} value={option} disabled={!allowedKinds.includes(option)} data-testid={`roster-kind-${option}`}>
              {t(`kinds.${option}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Button icon={<DownloadOutlined />} loading={making} onClick={() => void downloadTemplate()} data-testid="roster-template">
          {t('template', { kind: kindName })}
        </Button>
      </Flex>
      {/* The dragger's own click and key handlers do nothing when the native dialog is used: they reach this wrapper. */}
      <div {...(nativeOpen ? { onClick: () => void pickNative(), onKeyDown, 'data-testid': 'roster-open-native' } : {})}>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          openFileDialogOnClick={!nativeOpen}
          beforeUpload={(file) => {
            onFile(file);
            // Read on this device: nothing is uploaded.
            return Upload.LIST_IGNORE;
          }}
          data-testid="roster-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('pick')}</p>
          <p className="ant-upload-hint">{t('pickHint')}</p>
        </Upload.Dragger>
      </div>
    </Flex>
  );
}
