import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useCenterAction } from './api';
import { allowedActions, type Center, type CenterAction } from './types';

const dangerous: Record<CenterAction, boolean> = { open: false, suspend: true, close: true };

/** The lifecycle buttons a centre's current status allows, each behind a confirmation. */
export function CenterActions({ center }: { center: Center }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const change = useCenterAction(center.countyId);
  const pending = change.isPending ? change.variables?.action : undefined;

  return (
    <Space size="small" wrap>
      {allowedActions[center.status].map((action) => (
        <Popconfirm
          key={action}
          title={t(`centers.confirm.${action}`, { name: center.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: dangerous[action], 'data-testid': 'confirm-ok' }}
          onConfirm={() =>
            change.mutate(
              { centerId: center.id, action },
              {
                onSuccess: (c) => message.success(t(`centers.done.${action}`, { name: c.name })),
                onError: (error) => message.error(errorText(error), 6),
              },
            )
          }
        >
          <Button
            size="small"
            danger={dangerous[action]}
            type={action === 'open' ? 'primary' : 'default'}
            loading={pending === action}
            data-testid={`center-${action}`}
          >
            {t(`centers.action.${action}`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
