/**
 * `nevent-companion mcp --attach`: relays the AI client's stdio to the running app's MCP socket, and
 * answers by itself whenever the app cannot be reached (not started yet, quit, restarting, signed out,
 * or its socket cannot be trusted) instead of leaving the AI client with a dead server:
 *
 *   AI client ─stdin─> relay ─┬─> app's socket (checked first, socket-path.ts) ─> stdout
 *                             └─> offline server (attach-offline.ts: instructions and one status tool
 *                                 that say what is wrong and how to fix it) ─> stdout
 *
 *   start / socket lost ──> offline, polling the socket with backoff ──> app answers
 *     ──> the client's `initialize` (kept) is replayed to it, its answer swallowed ──> relaying again
 *   socket lost with calls in flight ──> tools/call answered "connection lost", other requests resent
 *   the client listed the other side's tools ──> `notifications/tools/list_changed` (2025 era), or one
 *     stamped for each of its `subscriptions/listen` streams that asked for tool changes (2026-07-28;
 *     the streams move to the new side, whose acknowledgement is swallowed: the client has one)
 *
 * Which side answers, and whether lines go straight through, is the state machine in attach-machine.ts;
 * this file owns it and does what follows from each change. The app does the MCP work. Lines are
 * relayed as they came (never re-serialized, so no size or depth limit of ours applies on the way
 * through); each is parsed only to see its method and id.
 */
import { lstatSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { initialAttachState, sideOf, transitionAttach, type AttachEvent, type AttachState } from './attach-machine';
import { problemMessage, type AttachProblem, type OfflineEndpoint } from './attach-offline';
import { LineSplitter } from './line-splitter';
import { defaultMaxLineBytes } from './line-transport';
import { checkSocketToConnect, isNamedPipe, SocketPathError } from './socket-path';
import { productVersion } from '../../src-shared/product';

/** What the attach client needs. */
export interface AttachOptions {
  /** The app's socket, or how to find it on every attempt (Windows: the pipe the app published; null: none). */
  socketPath: string | (() => string | null);
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Product version reported while answering offline. */
  version?: string;
  /** Delays between connection attempts in ms, the last one repeating. */
  retryDelaysMs?: number[];
  maxLineBytes?: number;
}

type Parsed = { method?: unknown; id?: unknown; params?: unknown; error?: { code?: unknown; message?: unknown } };

/** A line from the app longer than this ends the connection (then the relay reconnects). */
const maxAnswerBytes = 64 * 1024 * 1024;

/** The JSON-RPC code the socket server uses when it refuses a session (socket-server.ts). */
const sessionRefusedCode = -32001;

function parse(line: string): Parsed | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Parsed) : null;
  } catch {
    return null;
  }
}

const idKey = (id: unknown): string => JSON.stringify(id);
const toolsChanged = 'notifications/tools/list_changed';
// The 2026-07-28 `_meta` key that names the `subscriptions/listen` stream a notification belongs to.
const subscriptionIdKey = 'io.modelcontextprotocol/subscriptionId';

/** A listen request's filter asks for tool list changes. */
function wantsToolChanges(params: unknown): boolean {
  const notifications = (params as { notifications?: { toolsListChanged?: unknown } } | undefined)?.notifications;
  return notifications?.toolsListChanged === true;
}

/** The subscription a notification is stamped for, if any. */
function stampedSubscription(params: unknown): string | null {
  const id = (params as { _meta?: Record<string, unknown> } | undefined)?._meta?.[subscriptionIdKey];
  return typeof id === 'string' || typeof id === 'number' ? idKey(id) : null;
}
const isRequest = (m: Parsed): boolean => typeof m.method === 'string' && (typeof m.id === 'string' || typeof m.id === 'number');
const isResponse = (m: Parsed): boolean => m.method === undefined && (typeof m.id === 'string' || typeof m.id === 'number');

/** One side that can answer the client: the app's socket, or the offline server. */
interface Backend {
  kind: 'socket' | 'offline';
  /** Set once it answered a request of the client's (the connection works, not just opens). */
  answered: boolean;
  send(line: string): void;
  close(): void;
}

/** Relays until the AI client hangs up; resolves to the exit code (0). */
export function runAttach(options: AttachOptions): Promise<number> {
  const { stdin, stdout, stderr } = options;
  const resolvePath = typeof options.socketPath === 'function' ? options.socketPath : ((fixed: string) => () => fixed)(options.socketPath);
  let socketPath = resolvePath() ?? "the app's named pipe";
  const delays = options.retryDelaysMs ?? [250, 500, 1000, 2000, 3000];
  const maxLineBytes = options.maxLineBytes ?? defaultMaxLineBytes;
  const say = (line: string): void => {
    stderr.write(`nevent-companion mcp --attach: ${line}\n`);
  };

  return new Promise((resolve) => {
    let state: AttachState<Backend> = initialAttachState;
    let queue: string[] = [];
    // Requests sent and not answered yet, with the backend that has them (null: still queued).
    const inFlight = new Map<string, { line: string; method: string; to: Backend | null }>();
    let initializeLine: string | null = null;
    let initializeAnswered = false;
    let initializedNotification: string | null = null;
    let replayCount = 0;
    let problem: AttachProblem = { kind: 'not_running', socketPath };
    // Which side's tools the client last listed (null: none yet); a change of side is announced.
    let listedFrom: Backend['kind'] | null = null;
    // The client's open `subscriptions/listen` streams (2026-07-28), by request id.
    const subscriptions = new Map<string, { id: unknown; line: string; tools: boolean }>();
    // Streams re-opened on a new side: its acknowledgement is not the client's business.
    const resubscribed = new Set<string>();
    let lastSaid = '';
    let attempt = 0;
    let retryTimer: NodeJS.Timeout | null = null;
    let offline: Promise<OfflineEndpoint> | null = null;

    /** Every change of side goes through the machine; a refusal (a bug) is said, never dropped silently. */
    const apply = (event: AttachEvent<Backend>): boolean => {
      const result = transitionAttach(state, event);
      if (!result.ok) {
        say(`internal: refused ${result.rejection.event} while ${result.rejection.from}: ${result.rejection.reason}`);
        return false;
      }
      state = result.state;
      return true;
    };
    const finished = (): boolean => state.type === 'finished';

    const finish = (): void => {
      const side = sideOf(state);
      if (finished() || !apply({ type: 'clientGone' })) return;
      if (retryTimer !== null) clearTimeout(retryTimer);
      side?.close();
      void offline?.then((endpoint) => endpoint.close()).catch(() => undefined);
      stdin.pause();
      resolve(0);
    };
    stdout.on('error', finish);
    const writeLine = (line: string): void => {
      if (!finished()) stdout.write(`${line}\n`);
    };
    const sayOnce = (line: string): void => {
      if (line !== lastSaid) say(line);
      lastSaid = line;
    };

    // ── client → backend ────────────────────────────────────────────────────────────────────────────
    const fromClient = (line: string): void => {
      if (line.trim() === '') return;
      const message = parse(line);
      if (message !== null) {
        if (message.method === 'initialize' && isRequest(message)) {
          initializeLine = line;
          initializeAnswered = false;
        }
        if (message.method === 'notifications/initialized') initializedNotification = line;
        if (message.method === 'subscriptions/listen' && isRequest(message)) subscriptions.set(idKey(message.id), { id: message.id, line, tools: wantsToolChanges(message.params) });
        if (message.method === 'notifications/cancelled') subscriptions.delete(idKey((message.params as { requestId?: unknown } | undefined)?.requestId));
        if (isRequest(message)) inFlight.set(idKey(message.id), { line, method: String(message.method), to: null });
      }
      if (state.type === 'relaying') send(state.side, line, message);
      else queue.push(line);
    };

    // `message`: the line already parsed (each line from the client is parsed once on the hot path).
    const send = (to: Backend, line: string, message: Parsed | null = parse(line)): void => {
      const request = message !== null && isRequest(message) ? inFlight.get(idKey(message.id)) : undefined;
      if (request !== undefined) request.to = to;
      to.send(line);
    };

    // ── backend → client ────────────────────────────────────────────────────────────────────────────
    const fromBackend = (source: Backend, line: string): void => {
      const message = parse(line);
      if (message !== null && isResponse(message)) {
        const key = idKey(message.id);
        if (state.type === 'introducing' && state.side === source && state.replayKey === key && apply({ type: 'introduced', side: source, replayKey: key })) {
          // The replayed initialize was answered: the client's session continues on this backend.
          if (initializedNotification !== null) source.send(initializedNotification);
          markAnswered(source);
          becomeReady(source);
          return;
        }
        const request = inFlight.get(key);
        // An answer from a backend we left is still the answer to what we sent it (offline answers
        // arrive at once; the socket's in-flight calls were answered when it was lost).
        if (request === undefined || request.to !== source) return;
        if (request.method === 'subscriptions/listen' && subscriptions.has(key)) {
          // A side that ends the client's stream (the app shutting down, the connection closing) does not
          // end it for the client: it is the relay's, and moves to the next side that becomes ready.
          request.to = null;
          return;
        }
        inFlight.delete(key);
        if (request.method === 'initialize') initializeAnswered = true;
        if (request.method === 'tools/list') listedFrom = source.kind;
        markAnswered(source);
      } else if (source !== sideOf(state)) {
        return;
      } else if (message !== null && message.method === undefined && message.id === undefined && message.error?.code === sessionRefusedCode) {
        // An answer to no request (the app refusing the session, e.g. signed out): remember it as the
        // reason for the offline answers that follow; the AI client has nothing to do with it.
        if (typeof message.error?.message === 'string') problem = { kind: 'refused', socketPath, detail: message.error.message.slice(0, 500) };
        sayOnce(problemMessage(problem));
        return;
      } else if (message !== null && message.method === 'notifications/subscriptions/acknowledged') {
        const stream = stampedSubscription(message.params);
        if (stream !== null && resubscribed.delete(stream)) return;
      }
      writeLine(line);
    };

    const markAnswered = (source: Backend): void => {
      if (source.kind === 'socket' && !source.answered) {
        attempt = 0;
        if (lastSaid !== '') say(`connected to Nevent Companion at ${socketPath}.`);
        lastSaid = '';
      }
      source.answered = true;
    };

    /** `side` relays now: what queued meanwhile goes to it, and the client's streams move there. */
    const becomeReady = (side: Backend): void => {
      const pending = queue;
      queue = [];
      for (const line of pending) send(side, line);
      moveSubscriptions(side);
      if (listedFrom !== null && listedFrom !== side.kind) announceToolsChanged();
    };

    /** The client's listen streams continue on `to` (each re-sent there once; its acknowledgement swallowed). */
    const moveSubscriptions = (to: Backend): void => {
      for (const [key, stream] of subscriptions) {
        if (inFlight.get(key)?.to === to) continue;
        resubscribed.add(key);
        inFlight.set(key, { line: stream.line, method: 'subscriptions/listen', to: null });
        send(to, stream.line);
      }
    };

    /** The tools the client listed came from the other side: tell it to list them again. */
    const announceToolsChanged = (): void => {
      if (initializeAnswered) writeLine(JSON.stringify({ jsonrpc: '2.0', method: toolsChanged }));
      for (const stream of subscriptions.values()) {
        if (stream.tools) writeLine(JSON.stringify({ jsonrpc: '2.0', method: toolsChanged, params: { _meta: { [subscriptionIdKey]: stream.id } } }));
      }
    };

    const use = (next: Backend): void => {
      if (initializeLine !== null && initializeAnswered) {
        // The client initialized with the previous backend: introduce it to this one the same way.
        const replay = parse(initializeLine) as Record<string, unknown>;
        replayCount += 1;
        const id = `nevent-attach-replay-${replayCount}`;
        if (apply({ type: 'sideChosen', side: next, replayKey: idKey(id) })) next.send(JSON.stringify({ ...replay, id }));
      } else if (apply({ type: 'sideChosen', side: next, replayKey: null })) {
        becomeReady(next);
      }
    };

    /** The socket is gone: answer what it will never answer, and queue the rest for the next backend. */
    const lost = (gone: Backend): void => {
      const pending: string[] = [];
      for (const [key, request] of inFlight) {
        if (request.to !== gone) continue;
        request.to = null;
        // Listen streams move as a whole when the next side is ready (moveSubscriptions).
        if (request.method === 'subscriptions/listen') continue;
        if (request.method === 'tools/call') {
          inFlight.delete(key);
          const id = (parse(request.line) as Parsed).id;
          const envelope = { error: { type: 'api_error', code: 'api_unavailable', message: 'The connection to Nevent Companion was lost while this call ran; it may or may not have completed. Check before repeating a change.' } };
          writeLine(JSON.stringify({ jsonrpc: '2.0', id, result: { isError: true, content: [{ type: 'text', text: JSON.stringify(envelope) }] } }));
        } else {
          pending.push(request.line);
        }
      }
      queue = [...pending, ...queue];
      apply({ type: 'sideLost', side: gone });
    };

    // ── the offline side ────────────────────────────────────────────────────────────────────────────
    const goOffline = (): void => {
      offline ??= import('./attach-offline').then((module) => module.startOfflineEndpoint(() => problem, options.version ?? productVersion));
      const endpoint = offline;
      const backendRef: Backend = {
        kind: 'offline',
        answered: false,
        send: (line) => {
          const message = parse(line);
          if (message === null) {
            writeLine(JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: expected one JSON-RPC message per line' } }));
            return;
          }
          void endpoint.then((e) => e.send(message as unknown as JSONRPCMessage));
        },
        close: () => undefined,
      };
      void endpoint.then(
        (e) => {
          e.onmessage = (message) => {
            fromBackend(backendRef, JSON.stringify(message));
          };
        },
        (error: unknown) => say(`cannot answer offline: ${error instanceof Error ? error.message : String(error)}`),
      );
      use(backendRef);
      scheduleAttempt();
    };

    // ── the app's socket ────────────────────────────────────────────────────────────────────────────
    const scheduleAttempt = (): void => {
      if (finished() || retryTimer !== null) return;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        tryConnect();
      }, delay);
      retryTimer.unref();
    };

    const tryConnect = (): void => {
      if (finished()) return;
      const resolved = resolvePath();
      if (resolved === null) return notAnswering();
      socketPath = resolved;
      let checked;
      try {
        checked = checkSocketToConnect(socketPath);
      } catch (error) {
        // Someone else's socket, or one that others can reach: never send the AI's requests there.
        problem = { kind: 'untrusted_socket', socketPath, detail: error instanceof SocketPathError ? error.message : String(error) };
        sayOnce(problemMessage(problem));
        if (sideOf(state) === null) goOffline();
        else scheduleAttempt();
        return;
      }
      if (checked.kind === 'missing') return notAnswering();
      const socket: Socket = connect(socketPath);
      socket.once('error', () => {
        socket.destroy();
        notAnswering();
      });
      socket.once('connect', () => {
        if (finished()) return void socket.destroy();
        // The same socket we checked (not swapped in between), or nothing. (A pipe has no inode.)
        let again;
        try {
          again = isNamedPipe(socketPath) ? checked : lstatSync(socketPath);
        } catch {
          again = null;
        }
        if (again === null || again.dev !== checked.dev || again.ino !== checked.ino) {
          socket.destroy();
          return notAnswering();
        }
        socket.removeAllListeners('error');
        attach(socket);
      });
    };

    const notAnswering = (): void => {
      // A connection attempt that fails after the client hung up starts nothing.
      if (finished()) return;
      problem = { kind: 'not_running', socketPath };
      if (sideOf(state) === null) {
        sayOnce(`${problemMessage(problem)} Answering the AI client until it is.`);
        goOffline();
      } else {
        scheduleAttempt();
      }
    };

    const attach = (socket: Socket): void => {
      // The app's answers are ours and may be large (a page of segments); the cap only stops runaway memory.
      const splitter = new LineSplitter(maxAnswerBytes);
      const backendRef: Backend = {
        kind: 'socket',
        answered: false,
        send: (line) => {
          socket.write(`${line}\n`);
        },
        close: () => {
          socket.end();
        },
      };
      socket.on('data', (chunk: Buffer) => {
        if (!splitter.push(chunk, (line) => fromBackend(backendRef, line))) socket.destroy();
      });
      socket.on('error', () => undefined);
      socket.once('close', () => {
        if (finished() || sideOf(state) !== backendRef) return;
        // A connection that served the client was lost; one refused at once already said why.
        if (backendRef.answered) {
          attempt = 0;
          problem = { kind: 'not_running', socketPath };
          sayOnce('Nevent Companion closed the connection; answering the AI client until it is back.');
        }
        lost(backendRef);
        goOffline();
      });
      use(backendRef);
    };

    // ── stdin ───────────────────────────────────────────────────────────────────────────────────────
    const input = new LineSplitter(maxLineBytes);
    stdin.on('data', (chunk: Buffer | string) => {
      if (!input.push(chunk, (line) => fromClient(line))) {
        say(`the AI client sent a line longer than ${maxLineBytes} bytes; dropped it.`);
        input.reset();
      }
    });
    stdin.once('end', finish);
    stdin.once('close', finish);
    tryConnect();
  });
}
