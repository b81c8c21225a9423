/** Field visits: county staff's visits to village centres, their notes and follow-ups. */
export { lastVisitOfCenters } from './last-visits.ts';
