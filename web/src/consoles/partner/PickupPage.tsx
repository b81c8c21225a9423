import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useParcels, usePickup } from '../../domains/logistics/api';
import type { Parcel } from '../../domains/logistics/types';
import { useErrorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { muted, panel } from './panel';

/** One waiting parcel and the code the villager reads out from the SMS. */
function PickupRow({ parcel, onDone }: { parcel: Parcel; onDone: (trackingNumber: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const pickup = usePickup();
  const [code, setCode] = useState('');
  const error = pickup.error;
  const attemptsLeft =
    error instanceof ApiError && error.code === 'invalid_pickup_code'
      ? (error.details as { attemptsLeft?: number } | null)?.attemptsLeft
      : undefined;
  // mutateAsync, not mutate's callbacks: the row leaves the list (and unmounts) once picked up.
  const submit = () =>
    pickup
      .mutateAsync({ parcel, pickupCode: code })
      .then(() => onDone(parcel.trackingNumber))
      .catch(() => {});
  const locked = parcel.pickupLocked || (error instanceof ApiError && error.status === 409);

  return (
    <li style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="pickup-row">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <code style={{ fontSize: 16, minWidth: 180 }}>{parcel.trackingNumber}</code>
        <span>{parcel.recipientPhone}</span>
        <span style={muted}>{formatDateTime(parcel.arrivedAt)}</span>
        <Input
          aria-label={t('pickup.code')}
          placeholder={t('pickup.code')}
          value={code}
          maxLength={6}
          inputMode="numeric"
          disabled={locked}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          onPressEnter={() => code.length === 6 && !locked && submit()}
          style={{ width: 140, fontSize: 20, letterSpacing: 4 }}
        />
        <Button
          type="primary"
          disabled={code.length !== 6 || locked}
          loading={pickup.isPending}
          onClick={submit}
          data-testid="pickup-submit"
        >
          {t('pickup.submit')}
        </Button>
      </div>
      {error && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          data-testid="pickup-error"
          title={
            locked
              ? t('pickup.locked')
              : attemptsLeft !== undefined
                ? t('pickup.wrongCode', { count: attemptsLeft })
                : errorText(error)
          }
        />
      )}
    </li>
  );
}

export default function PickupPage({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const parcels = useParcels({ centerId, status: 'ready_for_pickup' });
  const [done, setDone] = useState<string | null>(null);
  return (
    <section style={{ ...panel, maxWidth: 960 }}>
      <h2 style={{ marginTop: 0 }}>{t('partner.nav.pickup')}</h2>
      <p style={muted}>{t('pickup.hint')}</p>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('pickup.done', { trackingNumber: done })}
          data-testid="pickup-success"
        />
      )}
      <QueryView query={parcels}>
        {(items) =>
          items.length ? (
            <ul style={{ listStyle: 'none', padding: 0 }}>
              {items.map((p) => (
                <PickupRow key={p.id} parcel={p} onDone={setDone} />
              ))}
            </ul>
          ) : (
            <p style={muted}>{t('pickup.none')}</p>
          )
        }
      </QueryView>
    </section>
  );
}
