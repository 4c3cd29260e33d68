// Updates from the street office (issue 8), on the desktop only: the shell downloads a newer
// version and checks our feed signature; this shows the download, then "新版本 x 已下载" with the
// release notes and a restart button, or a warning when an update failed the signature check.
import type { UpdateStatus } from '@domain/desktop';
import { Alert, App, Button, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopApi } from '../../desktop';
import { useSessionStore } from '../../session/store';
import { updateNoticeView, watchUpdates } from './updateWatch';

export function UpdateNotice() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const serverUrl = useSessionStore((state) => state.session?.serverUrl);
  // The server refusing this version (client_outdated) is a reason to ask again at once.
  const outdated = useSessionStore((state) => state.notice?.kind === 'outdated');
  const updates = getDesktopApi().updates;
  const [status, setStatus] = useState<UpdateStatus | null>(null);

  useEffect(() => {
    if (!updates || !serverUrl) return undefined;
    return watchUpdates(updates, serverUrl, setStatus);
  }, [updates, serverUrl, outdated]);

  const view = updateNoticeView(status);
  if (!updates || view.kind === 'none') return null;

  if (view.kind === 'downloading') {
    return (
      <Alert
        type="info"
        banner
        showIcon
        data-testid="update-downloading"
        title={t('updates.downloading', { version: view.version, percent: view.percent })}
        description={<Progress percent={view.percent} size="small" showInfo={false} />}
      />
    );
  }

  if (view.kind === 'rejected') {
    return <Alert type="warning" banner showIcon data-testid="update-rejected" title={t('updates.rejected', { reason: view.reason })} />;
  }

  const confirmRestart = () => {
    modal.confirm({
      title: t('updates.confirmTitle', { version: view.version }),
      content: t('updates.confirmContent'),
      okText: t('updates.restart'),
      cancelText: t('updates.later'),
      onOk: async () => {
        const answer = await updates.install();
        if (!answer.ok) void message.error(t('updates.installFailed', { error: answer.error }));
      },
    });
  };

  return (
    <Alert
      type="success"
      banner
      showIcon
      data-testid="update-ready"
      title={t('updates.ready', { version: view.version })}
      description={
        view.releaseNotes ? (
          <div style={{ maxHeight: 160, overflowY: 'auto' }}>
            <Typography.Text strong>{t('updates.notes')}</Typography.Text>
            {/* Plain text: notes are never rendered as HTML. */}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="update-notes">
              {view.releaseNotes}
            </Typography.Paragraph>
          </div>
        ) : undefined
      }
      action={
        <Button size="small" type="primary" data-testid="update-restart" onClick={confirmRestart}>
          {t('updates.restart')}
        </Button>
      }
    />
  );
}
