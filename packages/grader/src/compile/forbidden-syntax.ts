import ts from 'typescript';
import type { CompileDiagnostic } from './diagnostic';

function at(source: ts.SourceFile, pos: number, message: string): CompileDiagnostic {
  const { line, character } = source.getLineAndCharacterOfPosition(pos);
  return { line: line + 1, column: character + 1, message };
}

/**
 * Learner code is a plain script: no modules, no host access. These are errors before any type-checking,
 * with messages that say what to do instead.
 */
export function findForbiddenSyntax(source: ts.SourceFile): CompileDiagnostic[] {
  const found: CompileDiagnostic[] = [];
  const directives = [...source.referencedFiles, ...source.typeReferenceDirectives, ...source.libReferenceDirectives];
  for (const d of directives) found.push(at(source, d.pos, 'triple-slash reference directives are not allowed'));

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) {
      found.push(at(source, node.getStart(source), 'imports are not allowed: write a plain script that declares the function'));
    } else if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) {
      found.push(at(source, node.getStart(source), 'exports are not allowed: write a plain script that declares the function'));
    } else if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      found.push(at(source, node.getStart(source), 'remove `export`: the function is found by its name'));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      found.push(at(source, node.getStart(source), 'import() is not allowed: no modules are available'));
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      found.push(at(source, node.getStart(source), 'import.meta is not available'));
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      found.push(at(source, node.getStart(source), 'require() is not allowed: no modules are available'));
    } else if (ts.isModuleDeclaration(node)) {
      found.push(at(source, node.getStart(source), 'module and namespace declarations are not allowed'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
