// Bearer sessions answered from memory for a few seconds, so that a request does not spend a round
// trip to PostgreSQL on its token (with 200 devices syncing, one of the two statements of a pull).
// Safety: every write in this process that ends a session or changes what it may read forgets the
// account's entries before its answer goes out (`forgetSessionsOf`); other server processes forget
// them when the account notice they LISTEN to arrives, or when the listener is reset; and no entry
// lives longer than MAX_AGE_MS or past the session's own expiry. Refusals are never kept.
// Lookups arriving while one is in flight go together as the next statement (as group-read.ts
// does for pushes): when the entries of 200 devices run out at once, that is a few statements
// rather than 200 queued for the pool ahead of the pushes' reads.
import type { Queryable } from '../db/adapter';
import type { ServerContext } from '../context';
import { ApiError } from '../http/errors';
import { sessionsOfHashes, tokenHashOf, type Session, type SessionFound } from './sessions';

/** How stale a session may be when a write outside the server (psql, another tool) changed it. */
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 10_000;
/** Tokens in one lookup statement at most. */
export const MAX_LOOKUP_TOKENS = 1_000;

interface Lookup {
  db: Queryable;
  tokenHash: string;
  resolve(found: SessionFound): void;
  reject(error: unknown): void;
}

interface Entry {
  session: Session;
  /** performance.now() after which the entry is not used. */
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a lookup that began before one must not store what it read. */
  private generation = 0;
  private lookups: Lookup[] = [];
  private looking = false;

  constructor(
    private readonly maxAgeMs = MAX_AGE_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  async sessionOf(db: Queryable, token: string | undefined): Promise<Session> {
    const tokenHash = tokenHashOf(token);
    const now = performance.now();
    const kept = this.entries.get(tokenHash);
    if (kept !== undefined && kept.until > now) return kept.session;
    if (kept !== undefined) this.entries.delete(tokenHash);
    const generation = this.generation;
    const { session, msLeft } = await this.lookUp(db, tokenHash);
    // Timed from before the lookup, so the entry never outlives the session by the query's duration.
    if (generation === this.generation && msLeft > 0) this.keep(tokenHash, { session, until: now + Math.min(this.maxAgeMs, msLeft) });
    return session;
  }

  /** The session of one token, read with the other lookups waiting for the statement in flight. */
  private lookUp(db: Queryable, tokenHash: string): Promise<SessionFound> {
    return new Promise((resolve, reject) => {
      this.lookups.push({ db, tokenHash, resolve, reject });
      if (!this.looking) void this.lookUpAll();
    });
  }

  private async lookUpAll(): Promise<void> {
    this.looking = true;
    try {
      while (this.lookups.length > 0) {
        // One statement reads from one database: the oldest lookup's, and those of the same one.
        const db = this.lookups[0]!.db;
        const batch = this.lookups.filter((l) => l.db === db).slice(0, MAX_LOOKUP_TOKENS);
        const taken = new Set(batch);
        this.lookups = this.lookups.filter((l) => !taken.has(l));
        await lookUpBatch(db, batch);
      }
    } finally {
      this.looking = false;
    }
  }

  /** The account was disabled, its password reset, its scope or a device changed: read it again. */
  forgetAccount(userId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.session.user.id === userId) this.entries.delete(hash);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(tokenHash: string, entry: Entry): void {
    this.entries.delete(tokenHash);
    // Insertion order is age order: the oldest entries go first when full.
    for (const hash of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(hash);
    }
    this.entries.set(tokenHash, entry);
  }
}

/** Settles every lookup of the batch; never throws. */
async function lookUpBatch(db: Queryable, batch: readonly Lookup[]): Promise<void> {
  try {
    const answers = await sessionsOfHashes(db, [...new Set(batch.map((l) => l.tokenHash))]);
    for (const lookup of batch) {
      const answer = answers.get(lookup.tokenHash);
      if (answer === undefined || answer instanceof ApiError) lookup.reject(answer ?? new Error('session lookup: no answer'));
      else lookup.resolve(answer);
    }
  } catch (error) {
    for (const lookup of batch) lookup.reject(error);
  }
}

const caches = new WeakMap<ServerContext, SessionCache>();

/** The server's session cache, listening to the account notices of every process on the database. */
export function sessionCacheOf(ctx: ServerContext): SessionCache {
  let cache = caches.get(ctx);
  if (cache === undefined) {
    const created = new SessionCache();
    ctx.hub.subscribe({
      onEvent: (event) => {
        // A reset means notices may have been missed: nothing kept can be trusted.
        if (event.kind === 'reset') created.forgetAll();
        else if (event.notice.type === 'account') created.forgetAccount(event.notice.userId);
      },
      onShutdown: () => created.forgetAll(),
    });
    caches.set(ctx, created);
    cache = created;
  }
  return cache;
}

/** Call after a write that revokes, disables or rescopes an account's sessions, before answering. */
export function forgetSessionsOf(ctx: ServerContext, userId: string): void {
  caches.get(ctx)?.forgetAccount(userId);
}
