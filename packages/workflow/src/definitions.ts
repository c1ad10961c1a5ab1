import type { WorkflowDefinition } from '@formboard/schema';
import type { Store } from '@formboard/storage';

/** A published workflow: its id, the version runs start with, and the definition. */
export interface PublishedWorkflow {
  readonly id: string;
  readonly version: number;
  readonly definition: WorkflowDefinition;
}

/**
 * Workflow definitions as the engine reads them. Versions are immutable, so each is read from the
 * store once; which version is published is asked every time (publishing must take effect at once).
 */
export class WorkflowDefinitions {
  private readonly versions = new Map<string, WorkflowDefinition>();

  constructor(private readonly store: Store) {}

  /** One version of a workflow: what a run started with, whatever was published since. */
  async version(id: string, version: number): Promise<WorkflowDefinition> {
    const key = `${id}@${version}`;
    let definition = this.versions.get(key);
    if (!definition) {
      definition = (await this.store.definitions.get(id, version)).content as unknown as WorkflowDefinition;
      this.versions.set(key, definition);
    }
    return definition;
  }

  /** Every published workflow, at its published version. */
  async published(): Promise<PublishedWorkflow[]> {
    const infos = await this.store.definitions.list('workflow');
    const out: PublishedWorkflow[] = [];
    for (const info of infos) {
      if (info.state !== 'published' || info.publishedVersion === null) continue;
      out.push({
        id: info.id,
        version: info.publishedVersion,
        definition: await this.version(info.id, info.publishedVersion),
      });
    }
    return out;
  }
}
