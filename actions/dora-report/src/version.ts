/** dora-report's version in the JSON envelope; a test keeps it equal to package.json's. */
export const DORA_REPORT_VERSION = '0.1.0';
