import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const ENTRY = new URL('./linkage-worker.js', import.meta.url);

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A fixed set of linkage worker threads; requests go to a given worker or to the next idle one. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(ENTRY);
      w.on('message', (reply: WorkerReply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if (reply.ok) p.resolve(reply.result);
        else p.reject(new Error(reply.error));
      });
      w.on('error', (error) => {
        this.fail(error);
      });
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`linkage worker stopped with exit code ${code}`));
      });
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Sends one request to worker `w` and resolves with its result. */
  request<T>(w: number, request: WorkerRequest): Promise<T> {
    const worker = this.workers[w];
    if (this.failure) return Promise.reject(this.failure);
    if (!worker) return Promise.reject(new Error(`no linkage worker ${w}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  }

  /** Sends the same request to every worker. */
  async broadcast(request: WorkerRequest): Promise<void> {
    await Promise.all(this.workers.map((_, w) => this.request(w, request)));
  }

  /** Runs requests on whichever worker is free, results in request order; `onResult` sees each as it arrives. */
  async map<T>(requests: readonly WorkerRequest[], onResult: (result: T, index: number) => void = () => undefined): Promise<T[]> {
    const results = new Array<T>(requests.length);
    let next = 0;
    const drive = async (w: number): Promise<void> => {
      while (next < requests.length) {
        const k = next++;
        const request = requests[k];
        if (!request) continue;
        const result = await this.request<T>(w, request);
        results[k] = result;
        onResult(result, k);
      }
    };
    await Promise.all(this.workers.map((_, w) => drive(w)));
    return results;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
