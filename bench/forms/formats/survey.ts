/**
 * The logical form as SurveyJS JSON: one page, a panel per section, the table a dynamic matrix.
 * Validation: isRequired, a text validator for maxLength and a numeric validator for min/max; errors
 * are checked as values change (checkErrorsMode "onValueChanged") and text updates on every keystroke
 * (textUpdateMode "onTyping"), so the typed field is validated as you type.
 */
import { type LogicalField, type LogicalForm, OPTIONS } from '../model.ts';

export interface SurveyValidator {
  readonly type: 'text' | 'numeric';
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

export interface SurveyQuestion {
  readonly type?: 'text' | 'dropdown' | 'boolean';
  readonly cellType?: 'text' | 'dropdown' | 'boolean';
  readonly name: string;
  readonly title: string;
  readonly isRequired?: boolean;
  readonly inputType?: 'number' | 'date';
  readonly renderAs?: 'checkbox';
  readonly maxLength?: number;
  readonly choices?: readonly { readonly value: string; readonly text: string }[];
  readonly validators?: readonly SurveyValidator[];
}

export interface SurveyPanel {
  readonly type: 'panel';
  readonly name: string;
  readonly title: string;
  readonly elements: readonly SurveyQuestion[];
}

export interface SurveyMatrix {
  readonly type: 'matrixdynamic';
  readonly name: string;
  readonly title: string;
  readonly rowCount: number;
  readonly columns: readonly SurveyQuestion[];
}

export interface SurveyJson {
  readonly checkErrorsMode: 'onValueChanged';
  readonly textUpdateMode: 'onTyping';
  readonly showQuestionNumbers: 'off';
  readonly showCompleteButton: boolean;
  readonly pages: readonly {
    readonly name: string;
    readonly elements: readonly (SurveyPanel | SurveyMatrix)[];
  }[];
}

function question(field: LogicalField): Omit<SurveyQuestion, 'type' | 'cellType'> & {
  readonly kind: 'text' | 'dropdown' | 'boolean';
} {
  const base = { name: field.key, title: field.label, ...(field.required ? { isRequired: true } : {}) };
  switch (field.type) {
    case 'text':
      return field.maxLength === undefined
        ? { ...base, kind: 'text' }
        : { ...base, kind: 'text', validators: [{ type: 'text', maxLength: field.maxLength }] };
    case 'number':
      return {
        ...base,
        kind: 'text',
        inputType: 'number',
        validators: [{ type: 'numeric', minValue: field.min ?? 0, maxValue: field.max ?? 0 }],
      };
    case 'select':
      return { ...base, kind: 'dropdown', choices: OPTIONS.map((o) => ({ value: o.value, text: o.label })) };
    case 'date':
      return { ...base, kind: 'text', inputType: 'date' };
    case 'checkbox':
      return { ...base, kind: 'boolean', renderAs: 'checkbox' };
  }
}

function element(field: LogicalField): SurveyQuestion {
  const { kind, ...rest } = question(field);
  return { type: kind, ...rest };
}

function column(field: LogicalField): SurveyQuestion {
  const { kind, ...rest } = question(field);
  return { cellType: kind, ...rest };
}

export function toSurvey(form: LogicalForm): SurveyJson {
  const panels: SurveyPanel[] = form.sections.map((s) => ({
    type: 'panel',
    name: s.id,
    title: s.title,
    elements: s.fields.map(element),
  }));
  const { table } = form;
  const matrix: SurveyMatrix = {
    type: 'matrixdynamic',
    name: table.key,
    title: table.title,
    rowCount: table.rows,
    columns: table.columns.map(column),
  };
  return {
    checkErrorsMode: 'onValueChanged',
    textUpdateMode: 'onTyping',
    showQuestionNumbers: 'off',
    showCompleteButton: false,
    pages: [{ name: 'page1', elements: [...panels, matrix] }],
  };
}
