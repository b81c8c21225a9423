import { Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTickets } from '../../domains/support/api';
import { TicketConversation } from '../../domains/support/TicketConversation';
import { TicketForm } from '../../domains/support/TicketForm';
import { TicketTable } from '../../domains/support/TicketTable';
import { QueryView } from '../../ui/QueryView';
import { panel } from './panel';

/** The partner's line to its county centre for technical help. */
export default function SupportPage() {
  const { t } = useTranslation();
  const tickets = useTickets();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 1100 }}>
      <section style={panel}>
        <h3 style={{ marginTop: 0 }}>{t('support.mine')}</h3>
        <QueryView query={tickets}>{(items) => <TicketTable tickets={items} onOpen={setOpenId} />}</QueryView>
      </section>
      <section style={panel}>
        <h3 style={{ marginTop: 0 }}>{t('support.new')}</h3>
        <TicketForm />
      </section>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('support.ticket')}
        size={520}
        destroyOnHidden
      >
        {openId && <TicketConversation id={openId} />}
      </Drawer>
    </div>
  );
}
