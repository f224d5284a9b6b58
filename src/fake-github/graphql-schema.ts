/**
 * GitHub's published GraphQL schema, built once on first use, and the static checks GitHub runs on a
 * document before executing it: pagination boundaries on every connection, the node limit and the
 * rate-limit cost (https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api).
 */
import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  GraphQLIncludeDirective,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLSkipDirective,
  Kind,
  buildSchema,
  getArgumentValues,
  getDirectiveValues,
  getLocation,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNullableType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { githubTime } from './context';

let built: GraphQLSchema | undefined;

/** ~350 ms the first time: the IDL repeats two fields, so it must be built with assumeValidSDL. */
export function githubGraphqlSchema(): GraphQLSchema {
  built ??= withGitHubTimestamps(withLenientIntOutputs(buildSchema(githubSchema.idl, { assumeValidSDL: true })));
  return built;
}

/**
 * GitHub answers `Int` fields with ids past 2^31 as they are (CheckRun.databaseId is ~3·10^10 today;
 * clients choke, GitHub does not error), where graphql-js would refuse them. So output `Int`s serialize
 * any integer; inputs (`first: Int`, …) keep the strict 32-bit Int.
 */
const LENIENT_INT = new GraphQLScalarType({
  name: 'Int',
  description: GraphQLInt.description,
  serialize: (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : GraphQLInt.serialize(value)),
});

/** DateTime and GitTimestamp go out as GitHub writes them: UTC, whole seconds, `Z`. */
function withGitHubTimestamps(schema: GraphQLSchema): GraphQLSchema {
  for (const name of ['DateTime', 'GitTimestamp']) {
    const scalar = schema.getType(name);
    // These scalars were built from the IDL for this schema alone, so adapting them touches nothing else.
    if (scalar instanceof GraphQLScalarType) {
      (scalar as { serialize: (value: unknown) => unknown }).serialize = (value) => (typeof value === 'string' ? githubTime(value) : value);
    }
  }
  return schema;
}

function withLenientIntOutputs(schema: GraphQLSchema): GraphQLSchema {
  const lenient = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isNonNullType(type)) return new GraphQLNonNull(lenient(type.ofType) as GraphQLNullableType & GraphQLOutputType);
    if (isListType(type)) return new GraphQLList(lenient(type.ofType));
    return type === GraphQLInt ? LENIENT_INT : type;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type) === GraphQLInt) field.type = lenient(field.type);
    }
  }
  return schema;
}

export interface GitHubErrorJson {
  type?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  message: string;
}

export interface QueryAnalysis {
  /** Rate-limit points: connection requests / 100, rounded, at least 1. */
  cost: number;
  nodeCount: number;
  errors: GitHubErrorJson[];
}

export const NODE_LIMIT = 500_000;
export const MAX_PAGE = 100;

export function findOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Walks a validated operation with its coerced variables. Each connection (a field whose type is
 * named `…Connection`) counts one request per possible parent, and multiplies what it contains by its
 * `first`/`last`; a connection without either, or asking for more than 100, is refused as GitHub does.
 */
export function analyseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let requests = 0;
  let nodeCount = 0;
  const errors: GitHubErrorJson[] = [];

  const included = (node: { directives?: readonly DirectiveNode[] }): boolean => {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
    return true;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, path: string[], seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, type && isCompositeType(type) ? type : parent, multiplier, path, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        walk(fragment.selectionSet, type, multiplier, path, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const responseName = selection.alias?.value ?? selection.name.value;
      const fieldPath = [...path, responseName];
      const named = getNamedType(field.type);
      let childMultiplier = multiplier;
      if (named.name.endsWith('Connection')) {
        const args = getArgumentValues(field, selection, variables) as { first?: number | null; last?: number | null };
        const requested = args.first ?? args.last;
        const location = selection.loc ? [getLocation(selection.loc.source, selection.loc.start)] : undefined;
        if (requested == null) {
          errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            path: fieldPath,
            locations: location,
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.`,
          });
        } else if (requested > MAX_PAGE) {
          const which = args.first != null ? 'first' : 'last';
          errors.push({
            type: 'EXCESSIVE_PAGINATION',
            path: fieldPath,
            locations: location,
            message: `Requesting ${requested} records on the \`${field.name}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.`,
          });
        }
        requests += multiplier;
        childMultiplier = multiplier * Math.max(0, Math.min(requested ?? 0, MAX_PAGE));
        nodeCount += childMultiplier;
      }
      if (selection.selectionSet && isCompositeType(named)) {
        walk(selection.selectionSet, named, childMultiplier, fieldPath, seen);
      }
    }
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, [], new Set());
  if (nodeCount > NODE_LIMIT) {
    errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${nodeCount.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${NODE_LIMIT.toLocaleString('en-US')}.`,
    });
  }
  return { cost: Math.max(1, Math.round(requests / 100)), nodeCount, errors };
}
