import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode endpoint, locally: the fake Web API's `apps.connections.open` hands out
 * `url`; every connection gets Slack's `hello`, then whatever envelopes a test sends. Acks (an
 * `envelope_id` with an optional `payload`) resolve the `send` that carried their envelope.
 */
export async function startFakeSocketMode() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const ackWaiters = new Map<string, (payload: unknown) => void>();
  let current: WebSocket | null = null;
  let connections = 0;
  let connected: (() => void)[] = [];

  server.on('connection', (socket) => {
    connections += 1;
    current = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
      ackWaiters.get(message.envelope_id)?.(message.payload);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
    for (const c of connected) c();
    connected = [];
  });

  return {
    url: `ws://127.0.0.1:${port}/link`,
    /** Resolves when the count of connections made so far reaches `n`. */
    connectionNumber: (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (connections >= n ? resolve() : connected.push(check));
        check();
      }),
    /** Sends an envelope and resolves with the payload of its ack. */
    send(envelope: { envelope_id: string; type: string; payload: unknown; retry_attempt?: number; retry_reason?: string }): Promise<unknown> {
      const acked = new Promise<unknown>((resolve) => ackWaiters.set(envelope.envelope_id, resolve));
      current!.send(JSON.stringify({ accepts_response_payload: envelope.type !== 'events_api', retry_attempt: 0, retry_reason: '', ...envelope }));
      return acked;
    },
    /** Slack asking the app to reconnect (it rotates its servers this way). */
    askToReconnect() {
      current!.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** A Socket Mode envelope with U2's click on a message in channel C1 of workspace T1, as Slack sends it. */
export function channelClick(envelopeId: string, triggerId: string, responseUrl: string, action: Record<string, unknown>) {
  return {
    envelope_id: envelopeId,
    type: 'interactive',
    payload: {
      type: 'block_actions',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U2', team_id: 'T1' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
      channel: { id: 'C1' },
      trigger_id: triggerId,
      response_url: responseUrl,
      actions: [action],
    },
  };
}
