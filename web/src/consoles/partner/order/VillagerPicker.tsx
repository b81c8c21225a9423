import { Button, Input } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillager, useVillagers } from '../../../domains/villagers/api';
import { muted } from '../panel';

// Registering is the rarer path, and its form would bring antd's Form into the first load.
const VillagerForm = lazy(() =>
  import('../../../domains/villagers/VillagerForm').then((m) => ({ default: m.VillagerForm })),
);

type Props = { value: string | undefined; onChange: (villagerId: string | undefined) => void };

function SearchResults({ text, onPick }: { text: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  // Digits are (the end of) a phone number; anything else is a name.
  const digits = /^\d{3,11}$/.test(text);
  const villagers = useVillagers(digits ? { phone: text } : { q: text });
  const items = villagers.data ?? [];
  if (villagers.isPending) return null;
  if (items.length === 0) return <p style={muted}>{t('villagers.noneFound')}</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="villager-results">
      {items.slice(0, 8).map((v) => (
        <li key={v.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0' }}>
          <span style={{ flex: 1 }}>
            {v.name} <span style={muted}>{v.phone}</span>
          </span>
          <Button size="small" onClick={() => onPick(v.id)}>
            {t('villagers.pick')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Who the order is for: found by phone or name, or registered on the spot. */
export function VillagerPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);
  const selected = useVillager(value);
  const query = text.trim();

  if (value) {
    return (
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }} data-testid="picked-villager">
        <span style={{ flex: 1, fontSize: 16 }}>
          <strong>{selected.data?.name ?? '…'}</strong> <span style={muted}>{selected.data?.phone}</span>
        </span>
        <Button size="small" onClick={() => onChange(undefined)}>
          {t('villagers.change')}
        </Button>
      </div>
    );
  }

  const pick = (id: string) => {
    setText('');
    setRegistering(false);
    onChange(id);
  };

  return (
    <div data-testid="villager-picker">
      <div style={{ display: 'flex', gap: 8 }}>
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('villagers.searchPlaceholder')}
          aria-label={t('villagers.search')}
          allowClear
          maxLength={50}
        />
        <Button onClick={() => setRegistering(!registering)} data-testid="register-villager">
          {registering ? t('common.cancel') : t('villagers.new')}
        </Button>
      </div>
      {registering ? (
        <div style={{ marginTop: 12 }}>
          <Suspense fallback={null}>
            <VillagerForm onRegistered={pick} />
          </Suspense>
        </div>
      ) : (
        query.length >= 1 && (
          <div style={{ marginTop: 8 }}>
            <SearchResults text={query} onPick={pick} />
          </div>
        )
      )}
    </div>
  );
}
