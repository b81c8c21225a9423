/** What a service form has filled in so far; null while something required is missing. */
export type Draft = { amountFen: number; details: Record<string, string>; feeBps: number | null } | null;

export type FormProps = {
  villager: { name: string; phone: string } | undefined;
  onChange: (draft: Draft) => void;
};
