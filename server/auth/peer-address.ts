import type { IncomingMessage } from 'node:http';

/**
 * The address of the TCP peer, as scripts/serve-web.ts saw the socket. Next does not expose the socket to
 * route handlers or server actions, and the X-Forwarded-For it fills in keeps whatever the client sent, so
 * our server writes the peer into this header on every request, replacing any value a client put there.
 */
export const PEER_ADDRESS_HEADER = 'x-cairn-peer-address';

export function stampPeerAddress(req: IncomingMessage) {
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  else Reflect.deleteProperty(req.headers, PEER_ADDRESS_HEADER);
}
