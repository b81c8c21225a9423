import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import type { Promotion } from '../catalog/types';
import type { Center } from '../network/types';
import { useCreateCampaign } from './api';
import type { NewCampaign } from './types';

type Fields = {
  name: string;
  description?: string;
  promotionIds: string[];
  centerIds?: string[];
  starts: string;
  ends: string;
};

type Props = {
  /** The county the campaign runs in; null for an HQ-wide campaign. */
  countyId: string | null;
  /** Promotions that reach the county (or any, for HQ-wide); ended ones are left out. */
  promotions: Promotion[];
  /** The county's centres to pick targets from; absent for HQ-wide (every open centre). */
  centers?: Center[];
};

const today = () => new Date().toISOString().slice(0, 10);

/** Creates a campaign over whole local days, bundling promotions for some or all centres. */
export function CampaignForm({ countyId, promotions, centers }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateCampaign();
  const [form] = Form.useForm<Fields>();
  const now = Date.now();
  const open = promotions.filter((p) => !p.endedAt && Date.parse(p.endsAt) > now);

  const submit = (f: Fields) => {
    const campaign: NewCampaign = {
      name: f.name.trim(),
      countyId,
      startsAt: new Date(`${f.starts}T00:00:00`).toISOString(),
      endsAt: new Date(`${f.ends}T23:59:59`).toISOString(),
      promotionIds: f.promotionIds,
      ...(f.description?.trim() ? { description: f.description.trim() } : {}),
      ...(f.centerIds?.length ? { centerIds: f.centerIds } : {}),
    };
    create.mutate(campaign, {
      onSuccess: (c) => {
        message.success(t('campaigns.created', { name: c.name }));
        form.resetFields();
      },
      onError: (error) => message.error(errorText(error), 6),
    });
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ starts: today(), ends: today() }}
      data-testid="campaign-form"
    >
      <Form.Item name="name" label={t('campaigns.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('campaigns.description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="promotionIds" label={t('campaigns.promotions')} rules={[required]}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={open.map((p) => ({ value: p.id, label: p.name }))}
          notFoundContent={t('campaigns.noPromotions')}
        />
      </Form.Item>
      {centers && (
        <Form.Item name="centerIds" label={t('campaigns.centers')} extra={t('campaigns.allCentersHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={centers
              .filter((c) => c.status !== 'closed')
              .map((c) => ({ value: c.id, label: c.villageName ? `${c.name}（${c.villageName}）` : c.name }))}
          />
        </Form.Item>
      )}
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="starts" label={t('campaigns.starts')} rules={[required]} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="ends"
          label={t('campaigns.ends')}
          dependencies={['starts']}
          style={{ flex: 1 }}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, v: string) =>
                !v || v >= getFieldValue('starts')
                  ? Promise.resolve()
                  : Promise.reject(t('campaigns.endsRule')),
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="campaign-submit">
        {t('campaigns.create')}
      </Button>
    </Form>
  );
}
