import { useTranslation } from 'react-i18next';
import { formatFen } from '../../ui/money';
import type { Product } from './types';

/** The price a villager pays now, with the list price struck through while a promotion runs. */
export function ProductPrice({ product }: { product: Product }) {
  const { t } = useTranslation();
  const promo = product.promotion;
  if (!promo) return <strong data-testid="product-price">{formatFen(product.priceFen)}</strong>;
  return (
    <span>
      <strong style={{ color: '#dc2626' }} data-testid="product-price">
        {formatFen(promo.unitPriceAfterFen)}
      </strong>{' '}
      <s style={{ color: 'rgba(0,0,0,0.45)' }}>{formatFen(product.priceFen)}</s>{' '}
      <span style={{ color: '#dc2626', fontSize: 12 }} title={promo.name}>
        {t('catalog.promoTag', { name: promo.name })}
      </span>
    </span>
  );
}
