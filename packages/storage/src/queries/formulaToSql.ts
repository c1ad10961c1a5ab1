import { type Node, parse, pathText } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { type SqlPart, sql } from './fieldSql.ts';

/** Compiles one field reference of a filter: its path and whether it is a number. */
export type FieldResolver = (
  path: string,
) => { readonly expression: SqlPart; readonly numeric: boolean } | undefined;

function unsupported(what: string): StoreError {
  return new StoreError('invalid', {
    'zh-CN': `看板筛选不支持 ${what}；请用比较、AND/OR/NOT、ISBLANK 和四则运算`,
    en: `board filters do not support ${what}; use comparisons, AND/OR/NOT, ISBLANK and arithmetic`,
  });
}

const COMPARISONS: Readonly<Record<string, string>> = {
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const ARITHMETIC: Readonly<Record<string, string>> = { '+': '+', '-': '-', '*': '*', '/': '/' };

/**
 * Compiles a filter formula to a SQL condition so aggregation runs in the database. Supports the
 * subset filters use — fields, literals, comparisons, AND/OR/NOT, ISBLANK, + - * / — and refuses the
 * rest with a clear error rather than filtering differently from the formula engine.
 */
export function formulaToSql(source: string, dialect: Dialect['name'], field: FieldResolver): SqlPart {
  const visit = (node: Node): SqlPart => {
    switch (node.type) {
      case 'Number':
      case 'String':
        return sql('?', node.value);
      case 'Boolean':
        return dialect === 'postgres' ? sql(node.value ? 'TRUE' : 'FALSE') : sql(node.value ? '1' : '0');
      case 'Blank':
        return sql('NULL');
      case 'Field': {
        const path = pathText(node.path);
        const found = field(path);
        if (!found) throw unsupported(`field ${path}`);
        return found.expression;
      }
      case 'Binary': {
        const left = visit(node.left);
        const right = visit(node.right);
        const op =
          COMPARISONS[node.op] ??
          ARITHMETIC[node.op] ??
          (node.op === 'AND' || node.op === 'OR' ? node.op : undefined);
        if (!op) throw unsupported(`operator ${node.op}`);
        return { sql: `(${left.sql} ${op} ${right.sql})`, params: [...left.params, ...right.params] };
      }
      case 'Unary': {
        if (node.op === '%') throw unsupported('%');
        const operand = visit(node.operand);
        return { sql: `(${node.op}${operand.sql})`, params: operand.params };
      }
      case 'Call': {
        const args = node.args.map(visit);
        if ((node.name === 'NOT' || node.name === 'ISBLANK') && args.length === 1) {
          const [arg] = args as [SqlPart];
          return node.name === 'NOT'
            ? { sql: `(NOT ${arg.sql})`, params: arg.params }
            : { sql: `(${arg.sql} IS NULL)`, params: arg.params };
        }
        if ((node.name === 'AND' || node.name === 'OR') && args.length > 0) {
          return {
            sql: `(${args.map((a) => a.sql).join(` ${node.name} `)})`,
            params: args.flatMap((a) => a.params),
          };
        }
        throw unsupported(`${node.name}()`);
      }
      default:
        throw unsupported(node.type === 'Variable' ? 'variables' : 'arrays');
    }
  };
  return visit(parse(source));
}
