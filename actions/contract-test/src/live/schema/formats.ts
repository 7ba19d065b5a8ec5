// The string and number formats the engine both validates and generates: one table, so a value the generator
// calls valid is one the validator accepts, and an invalid one is one it rejects.
import { isIPv4, isIPv6 } from 'node:net';
import type { Rng } from '../prng.js';

export interface FormatDef {
  type: 'string' | 'number';
  validate: (value: string | number) => boolean;
  /** A valid value; `length` is a wish the generator may ignore. */
  sample(rng: Rng): string | number;
  /** A value of the right type that breaks the format, when there is one. */
  invalid?: string | number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:?\d{2})?$/i;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function validTime(text: string, zoneRequired: boolean): boolean {
  const match = TIME.exec(text);
  if (!match) return false;
  if (zoneRequired && match[5] === undefined) return false;
  return Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3]) <= 60;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function sampleDate(rng: Rng): string {
  return `${rng.int(2000, 2030)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function sampleTime(rng: Rng): string {
  return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`;
}

const HEX = '0123456789abcdef';

function hex(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += HEX[rng.int(0, 15)];
  return out;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
export const FORMATS: Record<string, FormatDef> = {
  date: { type: 'string', validate: (v) => validDate(String(v)), sample: sampleDate, invalid: '2021-13-45' },
  'date-time': {
    type: 'string',
    validate: (v) => {
      const [date, time] = String(v).split(/t/i);
      return date !== undefined && time !== undefined && validDate(date) && validTime(time, true);
    },
    sample: (rng) => `${sampleDate(rng)}T${sampleTime(rng)}`,
    invalid: '2021-01-01 25:61'
  },
  time: { type: 'string', validate: (v) => validTime(String(v), true), sample: sampleTime, invalid: '25:61:00' },
  email: {
    type: 'string',
    validate: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v)),
    sample: (rng) => `user${rng.int(1, 9999)}@example.com`,
    invalid: 'not-an-email'
  },
  uuid: {
    type: 'string',
    validate: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(v)),
    sample: (rng) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`,
    invalid: 'not-a-uuid'
  },
  uri: {
    type: 'string',
    validate: (v) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(String(v)),
    sample: (rng) => `https://example.com/${hex(rng, 6)}`,
    invalid: 'not a uri'
  },
  'uri-reference': {
    type: 'string',
    validate: (v) => !/\s/.test(String(v)),
    sample: (rng) => `/r/${hex(rng, 6)}`,
    invalid: 'not a reference'
  },
  hostname: {
    type: 'string',
    validate: (v) => HOSTNAME.test(String(v)),
    sample: (rng) => `host${rng.int(1, 999)}.example.com`,
    invalid: '-bad_host-'
  },
  ipv4: {
    type: 'string',
    validate: (v) => isIPv4(String(v)),
    sample: (rng) => `192.0.2.${rng.int(1, 254)}`,
    invalid: '999.1.1.1'
  },
  ipv6: {
    type: 'string',
    validate: (v) => isIPv6(String(v)),
    sample: (rng) => `2001:db8::${rng.int(1, 65535).toString(16)}`,
    invalid: '2001:::zz'
  },
  byte: {
    type: 'string',
    validate: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(String(v)),
    sample: (rng) => Buffer.from(hex(rng, 6)).toString('base64'),
    invalid: '***'
  },
  int32: {
    type: 'number',
    validate: (v) => Number.isInteger(v) && Number(v) >= -2147483648 && Number(v) <= 2147483647,
    sample: (rng) => rng.int(-1000, 1000),
    invalid: 2147483648
  },
  int64: {
    type: 'number',
    validate: (v) => Number.isInteger(v),
    sample: (rng) => rng.int(-100000, 100000)
  }
};

export function isKnownFormat(format: unknown): format is string {
  return typeof format === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, format);
}
