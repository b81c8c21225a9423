import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * Turns a failed call into a sentence for the user: a known reason or code in the user's
 * language, followed by the server's own message, which names the exact field or state.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiError)) return t('errors.unknown');
    const reason = (error.details as { reason?: unknown } | null | undefined)?.reason;
    if (typeof reason === 'string' && i18n.exists(`errors.reason.${reason}`))
      return t(`errors.reason.${reason}`);
    if (error.code === 'training_required') {
      const missing = (error.details as { missingCourses?: Array<{ title: string }> } | null | undefined)
        ?.missingCourses;
      const courses = (missing ?? []).map((c) => t('training.locked.course', { title: c.title }));
      return t('errors.training_required', { courses: courses.join(t('training.locked.join')) });
    }
    if (!i18n.exists(`errors.${error.code}`)) return error.message;
    const text = t(`errors.${error.code}`);
    // These say all there is to say in the user's language; the server's English adds nothing.
    const selfExplaining = [
      'invalid_credentials',
      'rate_limited',
      'network_error',
      'insufficient_stock',
      'insufficient_funds',
      'villager_exists',
      'invalid_confirmation_code',
      'invalid_pickup_code',
    ];
    return selfExplaining.includes(error.code)
      ? text
      : t('errors.withDetail', { text, detail: error.message });
  };
}
