import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { yuanToFen } from '../../ui/money';
import { useRecordAgreement } from './api';

type Fields = {
  title: string;
  signedOn: string;
  validUntil?: string;
  terms: string;
  subsidyYuan?: number;
  documentName?: string;
  documentUrl?: string;
};

/** Records an agreement signed with the county government. */
export function AgreementForm({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const record = useRecordAgreement(countyId);
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    record.mutate(
      {
        title: f.title.trim(),
        signedOn: f.signedOn,
        validUntil: f.validUntil || null,
        terms: f.terms.trim(),
        subsidyFen: yuanToFen(f.subsidyYuan ?? 0),
        ...(f.documentUrl?.trim()
          ? { documents: [{ name: f.documentName?.trim() || f.title.trim(), url: f.documentUrl.trim() }] }
          : {}),
      },
      {
        onSuccess: () => {
          message.success(t('government.recorded'));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="agreement-form">
      <Form.Item name="title" label={t('government.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('government.signedOn')} rules={required}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="validUntil" label={t('government.validUntil')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="terms" label={t('government.terms')} rules={required}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="subsidyYuan" label={t('government.subsidyYuan')}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="documentName" label={t('government.documentName')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="documentUrl"
        label={t('government.documentUrl')}
        rules={[{ pattern: /^https?:\/\//, message: t('government.urlRule') }]}
      >
        <Input maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('government.record')}
      </Button>
    </Form>
  );
}
