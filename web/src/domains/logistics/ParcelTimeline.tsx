import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import type { ParcelEvent } from './types';

/** A parcel's history, newest last as villagers read a courier's trail. */
export function ParcelTimeline({ events }: { events: ParcelEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="parcel-timeline"
      items={events.map((e) => ({
        key: `${e.type}-${e.at}`,
        content: (
          <>
            <strong>{t(`parcelStatus.${e.type}`, { defaultValue: e.type })}</strong> · {e.place}
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{formatDateTime(e.at)}</div>
          </>
        ),
      }))}
    />
  );
}
