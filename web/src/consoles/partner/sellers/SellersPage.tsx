import { Alert, Button, Col, Form, Input, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { useCreateSeller, useSellers } from '../../../domains/upstream/api';
import type { PayoutMethod, Seller } from '../../../domains/upstream/types';
import { useErrorText } from '../../../ui/errors';
import { formatDate } from '../../../ui/format';
import { QueryView } from '../../../ui/QueryView';
import { VillagerPicker } from '../order/VillagerPicker';
import { muted, panel } from '../panel';

type Fields = { story?: string; payoutMethod?: PayoutMethod; payoutAccount?: string };

/** A villager of the centre becomes a seller: the partner records the consent and the payout account. */
function NewSellerForm() {
  const { t } = useTranslation();
  const [villagerId, setVillagerId] = useState<string>();
  const create = useCreateSeller();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [form] = Form.useForm<Fields>();
  const method = Form.useWatch('payoutMethod', form);

  const submit = async (f: Fields) => {
    if (!villagerId) return;
    const account = f.payoutAccount?.trim();
    try {
      const seller = await create.mutateAsync({
        villagerId,
        ...(f.story?.trim() ? { story: f.story.trim() } : {}),
        ...(f.payoutMethod && account ? { payout: { method: f.payoutMethod, account } } : {}),
      });
      navigate(encodeURIComponent(seller.id));
    } catch (e) {
      // Already a seller: the refusal names the seller, so open it. Other errors show below.
      const sellerId =
        e instanceof ApiError ? (e.details as { sellerId?: string } | null)?.sellerId : undefined;
      if (sellerId) navigate(encodeURIComponent(sellerId));
    }
  };

  return (
    <section style={panel}>
      <h3 style={{ marginTop: 0 }}>{t('sellers.new')}</h3>
      <p style={muted}>{t('sellers.consentHint')}</p>
      <div style={{ marginBottom: 16 }}>
        <VillagerPicker value={villagerId} onChange={setVillagerId} />
      </div>
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        data-testid="seller-form"
      >
        <Form.Item name="story" label={t('sellers.story')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('sellers.storyPlaceholder')} />
        </Form.Item>
        <Form.Item name="payoutMethod" label={t('sellers.payoutMethod')}>
          <Select
            allowClear
            options={(['bank_card', 'alipay'] as const).map((m) => ({
              value: m,
              label: t(`sellers.payout.${m}`),
            }))}
          />
        </Form.Item>
        {method && (
          <Form.Item
            name="payoutAccount"
            label={t('sellers.payoutAccount')}
            rules={[
              { required: true, pattern: /^[A-Za-z0-9@._-]{4,64}$/, message: t('sellers.accountHint') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {create.isError && !(create.error instanceof ApiError && create.error.code === 'conflict') && (
          <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          disabled={!villagerId}
          loading={create.isPending}
          data-testid="create-seller"
        >
          {t('sellers.create')}
        </Button>
      </Form>
    </section>
  );
}

export default function SellersPage() {
  const { t } = useTranslation();
  const sellers = useSellers();
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={15}>
        <section style={panel}>
          <h3 style={{ marginTop: 0 }}>{t('partner.nav.sellers')}</h3>
          <QueryView query={sellers}>
            {(items) => (
              <Table<Seller>
                rowKey="id"
                size="middle"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="seller-table"
                locale={{ emptyText: t('sellers.none') }}
                columns={[
                  {
                    key: 'name',
                    title: t('sellers.name'),
                    render: (_, s) => <Link to={encodeURIComponent(s.id)}>{s.displayName}</Link>,
                  },
                  {
                    key: 'payout',
                    title: t('sellers.payoutMethod'),
                    render: (_, s) =>
                      s.payoutMethod
                        ? `${t(`sellers.payout.${s.payoutMethod}`)} ${s.payoutAccount ?? ''}`
                        : '—',
                  },
                  { key: 'since', title: t('sellers.since'), render: (_, s) => formatDate(s.createdAt) },
                ]}
              />
            )}
          </QueryView>
        </section>
      </Col>
      <Col xs={24} lg={9}>
        <NewSellerForm />
      </Col>
    </Row>
  );
}
