export { renderText } from './text.js';
export { renderCsv, CSV_COLUMNS } from './csv.js';
export { mermaidCharts, textCharts, sparkline } from './chart.js';
