/** Village screens: a centre's TV shows its pickup list and the county's offers, by screen token. */
export { type ScreenFeed, screenFeed } from './screen-feed.ts';
