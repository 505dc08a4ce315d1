import { create } from 'qrcode'
import { useMemo } from 'react'

/** The quiet zone a scanner needs around the code, in modules (the QR standard asks for 4). */
const QUIET_ZONE = 4

/**
 * The dark modules of a QR code as one SVG path, a unit square each. `qrcode` computes the
 * modules; drawing them here as plain SVG needs no canvas, no `innerHTML` and no `data:` URL, so
 * the strict Content-Security-Policy stays as it is.
 */
export function qrModulesPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const squares: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) {
        squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
      }
    }
  }
  return { size: modules.size, path: squares.join('') }
}

/** A QR code of `text`, dark on light whatever the theme, as scanners expect. */
export function HostQrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrModulesPath(text), [text])
  const side = size + 2 * QUIET_ZONE
  return (
    <svg
      className="host-qr"
      role="img"
      aria-label={label}
      data-testid="host-qr"
      data-modules={size}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
