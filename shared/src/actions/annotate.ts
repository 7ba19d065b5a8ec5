// Sends annotations through @actions/core.
import * as core from '@actions/core';
import { effectiveLocation, type Annotation } from '../lib/annotations.js';

/** Emits the annotation through @actions/core. */
export function annotate(a: Annotation): void {
  const properties = effectiveLocation(a);
  switch (a.level) {
    case 'error':
      core.error(a.message, properties);
      break;
    case 'warning':
      core.warning(a.message, properties);
      break;
    case 'notice':
      core.notice(a.message, properties);
      break;
  }
}
