import { Alert, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FeatureLockNotice, useFeatureLock } from '../../../domains/training/FeatureLock';
import { useListForSeller } from '../../../domains/upstream/api';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { yuanToFen } from '../../../ui/money';

type Fields = {
  title: string;
  description?: string;
  priceYuan: number;
  stock: number;
  unit: string;
  weightGrams: number;
  category?: string;
  grade?: string;
  harvestDate?: Dayjs | null;
};

/** Lists a product on the seller's behalf; it reaches the storefront once the county approves it. */
export function ListingForm({ sellerId }: { sellerId: string }) {
  const { t } = useTranslation();
  const list = useListForSeller(sellerId);
  const errorText = useErrorText();
  const message = useMessage();
  const [form] = Form.useForm<Fields>();
  const lock = useFeatureLock('upstreamListings');

  const submit = async (f: Fields) => {
    const grade = f.grade?.trim();
    const category = f.category?.trim();
    try {
      await list.mutateAsync({
        title: f.title.trim(),
        description: f.description?.trim() ?? '',
        priceFen: yuanToFen(f.priceYuan),
        stock: f.stock,
        unit: f.unit.trim(),
        weightGrams: f.weightGrams,
        ...(category ? { category } : {}),
        origin: {
          ...(grade ? { grade } : {}),
          ...(f.harvestDate ? { harvestDate: f.harvestDate.format('YYYY-MM-DD') } : {}),
        },
      });
      message.success(t('listings.submitted'));
      form.resetFields();
    } catch {
      // The mutation keeps the error, shown above the button; the form keeps what was typed.
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      data-testid="listing-form"
      disabled={lock.locked}
      initialValues={{ stock: 1, unit: t('listings.defaultUnit') }}
    >
      {lock.locked && (
        <div style={{ marginBottom: 16 }}>
          <FeatureLockNotice reason={lock.reason} />
        </div>
      )}
      <Form.Item name="title" label={t('listings.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('listings.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Form.Item name="priceYuan" label={t('listings.price')} rules={[required]}>
          <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="unit" label={t('listings.unit')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={20} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="stock" label={t('listings.stock')} rules={[required]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="weightGrams" label={t('listings.weightGrams')} rules={[required]}>
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Form.Item name="category" label={t('listings.category')}>
          <Input maxLength={50} placeholder={t('listings.defaultCategory')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="grade" label={t('listings.grade')}>
          <Input maxLength={50} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="harvestDate" label={t('listings.harvestDate')}>
          <DatePicker />
        </Form.Item>
      </div>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={list.isPending} data-testid="submit-listing">
        {t('listings.submit')}
      </Button>
    </Form>
  );
}
