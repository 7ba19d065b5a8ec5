// An exchange shown as HTTP/1.1 text (what a developer pastes into curl or an issue), already redacted.
import type { RecordedExchange } from '../types.js';

function prettyBody(body: string | undefined, truncated: boolean | undefined): string {
  if (body === undefined) return '';
  let text = body;
  try {
    text = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // not JSON: shown as sent
  }
  return `\n\n${text}${truncated ? '\n… (cut)' : ''}`;
}

export function exchangeText(exchange: RecordedExchange): string {
  const { request, response, error } = exchange;
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  const target = url ? `${url.pathname}${url.search}` : request.url;
  const lines = [`${request.method} ${target} HTTP/1.1`];
  if (url) lines.push(`host: ${url.host}`);
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  let text = lines.join('\n') + prettyBody(request.body, request.bodyTruncated);
  if (response) {
    const head = [`HTTP/1.1 ${response.status}  (${response.timeMs}ms)`];
    for (const [name, value] of Object.entries(response.headers)) head.push(`${name}: ${value}`);
    text += `\n\n${head.join('\n')}${prettyBody(response.body, response.bodyTruncated)}`;
  } else if (error !== undefined) text += `\n\n(no response: ${error})`;
  return text;
}
