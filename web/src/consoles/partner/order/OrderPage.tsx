import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../domains/orders/types';
import { useMessage } from '../../../ui/feedback';
import { CampaignsCard } from '../CampaignsCard';
import { panel } from '../panel';
import { CartView } from './CartView';
import { Checkout } from './Checkout';
import { useCart } from './cart';
import { OrderPlaced } from './OrderPlaced';
import { ProductSearch } from './ProductSearch';
import { VillagerPicker } from './VillagerPicker';

/** 代购下单: the partner orders on a villager's behalf, paid from the float or the villager's wallet. */
export function OrderPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const cart = useCart();
  const [villagerId, setVillagerId] = useState<string>();
  const [placed, setPlaced] = useState<Order | null>(null);

  if (placed) {
    return (
      <OrderPlaced
        order={placed}
        onNext={() => {
          setPlaced(null);
          setVillagerId(undefined);
        }}
      />
    );
  }

  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <div style={{ flex: '3 1 480px', minWidth: 0 }}>
        <ProductSearch
          onAdd={(product, quantity) => {
            cart.add(product, quantity);
            message.success(t('cart.added', { title: product.title }), 1.5);
          }}
        />
      </div>
      <div style={{ flex: '2 1 340px', display: 'grid', gap: 24 }}>
        <CampaignsCard />
        <section style={panel}>
          <h3 style={{ marginTop: 0 }}>{t('checkout.villager')}</h3>
          <VillagerPicker value={villagerId} onChange={setVillagerId} />
        </section>
        <section style={panel}>
          <h3 style={{ marginTop: 0 }}>{t('cart.title')}</h3>
          <CartView cart={cart} />
          <div style={{ marginTop: 16 }}>
            <Checkout
              cart={cart}
              villagerId={villagerId}
              onPlaced={(order) => {
                cart.clear();
                setPlaced(order);
              }}
            />
          </div>
        </section>
      </div>
    </div>
  );
}
