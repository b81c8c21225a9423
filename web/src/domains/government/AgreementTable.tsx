import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../ui/money';
import type { Agreement } from './api';

export function AgreementTable({ agreements }: { agreements: Agreement[] }) {
  const { t } = useTranslation();
  return (
    <Table<Agreement>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={agreements}
      data-testid="agreement-table"
      expandable={{
        expandedRowRender: (a) => <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.terms}</p>,
      }}
      columns={[
        { key: 'title', title: t('government.title'), dataIndex: 'title' },
        { key: 'signedOn', title: t('government.signedOn'), dataIndex: 'signedOn' },
        {
          key: 'validUntil',
          title: t('government.validUntil'),
          render: (_, a) => a.validUntil ?? t('government.noEnd'),
        },
        { key: 'subsidy', title: t('government.subsidy'), render: (_, a) => formatFen(a.subsidyFen) },
        {
          key: 'documents',
          title: t('government.documents'),
          render: (_, a) =>
            a.documents.map((d) => (
              <div key={d.url}>
                <a href={d.url} target="_blank" rel="noreferrer">
                  {d.name}
                </a>
              </div>
            )),
        },
      ]}
    />
  );
}
