import dgram from 'node:dgram';
import dns from 'node:dns';

/**
 * A tiny authoritative DNS server on 127.0.0.1 that answers TXT questions from a map the test edits, and
 * NXDOMAIN for anything else. Cairn's code gets a real dns.promises.Resolver pointed at it, so the look-up
 * goes through the same c-ares path as in production, packets and all.
 */
export async function startDnsServer() {
  const txt = new Map<string, string[]>();
  const socket = dgram.createSocket('udp4');

  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    // Question: length-prefixed labels up to a zero byte, then type and class.
    const labels: string[] = [];
    let offset = 12;
    while (offset < query.length && query[offset] !== 0) {
      const length = query[offset]!;
      labels.push(query.subarray(offset + 1, offset + 1 + length).toString('latin1'));
      offset += length + 1;
    }
    const questionEnd = offset + 5;
    const type = query.readUInt16BE(offset + 1);
    const name = labels.join('.').toLowerCase();
    const values = type === 16 ? txt.get(name) : undefined;
    const answers = (values ?? []).map((value) => {
      const text = Buffer.from(value, 'latin1');
      const record = Buffer.alloc(12 + 1 + text.length);
      record.writeUInt16BE(0xc00c, 0); // a pointer to the name in the question
      record.writeUInt16BE(16, 2); // TXT
      record.writeUInt16BE(1, 4); // IN
      record.writeUInt32BE(0, 6); // TTL 0: every look-up asks again
      record.writeUInt16BE(1 + text.length, 10);
      record.writeUInt8(text.length, 12);
      text.copy(record, 13);
      return record;
    });
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2); // the query's id
    // Response, authoritative, recursion desired and available; NXDOMAIN when the name has no records at all.
    header.writeUInt16BE(0x8580 | (txt.has(name) ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, query.subarray(12, questionEnd), ...answers]), peer.port, peer.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const port = socket.address().port;

  return {
    port,
    setTxt: (name: string, values: string[]) => txt.set(name.toLowerCase(), values),
    remove: (name: string) => txt.delete(name.toLowerCase()),
    /** A real resolver that asks only this server. */
    resolver() {
      const resolver = new dns.promises.Resolver({ timeout: 2_000, tries: 1 });
      resolver.setServers([`127.0.0.1:${port}`]);
      return resolver;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

export type TestDnsServer = Awaited<ReturnType<typeof startDnsServer>>;
