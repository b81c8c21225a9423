/**
 * A short beep so sorters hear each scan's outcome without looking up: one high tone for a
 * good scan, two low ones for a refused one. Silent where the browser has no Web Audio.
 */
let context: AudioContext | null = null;

export function cue(ok: boolean): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    const tones = ok ? [0] : [0, 0.22];
    for (const start of tones) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = ok ? 1320 : 330;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + start);
      osc.stop(ctx.currentTime + start + (ok ? 0.12 : 0.18));
    }
  } catch {
    // No audio device or autoplay refused: the coloured result panel still tells the outcome.
  }
}
