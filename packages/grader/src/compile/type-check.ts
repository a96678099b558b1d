import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { CompileDiagnostic } from './diagnostic';

export const SOLUTION_FILE = '/solution.ts';
const SIGNATURE_FILE = '/__signature.ts';
const ENVIRONMENT_FILE = '/__environment.d.ts';
const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));
const DEFAULT_LIB = '/lib/lib.es2022.d.ts';

/** What learner code may use besides the ES2022 library: the captured console. */
const ENVIRONMENT = `declare var console: {
  log(...data: any[]): void; info(...data: any[]): void; warn(...data: any[]): void;
  error(...data: any[]): void; debug(...data: any[]): void;
};
`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  noResolve: true,
  allowUnreachableCode: true,
};

/** Lib files are parsed once per process and shared by every program; a check then costs a few ms. */
const libCache = new Map<string, ts.SourceFile | undefined>();

function libSourceFile(fileName: string): ts.SourceFile | undefined {
  if (!libCache.has(fileName)) {
    const onDisk = path.join(LIB_DIR, path.basename(fileName));
    const known = fileName.startsWith('/lib/') && /^lib\.[\w.]+\.d\.ts$/.test(path.basename(fileName)) && fs.existsSync(onDisk);
    libCache.set(fileName, known ? ts.createSourceFile(fileName, fs.readFileSync(onDisk, 'utf8'), ts.ScriptTarget.ES2022) : undefined);
  }
  return libCache.get(fileName);
}

const environmentSource = ts.createSourceFile(ENVIRONMENT_FILE, ENVIRONMENT, ts.ScriptTarget.ES2022);
let previous: ts.Program | undefined;

function createHost(files: Map<string, ts.SourceFile>): ts.CompilerHost {
  return {
    getSourceFile: (name) => files.get(name) ?? libSourceFile(name),
    getDefaultLibFileName: () => DEFAULT_LIB,
    getDefaultLibLocation: () => '/lib',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getDirectories: () => [],
    // Learner code never reaches the file system: only the in-memory files and the TypeScript libs exist.
    fileExists: (name) => files.has(name) || libSourceFile(name) !== undefined,
    readFile: () => undefined,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
}

function toDiagnostic(d: ts.Diagnostic): CompileDiagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return { line: 1, column: 1, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { line: line + 1, column: character + 1, message };
}

/** Where the learner declares `name`, for errors about its signature. */
function declarationPosition(source: ts.SourceFile, name: string): { line: number; column: number } {
  for (const s of source.statements) {
    const declared =
      (ts.isFunctionDeclaration(s) && s.name?.text === name) ||
      (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name));
    if (declared) {
      const { line, character } = source.getLineAndCharacterOfPosition(s.getStart(source));
      return { line: line + 1, column: character + 1 };
    }
  }
  return { line: 1, column: 1 };
}

/** `function f<T>(a: A, b: B): R` as the type `<T>(a: A, b: B) => R`. */
function functionType(signature: string): string {
  const parsed = ts.createSourceFile('/signature.ts', `declare ${signature};`, ts.ScriptTarget.ES2022, true);
  const declaration = parsed.statements[0];
  if (!declaration || !ts.isFunctionDeclaration(declaration) || !declaration.type)
    throw new Error(`not a function signature: ${signature}`);
  const text = (nodes: ts.NodeArray<ts.Node> | undefined) => (nodes ?? []).map((n) => n.getText(parsed)).join(', ');
  const typeParameters = declaration.typeParameters ? `<${text(declaration.typeParameters)}>` : '';
  return `${typeParameters}(${text(declaration.parameters)}) => ${declaration.type.getText(parsed)}`;
}

/**
 * Type-checks learner code as a script (strict mode, ES2022 library, no Node types), and checks that it declares
 * `functionName` assignable to the problem's declared signature.
 */
export function typeCheck(source: ts.SourceFile, functionName: string, signature: string): CompileDiagnostic[] {
  const signatureType = functionType(signature);
  const signatureSource = ts.createSourceFile(
    SIGNATURE_FILE,
    `const __expectedSignature: ${signatureType} = ${functionName};\n`,
    ts.ScriptTarget.ES2022,
  );
  const files = new Map([
    [SOLUTION_FILE, source],
    [SIGNATURE_FILE, signatureSource],
    [ENVIRONMENT_FILE, environmentSource],
  ]);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host: createHost(files), oldProgram: previous });
  previous = program;
  const own = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source), ...program.getGlobalDiagnostics()];
  const errors = own.filter((d) => d.category === ts.DiagnosticCategory.Error).map(toDiagnostic);
  if (errors.length > 0) return errors;
  const mismatch = program.getSemanticDiagnostics(signatureSource).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (mismatch.length === 0) return [];
  const first = mismatch[0]!;
  if (first.code === 2304 /* Cannot find name */) {
    return [{ line: 1, column: 1, message: `Your code must declare ${signature} (function ${functionName} was not found).` }];
  }
  return [
    {
      ...declarationPosition(source, functionName),
      message: `${functionName} does not match the required signature ${signature}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
    },
  ];
}
