import { Button, Empty, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useAssignPartner, usePartners } from './api';
import type { Center } from './types';

/** A button that opens a picker of the county's partners who run no centre yet. */
export function AssignPartner({ center }: { center: Center }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState<string>();
  const partners = usePartners(center.countyId, true);
  const assign = useAssignPartner(center.countyId);
  const pickerId = `partner-pick-${center.id}`;

  const submit = () => {
    if (!userId) return;
    assign.mutate(
      { centerId: center.id, userId },
      {
        onSuccess: () => {
          message.success(t('partners.assigned', { name: center.name }));
          setOpen(false);
          setUserId(undefined);
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );
  };

  return (
    <>
      <Button size="small" type="dashed" onClick={() => setOpen(true)} data-testid="assign-partner">
        {t('partners.assign')}
      </Button>
      <Modal
        open={open}
        title={t('partners.assignTitle', { name: center.name })}
        okText={t('partners.assignOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !userId, 'data-testid': 'assign-partner-ok' }}
        confirmLoading={assign.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('partners.pick')} htmlFor={pickerId}>
            <Select
              id={pickerId}
              showSearch={{ optionFilterProp: 'label' }}
              value={userId}
              onChange={setUserId}
              loading={partners.isPending}
              placeholder={t('partners.pickPlaceholder')}
              notFoundContent={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partners.noneFree')} />
              }
              options={(partners.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.displayName}（${p.login}）`,
              }))}
              data-testid="partner-select"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
