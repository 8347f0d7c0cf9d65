import { encode } from "uqr";
import { qrModulePath } from "./qr-path";

/** How big each use draws it: on screen for an authenticator app, printed on a voucher card or a receipt slip. */
const SIZES = {
  enrolment: "h-48 w-48 rounded-md",
  card: "h-[24mm] w-[24mm] shrink-0",
  slip: "mx-auto h-[32mm] w-[32mm]",
} as const;

export interface QrCodeProps {
  value: string;
  /** The accessible name: what scanning it gives, said in words (e.g. "QR code with the portal link …"). */
  label: string;
  size: keyof typeof SIZES;
}

/**
 * A QR code drawn as one SVG path from uqr's module matrix (no injected markup). Always dark on white with a quiet zone, whatever the theme: phone cameras read inverted
 * codes badly.
 */
export function QrCode({ value, label, size }: QrCodeProps) {
  const { data, size: modules } = encode(value, { border: 2 });
  const path = qrModulePath(data);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      className={`bg-white ${SIZES[size]}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
