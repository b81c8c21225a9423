import { Button, Col, Row, Space, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSeller, useSellerListings, useUploadPhoto } from '../../../domains/upstream/api';
import { ListingStatusTag } from '../../../domains/upstream/StatusTags';
import type { Listing } from '../../../domains/upstream/types';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { formatFen } from '../../../ui/money';
import { QueryView } from '../../../ui/QueryView';
import { muted, panel } from '../panel';
import { ListingForm } from './ListingForm';

/** The listing's photos as thumbnails, and a button that uploads the chosen picture as it is. */
function Photos({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto();
  const message = useMessage();
  const errorText = useErrorText();
  return (
    <Space wrap size={4}>
      {(listing.photos ?? []).map((p) => (
        <img key={p.id} src={p.thumbUrl} alt="" width={40} height={40} style={{ borderRadius: 4 }} />
      ))}
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(
            { productId: listing.id, file },
            {
              onSuccess: () => message.success(t('listings.photoAdded')),
              onError: (e) => message.error(errorText(e)),
            },
          );
          return false;
        }}
      >
        <Button size="small" loading={upload.isPending} data-testid="add-photo">
          {t('listings.addPhoto')}
        </Button>
      </Upload>
    </Space>
  );
}

function Listings({ sellerId }: { sellerId: string }) {
  const { t } = useTranslation();
  const listings = useSellerListings(sellerId);
  return (
    <QueryView query={listings}>
      {(items) => (
        <Table<Listing>
          rowKey="id"
          size="middle"
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="listing-table"
          locale={{ emptyText: t('listings.none') }}
          scroll={{ x: true }}
          columns={[
            { key: 'title', title: t('listings.title'), dataIndex: 'title' },
            {
              key: 'price',
              title: t('listings.price'),
              render: (_, p) => `${formatFen(p.priceFen)}${p.unit ? ` / ${p.unit}` : ''}`,
            },
            { key: 'stock', title: t('listings.stock'), dataIndex: 'stock' },
            { key: 'photos', title: t('listings.photos'), render: (_, p) => <Photos listing={p} /> },
            {
              key: 'status',
              title: t('listings.statusLabel'),
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <ListingStatusTag status={p.status} />
                  {p.status === 'rejected' && p.reviewNote && (
                    <span style={muted} data-testid="review-note">
                      {t('listings.reviewNote', { note: p.reviewNote })}
                    </span>
                  )}
                </Space>
              ),
            },
            {
              key: 'label',
              render: (_, p) => (
                <Link to={`products/${encodeURIComponent(p.id)}/label`}>{t('listings.printLabel')}</Link>
              ),
            },
          ]}
        />
      )}
    </QueryView>
  );
}

/** One seller: what the partner lists for them, and the way to their statement. */
export default function SellerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const seller = useSeller(id);
  const navigate = useNavigate();
  return (
    <QueryView query={seller}>
      {(s) => (
        <Row gutter={[24, 24]}>
          <Col span={24}>
            <Space wrap align="baseline">
              <Button size="small" onClick={() => navigate('/partner/sellers')}>
                {t('common.back')}
              </Button>
              <h2 style={{ margin: 0 }} data-testid="seller-name">
                {s.displayName}
              </h2>
              <span style={muted}>
                {s.payoutMethod
                  ? `${t(`sellers.payout.${s.payoutMethod}`)} ${s.payoutAccount ?? ''}`
                  : t('sellers.noPayout')}
              </span>
              <Link to="statement" data-testid="statement-link">
                {t('sellers.statement')}
              </Link>
            </Space>
            {s.story && <p style={{ ...muted, whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.story}</p>}
          </Col>
          <Col xs={24} xl={14}>
            <section style={panel}>
              <h3 style={{ marginTop: 0 }}>{t('listings.heading')}</h3>
              <Listings sellerId={s.id} />
            </section>
          </Col>
          <Col xs={24} xl={10}>
            <section style={panel}>
              <h3 style={{ marginTop: 0 }}>{t('listings.new')}</h3>
              <ListingForm sellerId={s.id} />
            </section>
          </Col>
        </Row>
      )}
    </QueryView>
  );
}
