import type { Deps } from '../../deps.ts';
import { assertFound } from '../identity/index.ts';
import {
  type CenterPoint,
  type CountyPoint,
  centerPointsOfCounty,
  countyPoints,
  findCounty,
} from '../network/index.ts';

export type RolloutMap = { counties: CountyPoint[]; centers?: CenterPoint[] };

/** Every county where its hub is, with its centres by status; and one county's centres if asked. */
export async function rolloutMap(deps: Deps, countyId: string | undefined): Promise<RolloutMap> {
  if (countyId === undefined) return { counties: await countyPoints(deps.db) };
  assertFound((await findCounty(deps.db, countyId)) !== null, 'County');
  const [counties, centers] = await Promise.all([
    countyPoints(deps.db),
    centerPointsOfCounty(deps.db, countyId),
  ]);
  return { counties, centers };
}
