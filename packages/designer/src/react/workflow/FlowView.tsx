import type { ReactNode } from 'react';
import type { FlowItem, FlowSequence } from '../../workflow/flow.ts';
import type { StepPlace } from '../../workflow/places.ts';
import { STEP_NAMES } from '../../workflow/stepNames.ts';
import { stepById } from '../../workflow/workflowTypes.ts';
import { DropIndicator } from '../dnd/DropIndicator.tsx';
import { useDropView } from '../dnd/DropTargets.ts';
import { Icon } from '../shared/Icon.tsx';
import { AddStepButton } from './AddStepButton.tsx';
import { armName } from './armName.ts';
import { useFlowRef, useStepDrag } from './FlowDnd.tsx';
import { TriggerCard } from './TriggerCard.tsx';
import { stepTitle, useWorkflowContext, useWorkflowState } from './WorkflowContext.ts';

/**
 * The vertical flow: the trigger card, then the cards of the steps with a "+" between each two (the
 * places a dragged card drops at, inside <FlowDnd>).
 */
export function FlowView(): ReactNode {
  const { designer, messages } = useWorkflowContext();
  const workflow = useWorkflowState((s) => s.document);
  const ref = useFlowRef();
  const dragging = useDropView((view) => view.open !== null);
  const flow = designer.flow();
  return (
    <section
      ref={ref}
      className={dragging ? 'fbw-flow fbw-flow--dragging' : 'fbw-flow'}
      aria-label={messages.flow}
    >
      <TriggerCard />
      <Sequence sequence={flow.main} entry={{ start: true }} entryLabel={messages.addStart} />
      {flow.loose.length > 0 ? (
        <section className="fbw-loose" aria-label={messages.looseSteps}>
          <h3>{messages.looseSteps}</h3>
          {flow.loose.map((id) => {
            const step = stepById(workflow, id);
            return step ? <StepCard key={id} id={id} /> : null;
          })}
        </section>
      ) : null}
      <DropIndicator label={messages.dropHere} />
    </section>
  );
}

/** Cards one below the other, a "+" before each and after the last (unless the run ended). */
function Sequence(props: {
  readonly sequence: FlowSequence;
  readonly entry: StepPlace;
  readonly entryLabel: string;
}): ReactNode {
  const { messages, locale } = useWorkflowContext();
  const workflow = useWorkflowState((s) => s.document);
  const { sequence } = props;
  const title = (id: string) => {
    const step = stepById(workflow, id);
    return step ? stepTitle(step, locale) : id;
  };
  const last = sequence.items[sequence.items.length - 1];
  const lastIsEnd = last?.kind === 'step' && stepById(workflow, last.id)?.type === 'end';
  return (
    <ol className="fbw-sequence">
      <li className="fbw-slot">
        <AddStepButton place={props.entry} label={props.entryLabel} />
      </li>
      {sequence.items.map((item, index) => (
        <li key={item.id} className="fbw-item">
          <Card item={item} />
          {index < sequence.items.length - 1 || !lastIsEnd ? (
            <AddStepButton place={{ after: item.id }} label={messages.addAfter(title(item.id))} />
          ) : null}
        </li>
      ))}
      {sequence.end.type === 'goto' ? (
        <li className="fbw-end">{messages.goTo(title(sequence.end.target))}</li>
      ) : sequence.end.type === 'stop' && !lastIsEnd && last?.kind !== 'branch' ? (
        <li className="fbw-end">{messages.runEnds}</li>
      ) : null}
    </ol>
  );
}

function Card({ item }: { readonly item: FlowItem }): ReactNode {
  if (item.kind === 'step') return <StepCard id={item.id} />;
  return <BranchCard item={item} />;
}

/** A branch card: the step's card, then its arms side by side. */
function BranchCard({ item }: { readonly item: Extract<FlowItem, { kind: 'branch' }> }): ReactNode {
  const { messages, locale } = useWorkflowContext();
  const step = useWorkflowState((s) => stepById(s.document, item.id));
  if (!step) return null;
  const title = stepTitle(step, locale);
  return (
    <div className="fbw-branch">
      <StepCard id={item.id} />
      <div className="fbw-arms">
        {item.arms.map((arm, index) => {
          const name = armName(step, index, messages);
          return (
            // Arms have no identity beyond their position in the step.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <section key={index} className="fbw-arm" aria-label={name}>
              <h4 className="fbw-arm-name">{name}</h4>
              <Sequence
                sequence={arm.sequence}
                entry={{ branch: item.id, arm: index }}
                entryLabel={messages.addInArm(name, title)}
              />
            </section>
          );
        })}
      </div>
    </div>
  );
}

/**
 * One step's card: selectable, draggable with the pointer (not an end step), named for assistive
 * technology, `data-step-id` for tests.
 */
export function StepCard({ id }: { readonly id: string }): ReactNode {
  const { designer, messages, locale } = useWorkflowContext();
  const step = useWorkflowState((s) => stepById(s.document, id));
  const drag = useStepDrag(id, step !== undefined && step.type !== 'end');
  const selected = useWorkflowState((s) => s.selection.includes(id));
  const problems = useWorkflowState(() => {
    const result = designer.toDefinition();
    return result.ok ? 0 : result.problems.filter((p) => p.stepId === id).length;
  });
  if (!step) return null;
  const kind = STEP_NAMES[step.type][locale];
  // The name holds the visible text in its order (kind, title, problems), as WCAG's "label in name" asks.
  const name = [messages.stepCard(stepTitle(step, locale), kind)];
  if (problems > 0) name.push(messages.problems(problems));
  return (
    <button
      type="button"
      ref={drag.setNodeRef}
      {...drag.listeners}
      aria-describedby={drag.describedBy}
      className={`fbw-card fbw-card--${step.type}${selected ? ' fbw-card--selected' : ''}${problems > 0 ? ' fbw-card--problem' : ''}${drag.isDragging ? ' fbw-card--dragging' : ''}`}
      data-step-id={id}
      data-card-id={id}
      aria-label={name.join(locale === 'zh-CN' ? '，' : ', ')}
      aria-pressed={selected}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey) designer.toggleSelection(id);
        else designer.select([id]);
      }}
    >
      <span className="fbw-card-kind">
        {/* Step kinds are icon names too (see ICONS). */}
        <Icon name={step.type} />
        {kind}
      </span>
      <span className="fbw-card-title">{stepTitle(step, locale)}</span>
      {problems > 0 ? <span className="fbw-card-problems">{messages.problems(problems)}</span> : null}
    </button>
  );
}
