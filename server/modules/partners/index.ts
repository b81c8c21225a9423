/** Partners: the village partner as a business — float, and monthly statements. */
export { floatAccount, floatBalance, listFloatDeposits, recordFloatDeposit } from './float.ts';
export { guaranteeAccount, guaranteeBalance, recordGuaranteeDeposit } from './guarantee.ts';
export { type PartnerProfile, partnerProfile } from './partner-profile.ts';
export {
  centerEarnings,
  type Earnings,
  earningsOfCenters,
  partnerStatement,
  type Statement,
} from './statement.ts';
