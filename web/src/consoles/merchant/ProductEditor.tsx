import { Form, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ProductChange, useUpdateProduct } from '../../domains/catalog/api';
import type { Product, ProductStatus } from '../../domains/catalog/types';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { fenToYuan, yuanToFen } from '../../ui/money';

type Fields = { price: number; stock: number; status: ProductStatus };

/** Sends only what changed, so a stock correction never overwrites a price set elsewhere meanwhile. */
export function ProductEditor({ product, onClose }: { product: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const update = useUpdateProduct();
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) => {
    const change: ProductChange = {};
    if (yuanToFen(f.price) !== product.priceFen) change.priceFen = yuanToFen(f.price);
    if (f.stock !== product.stock) change.stock = f.stock;
    if (f.status !== product.status) change.status = f.status;
    if (Object.keys(change).length === 0) return onClose();
    update.mutate(
      { id: product.id, change },
      {
        onSuccess: (p) => {
          message.success(t('products.updated', { title: p.title }));
          onClose();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );
  };

  return (
    <Modal
      open
      title={product.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ price: fenToYuan(product.priceFen), stock: product.stock, status: product.status }}
      >
        <Form.Item
          name="price"
          label={t('products.priceYuan')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="stock"
          label={t('products.stock')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('products.status')}>
          <Radio.Group
            options={[
              { value: 'active', label: t('products.statuses.active') },
              { value: 'inactive', label: t('products.statuses.inactive') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
