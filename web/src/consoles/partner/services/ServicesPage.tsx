import { Alert, Button, Card, Col, Descriptions, Radio, Row, Space, Tabs } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../../api/ids';
import { useRequestService, useServiceRequest, useServiceRequests } from '../../../domains/services/api';
import { ServiceRequestTable, useServiceSubject } from '../../../domains/services/ServiceRequestTable';
import { ServiceStatusTag } from '../../../domains/services/ServiceStatusTag';
import { feeOf, type ServiceKind, serviceKinds } from '../../../domains/services/types';
import { useVillager } from '../../../domains/villagers/api';
import { useErrorText } from '../../../ui/errors';
import { formatFen } from '../../../ui/money';
import { QueryView } from '../../../ui/QueryView';
import { VillagerPicker } from '../order/VillagerPicker';
import { BillForm } from './BillForm';
import type { Draft } from './draft';
import { TicketForm } from './TicketForm';
import { TopupForm } from './TopupForm';

const forms = { mobile_topup: TopupForm, utility_bill: BillForm, travel_ticket: TicketForm } as const;

/** The request just made: its status updates in place until the provider has answered. */
function Result({ id }: { id: string }) {
  const { t } = useTranslation();
  const request = useServiceRequest(id);
  const subject = useServiceSubject();
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="service-result">
      <QueryView query={request}>
        {(r) => (
          <>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('services.statusLabel')}>
                <ServiceStatusTag status={r.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t(`services.kind.${r.kind}`)}>{subject(r)}</Descriptions.Item>
              <Descriptions.Item label={t('services.amount')}>{formatFen(r.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('services.fee')}>{formatFen(r.feeFen)}</Descriptions.Item>
              <Descriptions.Item label={t('services.collect')}>
                <strong data-testid="service-total">{formatFen(r.totalFen)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('services.receiptNo')}>{r.receiptNo}</Descriptions.Item>
            </Descriptions>
            {r.status === 'failed' && (
              <Alert
                type="warning"
                showIcon
                title={t('services.refunded', { amount: formatFen(r.totalFen) })}
                description={t(`services.reason.${r.failureReason}`, { defaultValue: r.failureReason ?? '' })}
              />
            )}
            <Link
              to={`/partner/services/${encodeURIComponent(r.id)}/receipt`}
              data-testid="open-service-receipt"
            >
              {t('receipt.open')}
            </Link>
          </>
        )}
      </QueryView>
    </Card>
  );
}

export default function ServicesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ServiceKind>('mobile_topup');
  const [villagerId, setVillagerId] = useState<string>();
  const [payment, setPayment] = useState<'float' | 'wallet'>('float');
  const [draft, setDraft] = useState<Draft>(null);
  const [lastId, setLastId] = useState<string>();
  const villager = useVillager(villagerId);
  const send = useRequestService();
  const recent = useServiceRequests();
  // One key per attempt: pressing again after a lost answer replays the same request.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const onDraft = useCallback((d: Draft) => setDraft(d), []);
  const Form = forms[kind];

  const submit = () => {
    if (!villagerId || !draft) return;
    const body = { villagerId, kind, amountFen: draft.amountFen, details: draft.details, payment };
    const signature = JSON.stringify(body);
    if (attempt.current?.body !== signature) attempt.current = { body: signature, key: newIdempotencyKey() };
    send.mutate(
      { ...body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (r) => {
          setLastId(r.id);
          // Done: pressing again is a second top-up, not a replay of this one.
          attempt.current = null;
        },
      },
    );
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={16} xl={14}>
        <Card title={t('partner.nav.services')}>
          <Tabs
            activeKey={kind}
            onChange={(k) => {
              setKind(k as ServiceKind);
              setDraft(null);
              send.reset();
            }}
            items={serviceKinds.map((k) => ({ key: k, label: t(`services.kind.${k}`) }))}
          />
          <div style={{ marginBottom: 16 }}>
            <VillagerPicker value={villagerId} onChange={setVillagerId} />
          </div>
          <Form key={kind} villager={villager.data} onChange={onDraft} />
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={payment}
              onChange={(e) => setPayment(e.target.value)}
              aria-label={t('checkout.payment')}
            >
              <Radio value="float">{t('payment.float')}</Radio>
              <Radio value="wallet">{t('payment.wallet')}</Radio>
            </Radio.Group>
            {draft && (
              <div data-testid="service-price">
                {t('services.priceLine', {
                  amount: formatFen(draft.amountFen),
                  fee: draft.feeBps === null ? '…' : formatFen(feeOf(draft.amountFen, draft.feeBps)),
                })}
              </div>
            )}
            {send.isError && <Alert type="error" showIcon title={errorText(send.error)} />}
            <Button
              type="primary"
              size="large"
              disabled={!villagerId || !draft}
              loading={send.isPending}
              onClick={submit}
              data-testid="submit-service"
            >
              {t('services.submit')}
            </Button>
          </Space>
          {lastId && <Result id={lastId} />}
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('services.recent')}>
          <QueryView query={recent}>
            {(items) => (
              <ServiceRequestTable
                requests={items.slice(0, 20)}
                link={(r) => (
                  <Link to={`/partner/services/${encodeURIComponent(r.id)}/receipt`}>{r.receiptNo}</Link>
                )}
              />
            )}
          </QueryView>
        </Card>
      </Col>
    </Row>
  );
}
