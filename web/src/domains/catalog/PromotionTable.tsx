import { Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { useEndPromotion } from './api';
import type { Promotion } from './types';

function state(p: Promotion, now: number): 'ended' | 'scheduled' | 'running' {
  if (p.endedAt || Date.parse(p.endsAt) < now) return 'ended';
  return Date.parse(p.startsAt) > now ? 'scheduled' : 'running';
}

const stateColors = { running: 'green', scheduled: 'blue', ended: 'default' } as const;

/** Promotions with an end button on those still running or scheduled, when `canEnd` allows it. */
export function PromotionTable({
  promotions,
  canEnd,
}: {
  promotions: Promotion[];
  canEnd: (p: Promotion) => boolean;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const end = useEndPromotion();
  const now = Date.now();

  return (
    <Table<Promotion>
      rowKey="id"
      size="middle"
      dataSource={promotions}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="promotion-table"
      columns={[
        { key: 'name', title: t('promotions.name'), dataIndex: 'name' },
        {
          key: 'discount',
          title: t('promotions.discount'),
          render: (_, p) =>
            p.type === 'percent'
              ? t('promotions.percentValue', { value: p.value })
              : t('promotions.fixedValue', { value: formatFen(p.value) }),
        },
        {
          key: 'period',
          title: t('promotions.period'),
          render: (_, p) => `${formatDate(p.startsAt)} – ${formatDate(p.endsAt)}`,
        },
        {
          key: 'budget',
          title: t('promotions.spent'),
          align: 'right',
          render: (_, p) =>
            p.budgetFen === null
              ? formatFen(p.spentFen)
              : `${formatFen(p.spentFen)} / ${formatFen(p.budgetFen)}`,
        },
        {
          key: 'state',
          title: t('promotions.state'),
          render: (_, p) => {
            const s = state(p, now);
            return <Tag color={stateColors[s]}>{t(`promotions.states.${s}`)}</Tag>;
          },
        },
        {
          key: 'actions',
          title: t('centers.actions'),
          render: (_, p) =>
            state(p, now) !== 'ended' && canEnd(p) ? (
              <Popconfirm
                title={t('promotions.confirmEnd', { name: p.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  end.mutate(p.id, {
                    onSuccess: () => message.success(t('promotions.ended', { name: p.name })),
                    onError: (error) => message.error(errorText(error), 6),
                  })
                }
              >
                <Button size="small" danger loading={end.isPending && end.variables === p.id}>
                  {t('promotions.end')}
                </Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  );
}
