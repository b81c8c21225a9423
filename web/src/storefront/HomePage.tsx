import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStoreProducts } from '../domains/upstream/api';
import type { Listing } from '../domains/upstream/types';
import { formatFen } from '../ui/money';
import { QueryView } from '../ui/QueryView';

const muted = { color: 'rgba(0,0,0,0.45)' } as const;

function ProductCard({ product }: { product: Listing }) {
  const { t } = useTranslation();
  return (
    <Link to={`/store/p/${encodeURIComponent(product.id)}`} data-testid="store-product">
      <Card
        hoverable
        size="small"
        style={{ height: '100%' }}
        cover={
          product.photos?.[0] && (
            <img
              src={product.photos[0].thumbUrl}
              alt={product.title}
              style={{ aspectRatio: '1', objectFit: 'cover' }}
            />
          )
        }
      >
        <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 4 }}>{product.title}</div>
        <div style={{ color: '#b91c1c', fontSize: 18 }}>
          {formatFen(product.priceFen)}
          {product.unit && <span style={muted}> / {product.unit}</span>}
        </div>
        <div style={muted}>{product.origin?.village ?? product.category}</div>
        {product.stock === 0 && <div style={muted}>{t('store.soldOut')}</div>}
      </Card>
    </Link>
  );
}

/** Featured village products, newest first; with `?q=` the search results instead. */
export function HomePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const text = params.get('q')?.trim() ?? '';
  const products = useStoreProducts(text);
  return (
    <section>
      <h2 style={{ margin: '8px 0 16px' }}>{text ? t('store.resultsFor', { text }) : t('store.featured')}</h2>
      <QueryView query={products}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty description={text ? t('store.noResults') : t('store.noProducts')} />
          ) : (
            <Row gutter={[12, 12]}>
              {items.map((p) => (
                <Col key={p.id} xs={12} sm={8} md={6}>
                  <ProductCard product={p} />
                </Col>
              ))}
            </Row>
          )
        }
      </QueryView>
    </section>
  );
}
