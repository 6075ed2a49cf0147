import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Lets the queries of one command write once: a second statement that may write (anything but
 * a plain SELECT) throws before it is sent. A command whose change is one statement needs no
 * transaction (a statement is atomic by itself); this keeps it so when the command grows.
 */
export class OneWrite implements KyselyPlugin {
  private writes = 0;

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const reads = node.kind === 'SelectQueryNode' && !node.with;
    if (!reads && ++this.writes > 1) throw new Error('a one-statement command wrote twice: run it with command() in a transaction');
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}
