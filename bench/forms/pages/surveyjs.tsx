/**
 * SurveyJS (survey-core model + survey-react-ui): the JSON of formats/survey.ts, the data set on the
 * model before rendering; errors checked as values change, text updated on every keystroke; submit is
 * survey.validate(true), which checks every question and shows the errors. No SurveyJS theme CSS is
 * loaded (no page of this benchmark loads any CSS).
 */

import { type RefObject, useImperativeHandle, useMemo } from 'react';
import { type Question, QuestionMatrixDynamicModel, SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { SurveyJson } from '../formats/survey.ts';
import type { Submitter } from './harness/adapter.ts';
import { installBench } from './harness/install.ts';

/** Questions with an error, counting each matrix cell as a question. */
function countErrors(survey: SurveyModel): number {
  let count = 0;
  for (const question of survey.getAllQuestions() as Question[]) {
    if (question.errors.length > 0) count++;
    if (question instanceof QuestionMatrixDynamicModel) {
      for (const row of question.visibleRows) {
        for (const cell of row.cells) if (cell.question.errors.length > 0) count++;
      }
    }
  }
  return count;
}

interface Props {
  readonly json: SurveyJson;
  readonly data: Readonly<Record<string, unknown>>;
  readonly submitter: RefObject<Submitter | null>;
}

function SurveyPage({ json, data, submitter }: Props) {
  const model = useMemo(() => {
    const survey = new SurveyModel(json);
    survey.data = data;
    return survey;
  }, [json, data]);
  useImperativeHandle(
    submitter,
    () => ({
      submit: async () => {
        const ok = model.validate(true, false);
        return { ok, errors: () => countErrors(model) };
      },
    }),
    [model],
  );
  return <Survey model={model} />;
}

installBench<SurveyJson>(
  {
    library: 'surveyjs',
    middleSelector: (meta) => `[data-name="${meta.middle}"] input`,
    render: ({ form, data, submitter }) => (
      <SurveyPage json={form} data={data as Readonly<Record<string, unknown>>} submitter={submitter} />
    ),
  },
  (json) => json as SurveyJson,
);
