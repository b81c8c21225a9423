/** Villagers: people registered by a partner (usually without an account), and their wallet. */
export { MOBILE_PATTERN, maskPhone } from './phone.ts';
export {
  findVillager,
  getVillager,
  listVillagers,
  registerVillager,
  type Villager,
  villagerNamesByPhone,
  villagersRegisteredAt,
} from './villagers.ts';
export { walletBalance } from './wallet.ts';
