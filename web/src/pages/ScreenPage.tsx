import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { type ScreenFeed, useScreenFeed } from '../domains/screens/api';
import { QrCode } from '../domains/upstream/QrCode';
import i18n from '../i18n';
import { formatFen } from '../ui/money';

/** Seconds each promotion or product stays on the side panel. */
const ROTATE_MS = 10_000;

// Sized to be read from across the room on a TV: rem scales with the browser's zoom.
const page: CSSProperties = {
  position: 'fixed',
  inset: 0,
  display: 'grid',
  gridTemplateRows: 'auto 1fr',
  gap: '1.5rem',
  padding: '2rem 3rem',
  background: '#0b3d2e',
  color: '#fff',
  fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  overflow: 'hidden',
};
const card: CSSProperties = { background: 'rgba(255,255,255,0.08)', borderRadius: 24, padding: '2rem' };

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div style={{ textAlign: 'right' }} data-testid="screen-clock">
      <div style={{ fontSize: '5rem', fontWeight: 700, lineHeight: 1 }}>
        {now.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}
      </div>
      <div style={{ fontSize: '2rem', opacity: 0.8 }}>
        {now.toLocaleDateString(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' })}
      </div>
    </div>
  );
}

function Parcels({ parcels }: { parcels: ScreenFeed['parcels'] }) {
  const { t } = useTranslation();
  return (
    <section style={{ ...card, overflow: 'hidden' }} data-testid="screen-parcels">
      <h2 style={{ fontSize: '4rem', margin: '0 0 1.5rem', color: '#fde68a' }}>
        {t('screen.parcels', { count: parcels.length })}
      </h2>
      {parcels.length === 0 ? (
        <p style={{ fontSize: '4rem', opacity: 0.7 }}>{t('screen.noParcels')}</p>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0, columns: 2, columnGap: '3rem' }}>
          {parcels.map((p) => (
            <li
              // The feed carries no parcel ids (the screen is public): arrival, name and tail together do.
              key={`${p.arrivedAt}-${p.recipient}-${p.trackingLast4}`}
              style={{ fontSize: '4.5rem', lineHeight: 1.4, breakInside: 'avoid', whiteSpace: 'nowrap' }}
            >
              <span style={{ fontWeight: 700 }}>{p.recipient}</span>{' '}
              <span style={{ opacity: 0.8, fontSize: '3.5rem' }}>
                {t('screen.trackingLast4', { digits: p.trackingLast4 })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type Slide = { key: string; title: string; line: string; url: string };

function slidesOf(feed: ScreenFeed, t: (key: string, o?: Record<string, unknown>) => string): Slide[] {
  const origin = window.location.origin;
  return [
    ...feed.promotions.map((p) => ({
      key: `promotion-${p.id}`,
      title: p.name,
      line:
        p.type === 'percent'
          ? t('promotions.percentValue', { value: p.value })
          : t('promotions.fixedValue', { value: formatFen(p.value) }),
      url: `${origin}/store`,
    })),
    ...feed.products.map((p) => ({
      key: `product-${p.id}`,
      title: p.title,
      line: p.unit ? `${formatFen(p.priceFen)} / ${p.unit}` : formatFen(p.priceFen),
      url: `${origin}${p.storeUrl}`,
    })),
  ];
}

/** Promotions and local products in turn, each with a QR code to its page in the store. */
function Showcase({ feed }: { feed: ScreenFeed }) {
  const { t } = useTranslation();
  const slides = slidesOf(feed, t);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, []);
  const slide = slides.length ? slides[index % slides.length]! : null;
  return (
    <section
      style={{ ...card, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center' }}
      data-testid="screen-showcase"
    >
      <h2 style={{ fontSize: '3rem', margin: '0 0 1rem', color: '#fde68a' }}>{t('screen.showcase')}</h2>
      {slide ? (
        <div key={slide.key} data-testid="screen-slide">
          <div style={{ fontSize: '3.5rem', fontWeight: 700, lineHeight: 1.2 }}>{slide.title}</div>
          <div style={{ fontSize: '3rem', margin: '0.5rem 0 1.5rem' }}>{slide.line}</div>
          <div style={{ background: '#fff', padding: 16, borderRadius: 16, display: 'inline-block' }}>
            <QrCode value={slide.url} scale={6} />
          </div>
          <div style={{ fontSize: '2rem', marginTop: '1rem', opacity: 0.8 }}>{t('screen.scan')}</div>
        </div>
      ) : (
        <p style={{ fontSize: '2.5rem', opacity: 0.7 }}>{t('screen.nothingToShow')}</p>
      )}
    </section>
  );
}

/** The village centre's TV: no login, the screen token in the address is the only credential. */
export default function ScreenPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const feed = useScreenFeed(token);

  if (!feed.data) {
    const gone = feed.error instanceof ApiError && feed.error.status < 500;
    return (
      <div style={{ ...page, placeItems: 'center', gridTemplateRows: '1fr' }} data-testid="screen-page">
        <p style={{ fontSize: '4rem' }}>
          {gone ? t('screen.invalid') : feed.isError ? t('screen.offline') : t('screen.loading')}
        </p>
      </div>
    );
  }
  return (
    <div style={page} data-testid="screen-page">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <div style={{ fontSize: '2.5rem', opacity: 0.8 }}>{t('app.name')}</div>
          <h1 style={{ fontSize: '4.5rem', margin: 0, color: '#fff' }}>{feed.data.center.name}</h1>
        </div>
        <Clock />
      </header>
      <main style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '2rem', minHeight: 0 }}>
        <Parcels parcels={feed.data.parcels} />
        <Showcase feed={feed.data} />
      </main>
    </div>
  );
}
