/** Partners: the village partner as a business — float, and monthly statements. */
export { floatAccount, floatBalance, recordFloatDeposit } from './float.ts';
export { monthRange, partnerStatement, type Statement } from './statement.ts';
