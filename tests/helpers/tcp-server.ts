import net from 'node:net';

/**
 * A TCP listener (127.0.0.1 unless told) that counts who connects. Silent (a tarpit: accepts and never greets, as a
 * hostile or overloaded server would) unless given a greeting, which it sends and then waits.
 */
export async function startTcpServer(options: { greeting?: string; host?: string } = {}) {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (options.greeting) socket.write(options.greeting);
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    connections: () => connections,
    /** Connections still held open. */
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type TestTcpServer = Awaited<ReturnType<typeof startTcpServer>>;
