import { Button, Input, InputNumber, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, useProducts } from '../../../domains/catalog/api';
import { ProductPrice } from '../../../domains/catalog/ProductPrice';
import { type Product, type ProductKind, productKinds } from '../../../domains/catalog/types';
import { QueryView } from '../../../ui/QueryView';
import { muted, panel } from '../panel';

const PAGE = 20;

/** Waits for a pause in typing, so a slow link carries one search per word, not per key. */
function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function ProductRow({ product, onAdd }: { product: Product; onAdd: (p: Product, quantity: number) => void }) {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState(1);
  const soldOut = product.stock < 1;
  return (
    <li
      style={{
        display: 'flex',
        gap: 12,
        alignItems: 'center',
        padding: '12px 0',
        borderTop: '1px solid #f0f0f0',
      }}
      data-testid="product-row"
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 16 }}>{product.title}</div>
        <div style={{ ...muted, fontSize: 12 }}>
          {product.sku} · {product.category} ·{' '}
          <span data-testid="product-stock">{t('catalog.stock', { count: product.stock })}</span>
        </div>
      </div>
      <ProductPrice product={product} />
      <InputNumber
        min={1}
        max={Math.max(1, product.stock)}
        precision={0}
        value={quantity}
        onChange={(v) => setQuantity(v ?? 1)}
        disabled={soldOut}
        style={{ width: 72 }}
        aria-label={t('cart.quantity')}
      />
      <Button
        type="primary"
        disabled={soldOut}
        onClick={() => onAdd(product, quantity)}
        data-testid="add-to-cart"
      >
        {soldOut ? t('catalog.soldOut') : t('cart.add')}
      </Button>
    </li>
  );
}

type ChipsProps<T extends string> = {
  label: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  all: ReactNode;
  options: Array<{ value: T; label: ReactNode }>;
};

/** One-tap filters: easier on a touch screen than a drop-down, and lighter to download. */
function Chips<T extends string>({ label, value, onChange, all, options }: ChipsProps<T>) {
  return (
    <fieldset
      aria-label={label}
      style={{ margin: '8px 0 0', padding: 0, border: 0, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
    >
      <Tag.CheckableTag checked={value === undefined} onChange={() => onChange(undefined)}>
        {all}
      </Tag.CheckableTag>
      {options.map((o) => (
        <Tag.CheckableTag key={o.value} checked={value === o.value} onChange={() => onChange(o.value)}>
          {o.label}
        </Tag.CheckableTag>
      ))}
    </fieldset>
  );
}

/** Finds goods by Chinese, full pinyin or initials (the server matches all three). */
export function ProductSearch({ onAdd }: { onAdd: (p: Product, quantity: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string>();
  const [kind, setKind] = useState<ProductKind>();
  const [offset, setOffset] = useState(0);
  const q = useDebounced(text.trim());
  // A new search starts from its first page.
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };
  const categories = useCategories();
  const products = useProducts({ q, category, kind, limit: PAGE, offset });

  return (
    <section style={panel} data-testid="product-search">
      <h3 style={{ marginTop: 0 }}>{t('catalog.search')}</h3>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Input
          value={text}
          onChange={(e) => refine(setText)(e.target.value)}
          placeholder={t('catalog.searchPlaceholder')}
          aria-label={t('catalog.search')}
          allowClear
          style={{ flex: 2, minWidth: 200 }}
          data-testid="product-query"
        />
      </div>
      <Chips
        label={t('catalog.category')}
        value={category}
        onChange={refine(setCategory)}
        all={t('catalog.allCategories')}
        options={(categories.data ?? []).map((c) => ({
          value: c.category,
          label: `${c.category} ${c.count}`,
        }))}
      />
      <Chips
        label={t('catalog.kind')}
        value={kind}
        onChange={refine(setKind)}
        all={t('catalog.allKinds')}
        options={productKinds.map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))}
      />
      <QueryView query={products}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p style={{ ...muted, padding: '24px 0', textAlign: 'center' }}>{t('catalog.none')}</p>
          ) : (
            <>
              <ul style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }} data-testid="product-results">
                {items.map((p) => (
                  <ProductRow key={p.id} product={p} onAdd={onAdd} />
                ))}
              </ul>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <span style={muted}>{t('catalog.total', { count: total })}</span>
                <span>
                  <Button size="small" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
                    {t('common.prev')}
                  </Button>{' '}
                  <Button
                    size="small"
                    disabled={offset + PAGE >= total}
                    onClick={() => setOffset(offset + PAGE)}
                  >
                    {t('common.next')}
                  </Button>
                </span>
              </div>
            </>
          )
        }
      </QueryView>
    </section>
  );
}
