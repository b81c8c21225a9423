import { Button, Card, Col, Input, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../../domains/catalog/api';
import { ProductPrice } from '../../domains/catalog/ProductPrice';
import type { Product } from '../../domains/catalog/types';
import { QueryView } from '../../ui/QueryView';
import { ProductEditor } from './ProductEditor';
import { ProductForm } from './ProductForm';

const PAGE = 20;

export default function ProductsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Product | null>(null);
  // The server shows a merchant its own goods only, inactive ones included.
  const products = useProducts({ q: q.trim(), limit: PAGE, offset: (page - 1) * PAGE });

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card
          title={t('merchant.nav.products')}
          extra={
            <Input.Search
              allowClear
              placeholder={t('catalog.searchPlaceholder')}
              aria-label={t('catalog.search')}
              onSearch={(value) => {
                setQ(value);
                setPage(1);
              }}
              style={{ width: 240 }}
            />
          }
        >
          <QueryView query={products}>
            {({ items, total }) => (
              <Table<Product>
                rowKey="id"
                size="middle"
                dataSource={items}
                scroll={{ x: 'max-content' }}
                pagination={{
                  current: page,
                  pageSize: PAGE,
                  total,
                  onChange: setPage,
                  hideOnSinglePage: true,
                }}
                data-testid="product-table"
                columns={[
                  { key: 'sku', title: 'SKU', dataIndex: 'sku' },
                  { key: 'title', title: t('products.title'), dataIndex: 'title' },
                  { key: 'category', title: t('catalog.category'), dataIndex: 'category' },
                  { key: 'kind', title: t('catalog.kind'), render: (_, p) => t(`catalog.kinds.${p.kind}`) },
                  {
                    key: 'price',
                    title: t('products.price'),
                    render: (_, p) => <ProductPrice product={p} />,
                  },
                  { key: 'stock', title: t('products.stock'), align: 'right', dataIndex: 'stock' },
                  {
                    key: 'status',
                    title: t('products.status'),
                    render: (_, p) => (
                      <Tag color={p.status === 'active' ? 'green' : 'default'}>
                        {t(`products.statuses.${p.status}`)}
                      </Tag>
                    ),
                  },
                  {
                    key: 'edit',
                    title: t('centers.actions'),
                    render: (_, p) => (
                      <Button size="small" onClick={() => setEditing(p)}>
                        {t('products.edit')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
          </QueryView>
        </Card>
        {editing && <ProductEditor product={editing} onClose={() => setEditing(null)} />}
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('products.new')}>
          <ProductForm />
        </Card>
      </Col>
    </Row>
  );
}
