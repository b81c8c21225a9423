import type { Deps } from '../../deps.ts';
import { createUser } from './create-user.ts';
import { findUserByLogin } from './users.repo.ts';

/** `CUNTONG_ADMIN_LOGIN` / `CUNTONG_ADMIN_PASSWORD`: create that hq_admin once, at start. */
export async function ensureAdmin(deps: Deps, login: string, password: string): Promise<boolean> {
  if (await findUserByLogin(deps.db, login)) return false;
  const root = { id: 'bootstrap', login: 'bootstrap', displayName: 'bootstrap', role: 'hq_admin' as const };
  await createUser(
    deps,
    { ...root, countyId: null, centerId: null, merchantId: null },
    {
      login,
      password,
      displayName: '总部管理员',
      role: 'hq_admin',
    },
  );
  return true;
}
