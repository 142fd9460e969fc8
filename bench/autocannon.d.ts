/** The part of autocannon 8 the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /**
     * `Context` is what the requests of one connection keep for each other (autocannon starts it
     * empty). Method syntax: a sequence mixes requests that use different parts of it.
     */
    type Request<Context extends object = Record<string, unknown>> = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?(request: Request<Context>, context: Context): Request<Context> | null;
      onResponse?(status: number, body: string, context: Context, headers: Record<string, string>): void;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      requests?: Request[];
      pipelining?: number;
    };
    type Result = { duration: number; timeouts: number; errors: number; non2xx: number };
    type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
