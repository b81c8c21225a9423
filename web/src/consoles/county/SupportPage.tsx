import { Card, Col, Drawer, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useCenters } from '../../domains/network/api';
import { useTicketStats, useTickets } from '../../domains/support/api';
import { TicketConversation } from '../../domains/support/TicketConversation';
import { TicketTable } from '../../domains/support/TicketTable';
import { QueryView } from '../../ui/QueryView';

/** The county's support desk: its partners' tickets and how fast they are answered. */
export function SupportPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const tickets = useTickets(countyId);
  const stats = useTicketStats(countyId);
  const centers = useCenters(countyId);
  const centerNames = new Map((centers.data ?? []).map((c) => [c.id, c.name]));
  const [openId, setOpenId] = useState<string | null>(null);
  const minutes = (m: number | null) => (m === null ? '—' : t('support.minutes', { count: m }));
  return (
    <>
      <QueryView query={stats}>
        {(s) => (
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }} data-testid="support-stats">
            {[
              { key: 'open', value: s.open },
              { key: 'inProgress', value: s.inProgress },
              { key: 'resolved', value: s.resolved },
              { key: 'firstResponse', value: minutes(s.medianFirstResponseMinutes) },
              { key: 'resolution', value: minutes(s.medianResolutionMinutes) },
            ].map((f) => (
              <Col key={f.key} xs={12} md={4}>
                <Card>
                  <Statistic title={t(`support.figures.${f.key}`)} value={f.value} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryView>
      <Card title={t('support.tickets')}>
        <QueryView query={tickets}>
          {(items) => <TicketTable tickets={items} onOpen={setOpenId} centerNames={centerNames} />}
        </QueryView>
      </Card>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('support.ticket')}
        size={560}
        destroyOnHidden
      >
        {openId && (
          <TicketConversation id={openId} staffId={user.role === 'county_staff' ? user.id : undefined} />
        )}
      </Drawer>
    </>
  );
}
