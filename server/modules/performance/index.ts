/** Performance: read-only figures per centre and county leaderboards, from other modules' data. */
export { type CenterPerformance, centerPerformance, countyLeaderboard } from './center-performance.ts';
