// Moved to devtools/ so the demo (scripts/demo.mjs) runs the same code outside Jest; one copy.
export * from '../../devtools/github-api.js';
