import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenter } from '../../domains/network/api';
import { CenterStatusTag } from '../../domains/network/CenterStatusTag';
import { verifyPath } from '../../domains/network/types';
import { OnboardingChecklist } from '../../domains/onboarding/OnboardingChecklist';
import { ScreenTokenCard } from '../../domains/screens/ScreenTokenCard';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { PerformanceCard } from './PerformanceCard';
import { panel } from './panel';

export default function CenterPage({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const center = useCenter(centerId);
  return (
    <div style={{ maxWidth: 720 }}>
      <QueryView query={center}>
        {(c) => {
          // The full address, because partners print it as a QR code for the centre's door.
          const registryUrl = `${window.location.origin}${verifyPath(c.id)}`;
          return (
            <section style={panel} data-testid="partner-center">
              <Descriptions
                title={c.name}
                extra={<CenterStatusTag status={c.status} />}
                column={1}
                items={[
                  { key: 'village', label: t('centers.village'), children: c.villageName ?? '—' },
                  { key: 'address', label: t('centers.address'), children: c.address },
                  { key: 'openedAt', label: t('centers.openedAt'), children: formatDate(c.openedAt) },
                  {
                    key: 'registry',
                    label: t('centers.registry'),
                    children: (
                      <a href={verifyPath(c.id)} target="_blank" rel="noreferrer" data-testid="registry-link">
                        {registryUrl}
                      </a>
                    ),
                  },
                ]}
              />
              <p style={{ color: 'rgba(0,0,0,0.45)', margin: 0 }}>{t('partner.registryHint')}</p>
            </section>
          );
        }}
      </QueryView>
      <PerformanceCard centerId={centerId} />
      <section style={{ ...panel, marginTop: 16 }}>
        <h3 style={{ marginTop: 0 }}>{t('onboarding.title')}</h3>
        <OnboardingChecklist centerId={centerId} />
      </section>
      <section style={{ ...panel, marginTop: 16 }}>
        <h3 style={{ marginTop: 0 }}>{t('screen.title')}</h3>
        <ScreenTokenCard centerId={centerId} />
      </section>
    </div>
  );
}
