import { toCanvas } from 'bwip-js/browser';
import { useEffect, useRef } from 'react';

/**
 * A QR code drawn on a canvas, for traceability labels. bwip-js draws QR codes as well as
 * Code 128, so labels need no second library; only the print pages import it.
 */
export function QrCode({ value, scale = 4 }: { value: string; scale?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    try {
      toCanvas(canvas.current, { bcid: 'qrcode', text: value, scale });
    } catch {
      // Too long for a QR code; the address is printed under it anyway.
    }
  }, [value, scale]);
  return <canvas ref={canvas} aria-label={value} data-testid="qr-code" style={{ maxWidth: '100%' }} />;
}
