import { Card, Col, Input, Row, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useVillagers } from '../../domains/villagers/api';
import type { Villager } from '../../domains/villagers/types';
import { VillagerForm } from '../../domains/villagers/VillagerForm';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';

export default function VillagersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const query = text.trim();
  // Digits search the phone (whole or its end), anything else the name.
  const villagers = useVillagers(
    /^\d{3,11}$/.test(query) ? { phone: query } : /\D/.test(query) ? { q: query } : {},
  );

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={16}>
        <Card
          title={t('partner.nav.villagers')}
          extra={
            <Input.Search
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('villagers.searchPlaceholder')}
              aria-label={t('villagers.search')}
              allowClear
              style={{ width: 240 }}
            />
          }
        >
          <QueryView query={villagers}>
            {(items) => (
              <Table<Villager>
                rowKey="id"
                size="middle"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="villager-table"
                columns={[
                  {
                    key: 'name',
                    title: t('villagers.name'),
                    render: (_, v) => <Link to={encodeURIComponent(v.id)}>{v.name}</Link>,
                  },
                  { key: 'phone', title: t('villagers.phone'), dataIndex: 'phone' },
                  { key: 'since', title: t('villagers.since'), render: (_, v) => formatDate(v.createdAt) },
                ]}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('villagers.new')}>
          <VillagerForm onRegistered={(id) => navigate(encodeURIComponent(id))} />
        </Card>
      </Col>
    </Row>
  );
}
