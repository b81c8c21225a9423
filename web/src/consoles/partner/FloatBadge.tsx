import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFloat } from '../../domains/ledger/api';
import { formatFen } from '../../ui/money';

/** The float on every page: it is what the partner can still spend on villagers' orders. */
export function FloatBadge({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const float = useFloat(centerId);
  return (
    <Link to="/partner/float" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
      {t('float.short')}{' '}
      <strong style={{ fontSize: 18, color: '#fde68a' }} data-testid="float-balance">
        {float.data ? formatFen(float.data.balanceFen) : '…'}
      </strong>
    </Link>
  );
}
