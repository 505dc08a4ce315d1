import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

/**
 * The address to put in join links. A server listening on every interface (0.0.0.0, ::) is
 * reached by students at this computer's LAN address, not at the wildcard; any other server at
 * the address it listens on. With no LAN address (offline), loopback is all there is.
 */
export function publicBaseUrl(
  listenUrl: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string {
  const url = new URL(listenUrl)
  if (url.hostname !== '0.0.0.0' && url.hostname !== '[::]') return url.href
  const lan = Object.values(interfaces)
    .flat()
    .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
  url.hostname = lan?.address ?? '127.0.0.1'
  return url.href
}
