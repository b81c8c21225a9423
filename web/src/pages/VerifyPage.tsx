import { Descriptions, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { usePublicCenter } from '../domains/network/api';
import { CenterStatusTag } from '../domains/network/CenterStatusTag';
import { useErrorText } from '../ui/errors';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** The public registry check a villager opens from the QR code on a centre's door: no login. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { centerId = '' } = useParams();
  const query = usePublicCenter(centerId);
  const errorText = useErrorText();

  let body: ReactNode;
  if (query.isPending) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    body = (
      <Result
        status={missing ? 'warning' : 'error'}
        title={missing ? t('verify.notFound') : errorText(query.error)}
        subTitle={missing ? t('verify.notFoundHint') : undefined}
        data-testid="verify-result"
      />
    );
  } else {
    const c = query.data;
    body = (
      <>
        <Result
          status={c.official ? 'success' : 'warning'}
          title={c.official ? t('verify.official') : t('verify.notOfficial')}
          subTitle={c.name}
          data-testid="verify-result"
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'name', label: t('centers.name'), children: c.name },
            { key: 'status', label: t('centers.status'), children: <CenterStatusTag status={c.status} /> },
            { key: 'county', label: t('verify.county'), children: `${c.county.province} ${c.county.name}` },
            { key: 'village', label: t('centers.village'), children: c.village.name },
            { key: 'address', label: t('centers.address'), children: c.address },
          ]}
        />
      </>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f0fdf4', padding: 16 }}>
      <section style={{ maxWidth: 560, margin: '0 auto', background: '#fff', borderRadius: 8, padding: 24 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <strong style={{ fontSize: 16 }}>{`${t('app.name')} · ${t('verify.title')}`}</strong>
          <LanguageSwitch />
        </header>
        {body}
      </section>
    </div>
  );
}
