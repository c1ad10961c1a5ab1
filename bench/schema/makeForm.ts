// Builds a realistic 500-field form definition for the validation benchmark: an annual performance
// review of a manufacturing plant with 18 sections of three columns, two groups, four repeating tables
// (two through $defs), visibility/required rules, computed subtotals and cross-field checks.

type Json = Record<string, unknown>;

const SECTIONS = 18;
const FIELDS_PER_SECTION = 24;
const GROUPS = 2;
const FIELDS_PER_GROUP = 14;
const TABLES = 4;
const COLUMNS_PER_TABLE = 10;

/** Leaf fields (not counting the tables and groups that hold some of them): 18×24 + 2×14 + 4×10 = 500. */
export const FIELD_COUNT =
  SECTIONS * FIELDS_PER_SECTION + GROUPS * FIELDS_PER_GROUP + TABLES * COLUMNS_PER_TABLE;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const STATUS = ['draft', 'submitted', 'approved', 'rejected'] as const;
const statusChoices = STATUS.map((s, i) => ({
  const: s,
  title: text(['草稿', '已提交', '已批准', '已退回'][i] ?? s, s),
}));

/** The schema of the i-th field of a section: a cycle of the field types real review forms use. */
function scalar(i: number, label: string): { schema: Json; widget?: string } {
  const title = text(`${label}（第 ${i + 1} 项）`, `${label} #${i + 1}`);
  switch (i % 8) {
    case 0:
    case 1:
    case 2:
      return { schema: { type: 'number', title, minimum: 0, maximum: 100, 'x-unit': '%' } };
    case 3:
      return { schema: { type: 'string', title, maxLength: 2000 }, widget: 'textarea' };
    case 4:
      return { schema: { type: 'string', title, format: 'date' } };
    case 5:
      return { schema: { type: 'string', title, oneOf: statusChoices }, widget: 'select' };
    case 6:
      return { schema: { type: 'boolean', title } };
    default:
      return {
        schema: {
          type: 'array',
          title,
          items: { type: 'string', enum: ['safety', 'quality', 'delivery', 'cost', 'people'] },
          uniqueItems: true,
        },
      };
  }
}

function tableRow(t: number): Json {
  const properties: Json = {};
  for (let c = 0; c < COLUMNS_PER_TABLE; c++) {
    properties[`c${c}`] =
      c === 0
        ? { type: 'string', title: text('项目', 'Item'), maxLength: 200 }
        : c === 1
          ? { type: 'string', title: text('状态', 'Status'), enum: [...STATUS] }
          : { type: 'number', title: text(`数值 ${c}`, `Value ${c}`), minimum: 0 };
  }
  return {
    type: 'object',
    title: text(`明细表 ${t + 1}`, `Detail ${t + 1}`),
    properties,
    required: ['c0', 'c2'],
  };
}

/** A 500-field form definition that validateDefinition accepts. */
export function makeForm(): Json {
  const properties: Json = {};
  const required: string[] = [];
  const $defs: Json = {};
  const nodes: Json = {};
  const root: string[] = [];
  const rules: Json[] = [];
  const computed: Json[] = [];
  const validations: Json[] = [];

  for (let s = 0; s < SECTIONS; s++) {
    const columns: string[][] = [[], [], []];
    const numbers: string[] = [];
    for (let i = 0; i < FIELDS_PER_SECTION; i++) {
      const key = `s${s}_f${i}`;
      const { schema, widget } = scalar(i, `指标 ${s + 1}`);
      properties[key] = schema;
      if (i === 0) required.push(key);
      if (schema.type === 'number') numbers.push(key);
      nodes[`n_${key}`] = widget ? { type: 'field', path: key, widget } : { type: 'field', path: key };
      columns[i % 3]?.push(`n_${key}`);
    }
    columns.forEach((children, c) => {
      nodes[`s${s}_col${c}`] = { type: 'column', span: 8, children };
    });
    nodes[`s${s}_cols`] = { type: 'columns', children: [0, 1, 2].map((c) => `s${s}_col${c}`) };
    nodes[`s${s}`] = {
      type: 'section',
      title: text(`第 ${s + 1} 部分`, `Part ${s + 1}`),
      collapsible: true,
      children: [`s${s}_cols`],
    };
    root.push(`s${s}`);

    // The last number field of each section is its subtotal; the status field drives the rules.
    const subtotal = numbers.pop() as string;
    computed.push({ target: subtotal, formula: `ROUND(AVERAGE(${numbers.join(', ')}), 1)` });
    rules.push(
      { target: `s${s}_f3`, required: `${subtotal} < 60`, visible: `s${s}_f5 <> "draft"` },
      { target: `s${s}_f4`, visible: `AND(s${s}_f6, s${s}_f5 = "approved")` },
      { target: `s${s}_f11`, readOnly: `s${s}_f13 = "approved"` },
    );
    validations.push({
      id: `s${s}-order`,
      formula: `OR(ISBLANK(s${s}_f12), ISBLANK(s${s}_f4), s${s}_f12 >= s${s}_f4)`,
      message: text('结束日期不能早于开始日期', 'The end date cannot be before the start date'),
      paths: [`s${s}_f12`],
    });
  }

  for (let g = 0; g < GROUPS; g++) {
    const groupProperties: Json = {};
    const children: string[] = [];
    for (let i = 0; i < FIELDS_PER_GROUP; i++) {
      groupProperties[`g${i}`] = scalar(i, `评审 ${g + 1}`).schema;
      nodes[`n_g${g}_${i}`] = { type: 'field', path: `group${g}.g${i}` };
      children.push(`n_g${g}_${i}`);
    }
    properties[`group${g}`] = {
      type: 'object',
      title: text(`评审人 ${g + 1}`, `Reviewer ${g + 1}`),
      properties: groupProperties,
      required: ['g0'],
    };
    nodes[`group${g}`] = { type: 'section', title: text(`评审人 ${g + 1}`, `Reviewer ${g + 1}`), children };
    root.push(`group${g}`);
  }

  for (let t = 0; t < TABLES; t++) {
    const key = `table${t}`;
    if (t % 2 === 0) {
      $defs[`row${t}`] = tableRow(t);
      properties[key] = {
        type: 'array',
        title: text(`明细 ${t + 1}`, `Details ${t + 1}`),
        items: { $ref: `#/$defs/row${t}` },
      };
    } else {
      properties[key] = {
        type: 'array',
        title: text(`明细 ${t + 1}`, `Details ${t + 1}`),
        items: tableRow(t),
        minItems: 1,
      };
    }
    const children: string[] = [];
    for (let c = 0; c < COLUMNS_PER_TABLE; c++) {
      nodes[`t${t}_c${c}`] = { type: 'field', path: `c${c}` };
      children.push(`t${t}_c${c}`);
    }
    nodes[key] = { type: 'repeatingTable', path: key, addLabel: text('添加一行', 'Add a row'), children };
    root.push(key);
    computed.push(
      { target: `${key}[].c9`, formula: `IFERROR(${key}[].c2 * ${key}[].c3 / MAX(${key}[].c4, 1), 0)` },
      { target: `s${t}_f0`, formula: `MIN(SUM(${key}[].c9), 100)` },
    );
    rules.push({ target: `${key}[].c8`, visible: `COUNTIF(${key}[].c1, "approved") > 0` });
    validations.push({
      id: `${key}-rows`,
      formula: `COUNTIF(${key}[].c1, "rejected") <= 3`,
      message: text('退回的行不能超过 3 行', 'At most 3 rows may be rejected'),
      paths: [key],
    });
  }

  computed.push({
    target: 's17_f0',
    formula: `ROUND(AVERAGE(${Array.from({ length: 17 }, (_, s) => `s${s}_f18`).join(', ')}), 1)`,
  });

  return {
    kind: 'form',
    id: 'annual-plant-review',
    schemaVersion: 1,
    title: text('工厂年度绩效评审', 'Annual plant performance review'),
    description: text('500 个字段的基准测试表单', 'A 500-field benchmark form'),
    data: { type: 'object', properties, required, $defs },
    layout: { root, nodes },
    rules,
    computed,
    validations,
    messages: {
      s0_f0: {
        required: text('请填写第一项', 'Fill in the first item'),
        maximum: text('不能超过 100', 'At most 100'),
      },
    },
  };
}
