// The part of autocannon's API the inquiries bench uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      body?: string;
      headers?: Record<string, string>;
      onResponse?: (status: number, body: string) => void;
    }
    interface Options {
      url?: string;
      connections?: number;
      duration?: number;
      /** a fixed number of requests instead of a duration */
      amount?: number;
      method?: 'GET' | 'POST';
      body?: string;
      headers?: Record<string, string>;
      requests?: Request[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      '2xx': number;
      start: Date;
      finish: Date;
      non2xx: number;
      errors: number;
    }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
