import i18n from '../i18n';

/** A date in the reader's language; '—' for an event that has not happened yet. */
export const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(i18n.language) : '—';

/** Date and minute, for orders and money movements where the time of day matters. */
export const formatDateTime = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString(i18n.language, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

/** The last months as YYYY-MM, newest first, for statement pickers. */
export function recentMonths(count = 12, now = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

/** The tail of a long id: enough to tell orders apart on screen and on the phone. */
export const shortId = (id: string) => id.slice(-8).toUpperCase();
