import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A figure with the previous period's beside it, and the change between them. */
export function Change({
  now,
  before,
  format = String,
}: {
  now: number;
  before: number;
  format?: (n: number) => string;
}) {
  const { t } = useTranslation();
  const diff = now - before;
  const type = diff > 0 ? 'success' : diff < 0 ? 'danger' : 'secondary';
  return (
    <span>
      {format(now)}{' '}
      <Typography.Text type={type} style={{ fontSize: 12 }}>
        {t('performance.previous', { value: format(before) })}
      </Typography.Text>
    </span>
  );
}
