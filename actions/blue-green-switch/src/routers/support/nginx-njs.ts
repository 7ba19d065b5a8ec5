// What the nginx router writes in `nginx.switch: njs` mode: the include (one upstream per colour, the njs script
// imported, the variable `$ubos_bgs_<upstream>` that names the upstream a request goes to), the script, and the
// weights file the script reads on every request. Switching rewrites only the weights file (atomically), so nginx is
// never reloaded and no client connection is closed; the include and the script change, and nginx is reloaded, only
// when the router config changes what they say (the first run in this mode, another server list).
//
// njs 0.7 (Debian 12's libnginx-mod-http-js) runs every request in a fresh VM: nothing a script keeps survives the
// request, so the weights are read per request (a few hundred bytes; the cost is in docs/routers/nginx.md). The
// draw is Math.random() over the colours whose weight is above 0: a colour at 0 % is never returned, and each
// colour's upstream holds only its own servers (a retry stays inside it), so 0 % means 0 %.
import type { RouterConfig, Weights } from '../../engine/types.js';

const HEADER =
  '# Managed by ubos/actions blue-green-switch (nginx.switch: njs): rewritten when the router config changes; edits here are lost.';
/** The line that marks an include as this mode's (read() tells the two shapes apart by it). */
export const NJS_MARKER = '# ubos-bgs-mode: njs';

function safeName(upstream: string): string {
  return upstream.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The variable the user's `proxy_pass http://$ubos_bgs_<upstream>;` names. */
export function njsVariable(upstream: string): string {
  return `ubos_bgs_${safeName(upstream)}`;
}

/** One upstream per colour: `<upstream>__<colour>`. */
export function colorUpstream(upstream: string, color: string): string {
  return `${upstream}__${color}`;
}

/** The upstream the script names when it cannot read the weights: all servers down, so 502 (colours start with a letter). */
export function unavailableUpstream(upstream: string): string {
  return `${upstream}__0_no_weights`;
}

export function renderWeightsFile(weights: Weights): string {
  return `${JSON.stringify(weights)}\n`;
}

export function renderNjsScript(config: RouterConfig): string {
  const spec = config.nginx!;
  const upstreams = Object.fromEntries(config.colors.map((c) => [c.name, colorUpstream(spec.upstream, c.name)]));
  return `// Managed by ubos/actions blue-green-switch (nginx.switch: njs); rewritten when the router config changes.
// Picks the upstream of a request from the weights file, read on every request (njs 0.7 keeps nothing between
// requests). A colour at 0 is never picked; an unreadable file sends the request to an upstream whose servers are
// all down (502) and says why in the error log.
var fs = require('fs');
var FILE = ${JSON.stringify(spec.weightsFile)};
var UPSTREAMS = ${JSON.stringify(upstreams)};
var NONE = ${JSON.stringify(unavailableUpstream(spec.upstream))};
var COLORS = Object.keys(UPSTREAMS);

function pick(r) {
  var weights;
  try {
    weights = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (e) {
    r.error('ubos blue-green-switch: cannot read ' + FILE + ': ' + e.message);
    return NONE;
  }
  var total = 0;
  var i;
  for (i = 0; i < COLORS.length; i++) {
    var w = weights[COLORS[i]];
    if (typeof w === 'number' && w > 0) total += w;
  }
  if (!(total > 0)) {
    r.error('ubos blue-green-switch: ' + FILE + ' gives no colour a weight above 0');
    return NONE;
  }
  var x = Math.random() * total;
  var last = NONE;
  for (i = 0; i < COLORS.length; i++) {
    var weight = weights[COLORS[i]];
    if (!(typeof weight === 'number' && weight > 0)) continue;
    last = UPSTREAMS[COLORS[i]];
    x -= weight;
    if (x < 0) return last;
  }
  return last;
}

export default { pick: pick };
`;
}

/** The include: the script, the variable, the judge's log_format, and one upstream per colour. */
export function renderNjsInclude(config: RouterConfig, logFormat: string): string {
  const spec = config.nginx!;
  const module = njsVariable(spec.upstream);
  const lines = [
    HEADER,
    NJS_MARKER,
    `# The weights are in ${spec.weightsFile}, read by ${spec.scriptFile} on every request: a switch rewrites that file, nginx is not reloaded.`,
    `# Proxy with: proxy_pass http://$${module};`,
    `js_import ${module} from ${spec.scriptFile};`,
    `js_set $${module} ${module}.pick;`,
    logFormat
  ];
  for (const color of config.colors) {
    lines.push(`upstream ${colorUpstream(spec.upstream, color.name)} {`);
    for (const server of color.servers) {
      lines.push(`    server ${server}${spec.serverOptions ? ` ${spec.serverOptions}` : ''}; # ${color.name}`);
    }
    if (spec.keepalive > 0) lines.push(`    keepalive ${spec.keepalive};`);
    if (spec.keepalive > 0 && spec.keepaliveTimeoutMs !== undefined) {
      lines.push(`    keepalive_timeout ${Math.max(1, Math.round(spec.keepaliveTimeoutMs))}ms;`);
    }
    lines.push('}');
  }
  lines.push(`upstream ${unavailableUpstream(spec.upstream)} {`, '    server 127.0.0.1:9 down;', '}', '');
  return lines.join('\n');
}

export function isNjsInclude(text: string): boolean {
  return text.split('\n').includes(NJS_MARKER);
}

/** Whether nginx -T's dump loads the njs module (or nginx was built with it). */
export function loadsNjsModule(dump: string, versionOutput: string): boolean {
  const text = dump.replace(/#[^\n]*/g, '');
  return /^\s*load_module\s+\S*ngx_http_js_module\.so\s*;/m.test(text) || /njs/.test(versionOutput);
}

/** Whether anything in the dump (outside our include) uses the variable, e.g. `proxy_pass http://$ubos_bgs_app;`. */
export function usesVariable(dump: string, includeText: string, upstream: string): boolean {
  const variable = `$${njsVariable(upstream)}`;
  const count = (text: string) => text.replace(/#[^\n]*/g, '').split(variable).length - 1;
  return count(dump) > count(includeText);
}

export const NJS_PACKAGE_HINT =
  'nginx.switch: njs needs the njs module: apt-get install libnginx-mod-http-js, and load it in the main context of nginx.conf with "load_module modules/ngx_http_js_module.so;" (Debian\'s nginx.conf includes /etc/nginx/modules-enabled/*.conf, which does it)';
