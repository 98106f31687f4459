// Draining the HTTP server on shutdown without cutting anyone off. While the
// server stops, it keeps listening: every answer carries `Connection: close`
// (new requests get 503 `not_ready`), so each keep-alive connection closes after
// its next answer instead of being torn down under a request the client is
// sending. Once no request is in flight and the remaining connections have been
// quiet for a moment (or all have closed, or the grace is over), the listener
// and the idle connections are closed.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long every remaining connection must have been quiet before it is closed. */
const QUIET_MS = 250;
const POLL_MS = 20;

/** Tracks an HTTP server's connections and the requests in flight on them. */
export class ConnectionTracker {
  private readonly inFlight = new Map<Socket, number>();
  private lastActivity = 0;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.inFlight.set(socket, 0);
      socket.once('close', () => this.inFlight.delete(socket));
    });
    server.on('request', (request, response) => {
      const socket = request.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      this.lastActivity = Date.now();
      response.once('close', () => {
        this.inFlight.set(socket, Math.max(0, (this.inFlight.get(socket) ?? 1) - 1));
        this.lastActivity = Date.now();
      });
    });
  }

  /** Requests being answered now. */
  get requests(): number {
    let count = 0;
    for (const n of this.inFlight.values()) count += n;
    return count;
  }

  /** Resolves when every connection has closed, or none has a request in flight and all were quiet for QUIET_MS, or after `maxMs`. */
  async drain(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    this.lastActivity = Date.now();
    while (Date.now() < until && this.inFlight.size > 0 && (this.requests > 0 || Date.now() - this.lastActivity < QUIET_MS)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
