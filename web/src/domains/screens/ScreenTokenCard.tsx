import { Alert, Button, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { useRevokeScreenToken, useRotateScreenToken, useScreenTokenStatus } from './api';

/**
 * The centre's TV link: the token is shown once, right after it is made, so a lost link is
 * replaced rather than looked up; making a new one switches the old TV off.
 */
export function ScreenTokenCard({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rotate = useRotateScreenToken(centerId);
  const revoke = useRevokeScreenToken(centerId);
  const status = useScreenTokenStatus(centerId);
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const error = rotate.error ?? revoke.error;

  const create = () =>
    rotate.mutate(undefined, {
      onSuccess: (r) => {
        setUrl(`${window.location.origin}${r.url}`);
        setRevoked(false);
      },
    });
  const stop = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        setRevoked(true);
      },
    });

  return (
    <div data-testid="screen-token">
      <p style={{ marginTop: 0 }}>{t('screen.hint')}</p>
      {status.data && (
        <p data-testid="screen-status">
          {status.data.active ? (
            <>
              <Tag color="green">{t('screen.active')}</Tag>
              {t('screen.activeSince', {
                at: formatDateTime(status.data.createdAt),
                name: status.data.createdByName ?? '—',
              })}
            </>
          ) : (
            <Tag>{t('screen.inactive')}</Tag>
          )}
        </p>
      )}
      {url && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('screen.created')}
          description={
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              data-testid="screen-url"
              style={{ wordBreak: 'break-all' }}
            >
              {url}
            </a>
          }
        />
      )}
      {revoked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('screen.revoked')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />}
      <Space wrap>
        <Popconfirm title={t('screen.rotateConfirm')} onConfirm={create}>
          <Button type="primary" loading={rotate.isPending} data-testid="screen-create">
            {t('screen.create')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('screen.revokeConfirm')} onConfirm={stop}>
          <Button
            danger
            loading={revoke.isPending}
            disabled={status.data?.active === false}
            data-testid="screen-revoke"
          >
            {t('screen.revoke')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}
