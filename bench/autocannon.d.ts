/** The part of autocannon 8 the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null;
      onResponse?: (
        status: number,
        body: string,
        context: Record<string, unknown>,
        headers: Record<string, string>,
      ) => void;
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
