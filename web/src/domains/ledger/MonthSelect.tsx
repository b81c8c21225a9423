import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { recentMonths } from '../../ui/format';

/** The last twelve months: statements are settled monthly and older ones are rarely opened. */
export function MonthSelect({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 140 }}
      aria-label={t('ledger.month')}
      data-testid="month-select"
      options={recentMonths().map((m) => ({ value: m, label: m }))}
    />
  );
}
