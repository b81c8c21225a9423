import { Button, Card, Descriptions, Image, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStoreProduct } from '../domains/upstream/api';
import { useMessage } from '../ui/feedback';
import { formatFen } from '../ui/money';
import { QueryView } from '../ui/QueryView';
import { cart } from './cart';

/** A village product and where it comes from: what the traceability label on the jar opens. */
export default function ProductPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const page = useStoreProduct(id);
  const message = useMessage();
  const [quantity, setQuantity] = useState(1);

  return (
    <QueryView query={page}>
      {({ product, seller, origin }) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            {product.photos && product.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap style={{ marginBottom: 12 }} data-testid="product-photos">
                  {product.photos.map((photo, i) => (
                    <Image
                      key={photo.id}
                      src={i === 0 ? photo.url : photo.thumbUrl}
                      preview={{ src: photo.url }}
                      width={i === 0 ? 'min(100%, 480px)' : 96}
                      alt={product.title}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            <h1 style={{ marginTop: 0 }} data-testid="product-title">
              {product.title}
            </h1>
            <p style={{ color: '#b91c1c', fontSize: 24, margin: '8px 0' }}>
              {formatFen(product.priceFen)}
              {product.unit && (
                <span style={{ fontSize: 16, color: 'rgba(0,0,0,0.45)' }}> / {product.unit}</span>
              )}
            </p>
            {product.description && <p style={{ whiteSpace: 'pre-wrap' }}>{product.description}</p>}
            {product.status === 'active' && product.stock > 0 ? (
              <Space wrap>
                <InputNumber
                  min={1}
                  max={product.stock}
                  value={quantity}
                  onChange={(v) => setQuantity(v ?? 1)}
                  aria-label={t('store.quantity')}
                />
                <Button
                  type="primary"
                  data-testid="add-to-cart"
                  onClick={() => {
                    cart.add(product, quantity);
                    message.success(t('store.added'));
                  }}
                >
                  {t('store.addToCart')}
                </Button>
                <Link to="/store/cart">{t('store.goToCart')}</Link>
              </Space>
            ) : (
              <p>{t('store.soldOut')}</p>
            )}
          </Card>
          <Card title={t('store.origin')} data-testid="product-origin">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('store.place')}>
                {[origin.province, origin.county, origin.village].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('store.seller')}>{seller.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('listings.grade')}>{origin.grade ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('listings.harvestDate')}>
                {origin.harvestDate ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            {seller.story && <p style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{seller.story}</p>}
          </Card>
        </Space>
      )}
    </QueryView>
  );
}
