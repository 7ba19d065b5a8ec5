export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { renderText } from './text.js';
export { renderJson, toJson, verdictOf, type ApiUsage, type JsonOptions, type Verdict } from './json.js';
export { renderCsv, CSV_COLUMNS } from './csv.js';
export { mermaidCharts, textCharts, sparkline } from './chart.js';
export { mdText, mdLink, csvCell } from './escape.js';
