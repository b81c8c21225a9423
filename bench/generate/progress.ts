/** A progress line on stderr with rate and time left, redrawn in place. */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  let lastDraw = 0;
  return (done: number, detail = '') => {
    const now = Date.now();
    if (done < total && now - lastDraw < 250) return;
    lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const elapsed = (now - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : 0;
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${detail} ` +
        `${formatSeconds(elapsed)} elapsed, ${formatSeconds(left)} left   `,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
