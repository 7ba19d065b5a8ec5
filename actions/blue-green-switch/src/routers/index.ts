// The router registry: one factory per backend type. Adding a backend (Kubernetes, ALB) is a module beside
// these and one line here; the engine knows routers only through the Router interface.
import type { Router, RouterConfig, RouterDependencies, RouterFactory, RouterType } from '../engine/types.js';
import { createCommandRouter } from './command.js';
import { createHaproxyRouter } from './haproxy.js';
import { createNginxRouter } from './nginx.js';

export const ROUTERS: { readonly [T in RouterType]: RouterFactory } = {
  nginx: (config) => createNginxRouter(config),
  haproxy: (config) => createHaproxyRouter(config),
  command: (config, dependencies) => createCommandRouter(config, dependencies)
};

export function createRouter(config: RouterConfig, dependencies: RouterDependencies): Router {
  return ROUTERS[config.type](config, dependencies);
}
