/** Government co-operation: agreements with county governments, and their read-only dashboard. */
export { type Agreement, agreementInForce, recordAgreement } from './agreements.ts';
