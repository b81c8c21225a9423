import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import { ParcelStatusTag } from '../domains/logistics/ParcelStatusTag';
import { ParcelTimeline } from '../domains/logistics/ParcelTimeline';
import type { ParcelEvent, ParcelStatus } from '../domains/logistics/types';
import { useErrorText } from '../ui/errors';
import { LanguageSwitch } from '../ui/LanguageSwitch';

type Tracking = { trackingNumber: string; status: ParcelStatus; events: ParcelEvent[] };
type Fields = { trackingNumber: string; phoneLast4: string };

/** Public tracking for villagers: no login, the phone's last four digits prove it is theirs. */
export default function TrackPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const [asked, setAsked] = useState<Fields | null>(null);
  const query = useQuery({
    queryKey: ['public-tracking', asked],
    enabled: asked !== null,
    // A wrong guess counts against the tracking number's limit; never repeat it on its own.
    retry: false,
    queryFn: () =>
      api<Tracking>(
        `/public/tracking/${encodeURIComponent(asked!.trackingNumber)}?phoneLast4=${encodeURIComponent(asked!.phoneLast4)}`,
        { anonymous: true },
      ),
  });

  let result = null;
  if (asked && query.isPending) result = <Spin style={{ display: 'block', margin: 32 }} />;
  else if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    result = (
      <Alert
        type="warning"
        showIcon
        title={missing ? t('track.notFound') : errorText(query.error)}
        data-testid="track-error"
      />
    );
  } else if (query.data) {
    result = (
      <div data-testid="track-result">
        <p>
          <code>{query.data.trackingNumber}</code> <ParcelStatusTag status={query.data.status} />
        </p>
        <ParcelTimeline events={query.data.events} />
      </div>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f0fdf4', padding: 16 }}>
      <section style={{ maxWidth: 560, margin: '0 auto', background: '#fff', borderRadius: 8, padding: 24 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <strong style={{ fontSize: 16 }}>{`${t('app.name')} · ${t('track.title')}`}</strong>
          <LanguageSwitch />
        </header>
        <Form<Fields>
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ trackingNumber: params.get('n') ?? '' }}
          onFinish={(v) => setAsked({ trackingNumber: v.trackingNumber.trim(), phoneLast4: v.phoneLast4 })}
        >
          <Form.Item
            name="trackingNumber"
            label={t('parcels.trackingNumber')}
            rules={[
              {
                required: true,
                pattern: /^\s*[A-Za-z0-9-]{4,40}\s*$/,
                message: t('parcels.trackingNumberHint'),
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            label={t('track.phoneLast4')}
            rules={[{ required: true, pattern: /^[0-9]{4}$/, message: t('track.phoneLast4Hint') }]}
          >
            <Input inputMode="numeric" maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('track.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>{result}</div>
      </section>
    </div>
  );
}
