import { toCanvas } from 'bwip-js/browser';
import { useEffect, useRef } from 'react';

/**
 * A Code 128 barcode drawn on a canvas, which prints as crisply as it shows. Imported only by
 * the county's print pages, so bwip-js never reaches the partner's console.
 */
export function Barcode({
  value,
  height = 12,
  scale = 2,
}: {
  value: string;
  height?: number;
  scale?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    try {
      toCanvas(canvas.current, { bcid: 'code128', text: value, scale, height, includetext: true });
    } catch {
      // bwip-js refuses text Code 128 cannot hold; the number is printed beside it anyway.
    }
  }, [value, height, scale]);
  return <canvas ref={canvas} aria-label={value} data-testid="barcode" style={{ maxWidth: '100%' }} />;
}
