import { Button, Divider, Form, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { type Asset, type AssetKind, assetKinds, useAssets, useRecordSignage, useRegisterAsset } from './api';
import { OnboardingChecklist } from './OnboardingChecklist';

type Fields = { kind: AssetKind; serialNo: string; model?: string };

/** A centre's onboarding for the county: the checklist, the asset register, and the signage. */
export function CenterOnboarding({ centerId, manage }: { centerId: string; manage: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const assets = useAssets(centerId);
  const register = useRegisterAsset(centerId);
  const signage = useRecordSignage(centerId);
  const [form] = Form.useForm<Fields>();
  const fail = (error: unknown) => message.error(errorText(error), 6);

  return (
    <div data-testid="center-onboarding">
      <OnboardingChecklist centerId={centerId} />
      {manage && (
        <Button
          style={{ marginTop: 12 }}
          loading={signage.isPending}
          onClick={() => signage.mutate(undefined, { onError: fail })}
          data-testid="record-signage"
        >
          {t('onboarding.recordSignage')}
        </Button>
      )}
      <Divider>{t('onboarding.assets')}</Divider>
      <QueryView query={assets}>
        {(items) => (
          <Table<Asset>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            data-testid="asset-table"
            columns={[
              { key: 'kind', title: t('onboarding.kind'), render: (_, a) => t(`onboarding.kinds.${a.kind}`) },
              { key: 'serialNo', title: t('onboarding.serialNo'), dataIndex: 'serialNo' },
              { key: 'model', title: t('onboarding.model'), render: (_, a) => a.model ?? '—' },
              {
                key: 'createdAt',
                title: t('onboarding.providedAt'),
                render: (_, a) => formatDate(a.createdAt),
              },
            ]}
          />
        )}
      </QueryView>
      {manage && (
        <Form<Fields>
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={(f) =>
            register.mutate(
              {
                kind: f.kind,
                serialNo: f.serialNo.trim(),
                ...(f.model?.trim() ? { model: f.model.trim() } : {}),
              },
              { onSuccess: () => form.resetFields(), onError: fail },
            )
          }
          data-testid="asset-form"
        >
          <Form.Item
            name="kind"
            label={t('onboarding.kind')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={assetKinds.map((k) => ({ value: k, label: t(`onboarding.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="serialNo"
            label={t('onboarding.serialNo')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[A-Za-z0-9._/-]{1,100}$/, message: t('onboarding.serialRule') },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="model" label={t('onboarding.model')}>
            <Input maxLength={100} />
          </Form.Item>
          <Button htmlType="submit" loading={register.isPending}>
            {t('onboarding.register')}
          </Button>
        </Form>
      )}
    </div>
  );
}
