/**
 * Travel model for van runs. Villages have only coordinates, so road distance is estimated:
 * great-circle (haversine) distance × ROAD_FACTOR, which is what county roads winding through
 * hills add over a straight line (1.3 is the usual circuity factor for rural road networks).
 */
export const ROAD_FACTOR = 1.3;
/** Average van speed on county and village roads, stops and small towns included. */
export const VAN_SPEED_KMH = 40;
/** Minutes a van spends at each centre: unloading and the partner's arrival scans. */
export const SERVICE_MINUTES = 5;

export type Point = { lat: number; lon: number };

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const roadKm = (a: Point, b: Point) => haversineKm(a, b) * ROAD_FACTOR;
export const driveMinutes = (km: number) => (km / VAN_SPEED_KMH) * 60;
