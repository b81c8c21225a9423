/** Notifications: the message log and SMS delivery through a provider, via the outbox. */
export { type LoggedMessage, listNotifications } from './message-log.ts';
export { type NewSms, queueSms, SMS_TOPIC, smsHandler } from './sms.ts';
export { type SmsProvider, sandboxSmsProvider } from './sms-provider.ts';
