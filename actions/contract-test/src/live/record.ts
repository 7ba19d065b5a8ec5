// Exchanges as reports show them: secrets replaced by ***, credential-bearing headers blanked whole (a hook may
// have added one the engine never saw), bodies capped.
import { redact, redactUrl, REDACTED } from '../../../../shared/src/lib/redact.js';
import type { Observed } from './checks/check.js';
import type { RecordedExchange } from './types.js';

const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session|credential/i;
export const REPORT_BODY_LIMIT = 2048;

export class Redactor {
  constructor(readonly secrets: readonly string[]) {}

  text(value: string): string {
    return redact(value, this.secrets);
  }

  url(value: string): string {
    return redactUrl(this.text(value));
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SENSITIVE_HEADER.test(name) && value !== '' ? REDACTED : this.text(value);
    }
    return out;
  }

  body(value: string | undefined, limit = REPORT_BODY_LIMIT): { body?: string; bodyTruncated?: boolean } {
    if (value === undefined || value === '') return {};
    const safe = this.text(value);
    if (safe.length <= limit) return { body: safe };
    return { body: safe.slice(0, limit), bodyTruncated: true };
  }

  exchange(observed: Observed, requestBody: string | undefined, limit = REPORT_BODY_LIMIT): RecordedExchange {
    const record: RecordedExchange = {
      request: {
        method: observed.request.method,
        url: this.url(observed.request.url),
        headers: this.headers(observed.request.headers),
        ...this.body(requestBody, limit)
      }
    };
    if (observed.response) {
      const { status, headers, body, truncated, timeMs } = observed.response;
      const capped = this.body(body, limit);
      record.response = {
        status,
        headers: this.headers(headers),
        ...capped,
        ...(truncated ? { bodyTruncated: true } : {}),
        timeMs: Math.round(timeMs)
      };
    }
    if (observed.error !== undefined) record.error = this.text(observed.error);
    return record;
  }
}
