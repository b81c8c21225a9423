import i18n from '../i18n';

/** A date in the reader's language; '—' for an event that has not happened yet. */
export const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(i18n.language) : '—';
