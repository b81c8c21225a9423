import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PerformancePeriod } from './types';

export function PeriodSwitch({
  value,
  onChange,
}: {
  value: PerformancePeriod;
  onChange: (p: PerformancePeriod) => void;
}) {
  const { t } = useTranslation();
  return (
    <Segmented<PerformancePeriod>
      value={value}
      onChange={onChange}
      aria-label={t('performance.periodLabel')}
      options={(['month', 'week'] as const).map((p) => ({ value: p, label: t(`performance.period.${p}`) }))}
    />
  );
}
