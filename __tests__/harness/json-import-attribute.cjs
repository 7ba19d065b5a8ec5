// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which plain Node refuses
// and Jest warns about. This transform adds the attribute to those imports so the parser loads under Jest as it
// does in an ncc bundle.
module.exports = {
  process(source) {
    return { code: source.replace(/(import\s+\w+\s+from\s+(["'])[^"']+\.json\2)\s*;/g, '$1 with { type: "json" };') };
  },
  getCacheKey(source, filename) {
    return `json-import-attribute-v1:${filename}:${source.length}`;
  }
};
