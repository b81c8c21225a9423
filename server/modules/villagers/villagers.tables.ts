export type VillagerRow = {
  id: string;
  county_id: string;
  center_id: string;
  name: string;
  phone: string;
  registered_by: string;
  created_at: string;
};

export type VillagerTables = { villagers: VillagerRow };
