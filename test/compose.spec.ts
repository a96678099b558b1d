// docker compose cannot run on our machines, so this spec keeps docker-compose.yml, the Dockerfile
// and .env.example honest: the services and their wiring, the Redis settings BullMQ relies on,
// every variable each process needs, and an image built by the same scripts as `npm start`.
import { statSync } from 'node:fs';
import path from 'node:path';
import {
  environmentOf,
  healthcheckCommand,
  readCompose,
  readDockerfileStages,
  readEnvExample,
  readRepoFile,
  repoRoot,
  type ComposeService,
} from './compose/repo-files';

const compose = readCompose();
const services = compose.services;
const documented = readEnvExample();
const documentedNames = documented.map((variable) => variable.name);

// What each process reads at boot (the runtime interface in README / ARCHITECTURE.md).
const requiredEnvironment: Record<string, string[]> = {
  api: [
    'DATABASE_URL',
    'REDIS_URL',
    'QUEUE_PREFIX',
    'API_HOST',
    'API_PORT',
    'WEB_ORIGIN',
    'SESSION_TTL_DAYS',
    'UNSUBSCRIBE_SECRET',
    'LOG_LEVEL',
  ],
  worker: [
    'DATABASE_URL',
    'REDIS_URL',
    'QUEUE_PREFIX',
    'LOG_LEVEL',
    'WORKER_HEALTH_PORT',
    'GRADER_POOL_SIZE',
    'WEB_ORIGIN',
    'UNSUBSCRIBE_SECRET',
    'SMTP_URL',
    'MAIL_FROM',
  ],
  web: ['API_URL', 'WEB_PORT', 'NEXT_TELEMETRY_DISABLED'],
  migrate: ['DATABASE_URL'],
};
const appServices = Object.keys(requiredEnvironment);

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function dependencies(name: string): Record<string, string | undefined> {
  const dependsOn = service(name).depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((dependency) => [dependency, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([dependency, spec]) => [dependency, spec?.condition]));
}

function commandOf(name: string): string {
  const command = service(name).command ?? [];
  return Array.isArray(command) ? command.join(' ') : command;
}

function portIn(text: string): string | undefined {
  return /127\.0\.0\.1:(\d+)/.exec(text)?.[1];
}

describe('docker-compose.yml services', () => {
  it('defines the infrastructure, the app processes, the migration job and the GPU lab worker pool', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'lab-sandbox', 'lab-worker', 'mailpit', 'migrate', 'postgres', 'redis', 'web', 'worker'].sort(),
    );
  });

  it('runs Postgres 15 or 16 with a pg_isready healthcheck and a named volume for its data', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:1[56](\b|-|\.)/);
    expect(healthcheckCommand(postgres)).toContain('pg_isready');
    const dataVolume = (postgres.volumes ?? []).find((volume) => volume.endsWith(':/var/lib/postgresql/data'));
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume!.split(':')[0]);
    expect(environmentOf(postgres).POSTGRES_DB).toBe('interview_prep');
  });

  it('runs Redis 7 with noeviction and an fsync-every-second append-only file, for BullMQ', () => {
    const redis = service('redis');
    expect(redis.image).toMatch(/^redis:7(\b|-|\.)/);
    const args = Array.isArray(redis.command) ? redis.command : (redis.command ?? '').split(/\s+/);
    const flag = (name: string) => args[args.indexOf(name) + 1];
    expect(args).toContain('--maxmemory-policy');
    expect(flag('--maxmemory-policy')).toBe('noeviction');
    expect(flag('--appendonly')).toBe('yes');
    expect(flag('--appendfsync')).toBe('everysec');
    expect(healthcheckCommand(redis)).toMatch(/redis-cli.*ping/);
    const dataVolume = (redis.volumes ?? []).find((volume) => volume.endsWith(':/data'));
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume!.split(':')[0]);
  });

  it('runs mailpit with SMTP on 1025 and its web UI on 8025', () => {
    const mailpit = service('mailpit');
    expect(mailpit.image).toMatch(/^axllent\/mailpit(:|$)/);
    const ports = (mailpit.ports ?? []).join(' ');
    expect(ports).toMatch(/:1025:1025\b/);
    expect(ports).toMatch(/:8025:8025\b/);
    expect(healthcheckCommand(mailpit)).not.toBe('');
  });

  it('builds every app service from the runtime stage of the repo Dockerfile', () => {
    const stageNames = readDockerfileStages().map((stage) => stage.name);
    for (const name of appServices) {
      const build = service(name).build;
      expect({ name, build }).toEqual({ name, build: expect.objectContaining({ context: '.', target: 'runtime' }) });
      expect(stageNames).toContain('runtime');
    }
  });

  it('starts each process with its documented entry point', () => {
    expect(commandOf('api')).toBe('node apps/api/dist/main.js');
    expect(commandOf('worker')).toBe('node --no-node-snapshot apps/api/dist/worker.main.js');
    expect(commandOf('web')).toMatch(/next start apps\/web -p 3000$/);
    expect(commandOf('migrate')).toContain('prisma migrate deploy');
  });
});

describe('docker-compose.yml start order and health', () => {
  it('starts api and worker after healthy Postgres and Redis and a finished migration', () => {
    for (const name of ['api', 'worker']) {
      expect(dependencies(name)).toEqual({
        postgres: 'service_healthy',
        redis: 'service_healthy',
        migrate: 'service_completed_successfully',
      });
    }
    expect(dependencies('migrate')).toEqual({ postgres: 'service_healthy' });
  });

  it('starts web after a healthy api', () => {
    expect(dependencies('web')).toEqual({ api: 'service_healthy' });
  });

  it('checks each process on the port it is configured to listen on', () => {
    const api = environmentOf(service('api'));
    const worker = environmentOf(service('worker'));
    const web = environmentOf(service('web'));
    expect(healthcheckCommand(service('api'))).toContain(`127.0.0.1:${api.API_PORT}/api/health`);
    expect(healthcheckCommand(service('worker'))).toContain(`127.0.0.1:${worker.WORKER_HEALTH_PORT}/health`);
    expect(portIn(healthcheckCommand(service('web')))).toBe(web.WEB_PORT);
    expect(commandOf('web')).toMatch(new RegExp(`-p ${web.WEB_PORT}$`));
  });

  it('publishes ports only on the loopback interface', () => {
    for (const [name, definition] of Object.entries(services)) {
      for (const port of definition.ports ?? []) {
        expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
      }
    }
  });
});

describe('docker-compose.yml environment', () => {
  it.each(appServices)('gives %s every variable it reads', (name) => {
    expect(Object.keys(environmentOf(service(name)))).toEqual(expect.arrayContaining(requiredEnvironment[name] ?? []));
  });

  it('documents in .env.example every variable an app service is given', () => {
    const given = new Set(['api', 'worker', 'web'].flatMap((name) => Object.keys(environmentOf(service(name)))));
    expect([...given].filter((name) => !documentedNames.includes(name))).toEqual([]);
  });

  it('gives some app service every variable .env.example documents', () => {
    const given = new Set(['api', 'worker', 'web'].flatMap((name) => Object.keys(environmentOf(service(name)))));
    expect(documentedNames.filter((name) => !given.has(name))).toEqual([]);
  });

  it('points the processes at the compose services, not at the host', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const env = environmentOf(service(name));
      const databaseUrl = env.DATABASE_URL ?? '';
      expect(new URL(databaseUrl.replace(/\$\{[^}]*\}/g, 'x')).host).toBe('postgres:5432');
      expect(new URL(databaseUrl.replace(/\$\{[^}]*\}/g, 'x')).pathname).toBe('/interview_prep');
    }
    for (const name of ['api', 'worker']) {
      expect(new URL(environmentOf(service(name)).REDIS_URL ?? '').host).toBe('redis:6379');
    }
    const api = environmentOf(service('api'));
    expect(environmentOf(service('web')).API_URL).toBe(`http://api:${api.API_PORT}`);
    expect(api.API_HOST).toBe('0.0.0.0');
  });
});

describe('the gpu profile', () => {
  it('holds the lab sandbox image and the lab worker, which reserves the NVIDIA GPUs', () => {
    const inGpuProfile = Object.entries(services)
      .filter(([, definition]) => definition.profiles?.includes('gpu'))
      .map(([name]) => name);
    expect(inGpuProfile).toEqual(['lab-sandbox', 'lab-worker']);
    const devices = service('lab-worker').deploy?.resources?.reservations?.devices ?? [];
    expect(devices).toEqual([expect.objectContaining({ driver: 'nvidia', capabilities: expect.arrayContaining(['gpu']) })]);
  });

  it('builds both from the lab Dockerfile: the sandbox image for learner code, the worker to run it', () => {
    expect(service('lab-sandbox').build).toEqual({ context: '.', dockerfile: 'apps/lab-worker/Dockerfile', target: 'sandbox' });
    expect(service('lab-worker').build).toEqual({ context: '.', dockerfile: 'apps/lab-worker/Dockerfile', target: 'worker' });
    expect(commandOf('lab-worker')).toBe('node apps/lab-worker/dist/main.js');
    expect(dependencies('lab-worker')).toEqual({ redis: 'service_healthy', 'lab-sandbox': 'service_completed_successfully' });
  });

  it('gives the lab worker Redis and no database credentials, and grades in docker sandboxes of that image', () => {
    const env = environmentOf(service('lab-worker'));
    expect(new URL(env.REDIS_URL ?? '').host).toBe('redis:6379');
    expect(Object.keys(env).filter((name) => /DATABASE|POSTGRES|SESSION|SECRET|PASSWORD/.test(name))).toEqual([]);
    expect(env.LAB_SANDBOX).toBe('docker');
    expect(env.LAB_DOCKER_IMAGE).toBe(service('lab-sandbox').image);
    expect(service('lab-worker').volumes).toEqual(['/var/run/docker.sock:/var/run/docker.sock']);
    expect(healthcheckCommand(service('lab-worker'))).toContain(`127.0.0.1:${env.LAB_WORKER_HEALTH_PORT}/health`);
  });

  it('keeps every other service in the default profile', () => {
    const profiled = Object.entries(services).filter(([name, definition]) => !name.startsWith('lab-') && definition.profiles);
    expect(profiled).toEqual([]);
  });
});

describe('apps/lab-worker/Dockerfile', () => {
  const stages = readDockerfileStages('apps/lab-worker/Dockerfile');
  const stage = (name: string) => stages.find((candidate) => candidate.name === name)!;
  const text = readRepoFile('apps/lab-worker/Dockerfile');

  it('builds the sandbox and the worker from an official CUDA PyTorch image that has Triton', () => {
    expect(text).toMatch(/^ARG PYTORCH_IMAGE=pytorch\/pytorch:[\d.]+-cuda[\d.]+-cudnn\d+-runtime$/m);
    expect(stage('sandbox').from).toBe('${PYTORCH_IMAGE}');
    expect(stage('worker').from).toBe('${PYTORCH_IMAGE}');
    expect(stage('sandbox').instructions.join('\n')).toMatch(/RUN python -c "import torch, triton/);
  });

  it('puts only the runner in the sandbox image (no judge, no content), run as nobody', () => {
    const copies = stage('sandbox').instructions.filter((i) => /^COPY /.test(i));
    expect(copies).toEqual(['COPY apps/lab-worker/python/sandbox /opt/lab']);
    expect(stage('sandbox').instructions).toContain('USER 65534:65534');
  });

  it('gives the worker Node and the docker CLI, and the compiled lab worker', () => {
    const worker = stage('worker').instructions.join('\n');
    expect(worker).toContain('COPY --from=build /usr/local/bin/node /usr/local/bin/node');
    expect(worker).toContain('COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker');
    expect(stage('build').instructions.join('\n')).toMatch(/npx tsc -b apps\/lab-worker/);
  });
});

describe('.env.example', () => {
  it('gives every variable a one-line explanation', () => {
    const unexplained = documented.filter((variable) => variable.comment.trim() === '').map((variable) => variable.name);
    expect(unexplained).toEqual([]);
  });

  it('documents each variable once', () => {
    expect(new Set(documentedNames).size).toBe(documentedNames.length);
  });

  it('uses the local defaults the processes expect', () => {
    const value = (name: string) => documented.find((variable) => variable.name === name)?.value;
    expect(value('DATABASE_URL')).toBe('postgresql://postgres@127.0.0.1:5432/interview_prep');
    expect(value('REDIS_URL')).toBe('redis://127.0.0.1:6379');
    expect(value('API_PORT')).toBe('4000');
    expect(value('WEB_PORT')).toBe('3000');
    expect(value('API_URL')).toBe(`http://127.0.0.1:${value('API_PORT')}`);
    expect(value('WEB_ORIGIN')).toBe(`http://localhost:${value('WEB_PORT')}`);
    expect(value('NEXT_TELEMETRY_DISABLED')).toBe('1');
  });
});

describe('Dockerfile', () => {
  const stages = readDockerfileStages();
  const stage = (name: string) => {
    const found = stages.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`Dockerfile has no stage "${name}"`);
    return found;
  };
  const runs = (name: string) =>
    stage(name)
      .instructions.filter((instruction) => /^RUN /i.test(instruction))
      .join('\n');

  it('has deps, build and runtime stages in that order', () => {
    const names = stages.map((candidate) => candidate.name);
    expect(names.indexOf('deps')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('deps')).toBeLessThan(names.indexOf('build'));
    expect(names.indexOf('build')).toBeLessThan(names.indexOf('runtime'));
  });

  it('installs the lockfile with npm ci, with the tools isolated-vm compiles with', () => {
    expect(runs('deps')).toMatch(/\bnpm ci\b/);
    expect(runs('deps')).toMatch(/apt-get install[^\n]*\bpython3\b/);
    expect(runs('deps')).toMatch(/apt-get install[^\n]*\bmake\b/);
    expect(runs('deps')).toMatch(/apt-get install[^\n]*\bg\+\+/);
  });

  it('builds with npm run build, the build npm start runs', () => {
    expect(stage('build').from).toBe('deps');
    expect(runs('build')).toMatch(/\bnpm run build\b/);
    const pkg = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    // `npm start` builds incrementally with build:libs and the web workspace's build; the
    // root build script must be exactly those two so the image and npm start agree.
    expect(pkg.scripts.build).toBe(`${pkg.scripts['build:libs']} && npm run build -w apps/web`);
    const startBuild = readRepoFile('scripts/lib/common.sh');
    expect(startBuild).toContain('npm run --silent build:libs');
    expect(startBuild).toContain('npm run --silent build -w apps/web');
  });

  it('runs as a non-root user, without the build tools', () => {
    const runtime = stage('runtime');
    const users = runtime.instructions.filter((instruction) => /^USER /i.test(instruction));
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^USER (root|0)(:|$)/i);
    expect(['deps', 'build']).not.toContain(runtime.from);
    expect(runtime.instructions.join('\n')).toMatch(/COPY --from=build/);
  });
});

describe('.ci/run', () => {
  it('is an executable script that runs npm test and nothing else of note', () => {
    const script = readRepoFile('.ci/run');
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    const commands = script
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(commands[commands.length - 1]).toBe('npm test');
    expect(statSync(path.join(repoRoot, '.ci/run')).mode & 0o111).not.toBe(0);
  });
});
