// Types for defect-server.mjs (a plain script, so the benchmark can run it without a build).
export interface DefectInfo {
  check: string;
  operation: string;
}

export const DEFECTS: Record<string, DefectInfo>;
export const CREDENTIALS: { bearer: string; basic: string; apiKey: string };

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface DefectServer {
  port: number;
  url: string;
  requests: LoggedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export function startDefectServer(options?: {
  port?: number;
  conformant?: boolean;
  slowMs?: number;
  defects?: string[];
}): Promise<DefectServer>;
