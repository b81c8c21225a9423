import { Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { yuanToFen } from '../../ui/money';
import { type NewPromotion, useCreatePromotion } from './api';
import type { Category, Product, PromotionType } from './types';

type Fields = {
  name: string;
  type: PromotionType;
  value: number;
  productIds?: string[];
  categories?: string[];
  starts: string;
  ends: string;
  budget?: number | null;
};

type Props = {
  /** A merchant targets its own products; county staff target categories. */
  products?: Product[];
  categories: Category[];
  /** The county a county-staff promotion is limited to; merchants leave it to the server. */
  countyId?: string;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Creates a percent or fixed discount; the dates are whole local days, which is how staff plan them. */
export function PromotionForm({ products, categories, countyId }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreatePromotion();
  const [form] = Form.useForm<Fields>();
  const type = Form.useWatch('type', form) ?? 'percent';

  const submit = (f: Fields) => {
    const promotion: NewPromotion = {
      name: f.name.trim(),
      type: f.type,
      // Percent is sent as whole percent, a fixed discount as fen off each unit.
      value: f.type === 'percent' ? f.value : yuanToFen(f.value),
      startsAt: new Date(`${f.starts}T00:00:00`).toISOString(),
      endsAt: new Date(`${f.ends}T23:59:59`).toISOString(),
      ...(f.productIds?.length ? { productIds: f.productIds } : {}),
      ...(f.categories?.length ? { categories: f.categories } : {}),
      ...(countyId ? { countyIds: [countyId] } : {}),
      ...(f.budget ? { budgetFen: yuanToFen(f.budget) } : {}),
    };
    create.mutate(promotion, {
      onSuccess: (p) => {
        message.success(t('promotions.created', { name: p.name }));
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
      initialValues={{ type: 'percent', starts: today(), ends: today() }}
      data-testid="promotion-form"
    >
      <Form.Item name="name" label={t('promotions.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="type" label={t('promotions.type')}>
        <Radio.Group
          options={[
            { value: 'percent', label: t('promotions.types.percent') },
            { value: 'fixed', label: t('promotions.types.fixed') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={type === 'percent' ? t('promotions.percentOff') : t('promotions.yuanOff')}
        rules={[required]}
      >
        {type === 'percent' ? (
          <InputNumber min={1} max={90} precision={0} suffix="%" style={{ width: '100%' }} />
        ) : (
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
        )}
      </Form.Item>
      {products && (
        <Form.Item name="productIds" label={t('promotions.products')} extra={t('promotions.scopeHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={products.map((p) => ({ value: p.id, label: `${p.title}（${p.sku}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="categories" label={t('promotions.categories')}>
        <Select mode="multiple" options={categories.map((c) => ({ value: c.category, label: c.category }))} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="starts" label={t('promotions.starts')} rules={[required]} style={{ flex: 1 }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="ends"
          label={t('promotions.ends')}
          dependencies={['starts']}
          style={{ flex: 1 }}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, v: string) =>
                !v || v >= getFieldValue('starts')
                  ? Promise.resolve()
                  : Promise.reject(t('promotions.endsRule')),
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </div>
      <Form.Item name="budget" label={t('promotions.budget')} extra={t('promotions.budgetHint')}>
        <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="promotion-submit">
        {t('promotions.create')}
      </Button>
    </Form>
  );
}
