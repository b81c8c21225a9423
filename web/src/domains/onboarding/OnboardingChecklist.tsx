import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../ui/QueryView';
import { useChecklist } from './api';

/** What the centre still needs: each item done or not, and what exactly is missing. */
export function OnboardingChecklist({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const checklist = useChecklist(centerId);
  return (
    <QueryView query={checklist}>
      {(c) => (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="onboarding-checklist">
          {c.items.map((item) => (
            <li
              key={item.key}
              style={{ padding: '6px 0' }}
              data-testid={`onboarding-${item.key}`}
              data-done={item.done}
            >
              <Tag color={item.done ? 'green' : 'orange'}>
                {item.done ? t('onboarding.done') : t('onboarding.missing')}
              </Tag>
              {t(`onboarding.items.${item.key}`)}
              {item.missing.length > 0 && (
                <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                  {' '}
                  （
                  {item.missing
                    .map((m) => (item.key === 'hardware' ? t(`onboarding.kinds.${m}`) : m))
                    .join('、')}
                  ）
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </QueryView>
  );
}
