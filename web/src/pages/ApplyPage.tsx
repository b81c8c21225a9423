import { Button, Card, Result, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApplicationForm } from '../domains/recruitment/ApplicationForm';
import { usePublicCounties, usePublicVillages } from '../domains/recruitment/api';
import type { Submitted } from '../domains/recruitment/types';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { QueryView } from '../ui/QueryView';

/** The public form: anyone applies to run their village's service centre, no account needed. */
export default function ApplyPage() {
  const { t } = useTranslation();
  const counties = usePublicCounties();
  const [countyId, setCountyId] = useState<string | undefined>();
  const villages = usePublicVillages(countyId);
  const [done, setDone] = useState<{ submitted: Submitted; name: string } | null>(null);

  return (
    <div style={{ minHeight: '100vh', background: '#f0fdf4', padding: '32px 16px' }}>
      <Card style={{ maxWidth: 640, margin: '0 auto' }} title={t('apply.title')} extra={<LanguageSwitch />}>
        {done ? (
          <Result
            status="success"
            title={t('apply.thanks', { name: done.name })}
            subTitle={t('apply.next', { score: done.submitted.score, max: done.submitted.maxScore })}
            data-testid="apply-done"
            extra={<Button onClick={() => setDone(null)}>{t('apply.another')}</Button>}
          />
        ) : (
          <>
            <p>{t('apply.intro')}</p>
            <QueryView query={counties}>
              {(items) => (
                <Select
                  aria-label={t('apply.county')}
                  placeholder={t('apply.county')}
                  style={{ width: '100%', marginBottom: 16 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={countyId}
                  onChange={setCountyId}
                  options={items.map((c) => ({ value: c.id, label: `${c.province ?? ''} ${c.name}` }))}
                />
              )}
            </QueryView>
            {countyId && villages.data && (
              <ApplicationForm
                key={countyId}
                countyId={countyId}
                villages={villages.data}
                anonymous
                onSubmitted={(submitted, name) => setDone({ submitted, name })}
              />
            )}
          </>
        )}
        <p style={{ marginTop: 24 }}>
          <Link to="/login">{t('apply.toLogin')}</Link>
        </p>
      </Card>
    </div>
  );
}
