/** Plain panels rather than Card: the partner's link is the slowest, and Card pulls in a lot. */
export const panel = { background: '#fff', borderRadius: 8, padding: 24 } as const;

export const muted = { color: 'rgba(0,0,0,0.45)' } as const;
