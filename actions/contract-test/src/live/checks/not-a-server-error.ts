// Every request, valid or not, must get an answer below 500: a 5xx (or no answer at all) is a crash, a timeout
// or an unhandled input on the server's side.
import { defineCheck } from './check.js';

export default defineCheck<Record<string, never>>({
  id: 'not-a-server-error',
  title: 'Not a server error',
  description: 'No request gets a 5xx response, or no response at all (timeout, reset connection).',
  schemathesis: 'not_a_server_error',
  judgesServerErrors: true,
  appliesTo: () => true,
  expect: () => ({}),
  evaluate(observed) {
    if (!observed.response) return { message: `no response: ${observed.error ?? 'unknown error'}` };
    const { status } = observed.response;
    if (status >= 500) return { message: `server error ${status}` };
    return undefined;
  }
});
