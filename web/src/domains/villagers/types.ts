export type Villager = {
  id: string;
  name: string;
  /** Masked (138****8000) in lists; the server never lists full numbers. */
  phone: string;
  centerId: string;
  countyId: string;
  createdAt: string;
};

/** What the server accepts: an 11-digit mainland mobile number. */
export const mobilePattern = /^1[3-9][0-9]{9}$/;

/** 138****8000: enough for the villager to recognise, not enough to misuse from a dropped receipt. */
export const maskPhone = (phone: string) =>
  /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
