import { Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';
import { useDeposits, useFloat } from './api';
import { DepositForm } from './DepositForm';
import { DepositTable } from './DepositTable';

type Props = { centerId: string; centerName: string; canDeposit: boolean };

/** A centre's float in the county's table, with its deposits (and recording one) a click away. */
export function CenterFloat({ centerId, centerName, canDeposit }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const float = useFloat(centerId);
  return (
    <Space size="small">
      <span data-testid="center-float">{float.data ? formatFen(float.data.balanceFen) : '…'}</span>
      <Button size="small" onClick={() => setOpen(true)} data-testid="open-float">
        {canDeposit ? t('float.manage') : t('float.deposits')}
      </Button>
      <Modal
        open={open}
        title={t('float.title', { name: centerName })}
        footer={null}
        width={720}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>
          {t('float.balance')}: <strong>{float.data ? formatFen(float.data.balanceFen) : '…'}</strong>
        </p>
        {canDeposit && (
          <div style={{ marginBottom: 16 }}>
            <DepositForm centerId={centerId} />
          </div>
        )}
        <DepositList centerId={centerId} />
      </Modal>
    </Space>
  );
}

function DepositList({ centerId }: { centerId: string }) {
  const deposits = useDeposits(centerId);
  return <QueryView query={deposits}>{(items) => <DepositTable deposits={items} />}</QueryView>;
}
