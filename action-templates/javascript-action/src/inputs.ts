// The inputs and outputs, declared once: main.ts reads them through this and the metadata test holds
// action.yml to it (edit both together).
import { COMMON_INPUTS, defineInputs, defineOutputs } from '../../../shared/src/lib/action-inputs.js';

export const INPUTS = defineInputs({
  who: { kind: 'string', default: 'world', description: 'Who to greet. Replace these example inputs with the real ones.' },
  shout: { kind: 'boolean', default: false, description: 'Greet in capitals.' },
  'fail-on': COMMON_INPUTS['fail-on']
});

export const OUTPUTS = defineOutputs({
  greeting: 'The greeting that was produced.'
});
