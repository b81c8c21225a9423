import { AutoComplete, Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, useCreateProduct } from '../../domains/catalog/api';
import { type ProductKind, productKinds } from '../../domains/catalog/types';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { yuanToFen } from '../../ui/money';

type Fields = {
  sku: string;
  title: string;
  description?: string;
  category: string;
  kind: ProductKind;
  price: number;
  stock: number;
  weightKg: number;
};

/** Prices are typed in yuan and weights in kilograms, as merchants think of them. */
export function ProductForm() {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateProduct();
  const categories = useCategories();
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    create.mutate(
      {
        sku: f.sku.trim(),
        title: f.title.trim(),
        ...(f.description?.trim() ? { description: f.description.trim() } : {}),
        category: f.category.trim(),
        kind: f.kind,
        priceFen: yuanToFen(f.price),
        stock: f.stock,
        weightGrams: Math.max(1, Math.round(f.weightKg * 1000)),
      },
      {
        onSuccess: (p) => {
          message.success(t('products.created', { title: p.title }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  const required = { required: true, message: t('common.required') };
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'agri_input', stock: 0 }}
      data-testid="product-form"
    >
      <Form.Item
        name="sku"
        label="SKU"
        rules={[required, { pattern: /^[A-Za-z0-9._/-]+$/, message: t('products.skuRule') }]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="title" label={t('products.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('products.description')}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="category" label={t('catalog.category')} rules={[{ ...required, whitespace: true }]}>
        <AutoComplete
          options={(categories.data ?? []).map((c) => ({ value: c.category }))}
          filterOption
          maxLength={50}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('catalog.kind')} rules={[required]}>
        <Select options={productKinds.map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="price" label={t('products.priceYuan')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label={t('products.stock')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="weightKg" label={t('products.weightKg')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={0.001} precision={3} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="product-submit">
        {t('products.create')}
      </Button>
    </Form>
  );
}
