// Readers for the operator files at the repo root, shaped for assertions in compose.spec.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '..', '..');

export function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), 'utf8');
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string } | string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: string[];
  volumes?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; interval?: string };
  deploy?: {
    resources?: { reservations?: { devices?: Array<{ driver?: string; count?: number | string; capabilities?: string[] }> } };
  };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function readCompose(): ComposeFile {
  return parse(readRepoFile('docker-compose.yml')) as ComposeFile;
}

/** The environment of a compose service as a plain map (both the map and the list form). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value == null ? '' : String(value)]));
}

/** The command of a healthcheck as one string, whatever form it was written in. */
export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

export interface DocumentedVariable {
  name: string;
  value: string;
  /** false for "#NAME=value": documented, deliberately left unset. */
  active: boolean;
  comment: string;
}

/**
 * Variables in .env.example: "NAME=value" or "#NAME=value" lines, each after its "# comment" lines.
 */
export function readEnvExample(): DocumentedVariable[] {
  const variables: DocumentedVariable[] = [];
  let comment: string[] = [];
  for (const line of readRepoFile('.env.example').split('\n')) {
    const variable = /^(#?)([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (variable) {
      variables.push({ name: variable[2]!, value: variable[3]!, active: variable[1] === '', comment: comment.join(' ') });
      comment = [];
    } else if (line.startsWith('# ')) {
      comment.push(line.slice(2));
    } else if (line.trim() === '') {
      comment = [];
    }
  }
  return variables;
}

export interface DockerStage {
  name: string;
  from: string;
  /** Instructions with continuation lines joined, e.g. "RUN npm ci". */
  instructions: string[];
}

export function readDockerfileStages(relativePath = 'Dockerfile'): DockerStage[] {
  const joined = readRepoFile(relativePath)
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of joined) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      stages.push({ name: from[2] ?? String(stages.length), from: from[1]!, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(line.replace(/\s+/g, ' '));
    }
  }
  return stages;
}
