import { createRandom } from "../shared/random";

/**
 * Devices seen by a NAS that have not logged in (`login/unauthorize/{nas id}`). The document names the list
 * and nothing of its rows; the fields here are ours (README). Generated per NAS on first use; a device leaves
 * its NAS's list when `login/online` logs it in.
 */
export interface UnauthorizedDevice {
  mac: string;
  ip: string;
  nasId: string;
  zone: string;
  firstSeen: number;
  lastSeen: number;
}

export interface UnauthorizedDevices {
  list(nas: { shortname: string; zone: string }): UnauthorizedDevice[];
  authorize(nasId: string, mac: string): void;
}

export function createUnauthorizedDevices(seed: number, anchorMs: number): UnauthorizedDevices {
  const byNas = new Map<string, UnauthorizedDevice[]>();
  const normalise = (mac: string) => mac.toLowerCase().replace(/-/g, ":");
  const list = (nas: { shortname: string; zone: string }) => {
    let devices = byNas.get(nas.shortname);
    if (!devices) {
      let hash = seed >>> 0;
      for (const char of nas.shortname) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
      const random = createRandom(hash);
      devices = Array.from({ length: random.int(2, 8) }, () => {
        const firstSeen = anchorMs - random.int(1, 240) * 60_000;
        return {
          mac: Array.from({ length: 6 }, () => random.int(0, 255).toString(16).padStart(2, "0")).join(":"),
          ip: `172.16.${random.int(64, 127)}.${random.int(2, 254)}`,
          nasId: nas.shortname,
          zone: nas.zone,
          firstSeen,
          lastSeen: Math.min(anchorMs, firstSeen + random.int(0, 60) * 60_000),
        };
      });
      byNas.set(nas.shortname, devices);
    }
    return devices;
  };
  return {
    list,
    authorize(nasId, mac) {
      const devices = byNas.get(nasId);
      if (!devices) return;
      byNas.set(
        nasId,
        devices.filter((device) => device.mac !== normalise(mac)),
      );
    },
  };
}
