// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryOptionSource, type FormHost, type UploadAdapter } from '../../src/index.ts';
import { defineForm, field, renderForm } from './support.tsx';

const users = createMemoryOptionSource([
  { id: 'u-zhang', label: '张三', detail: '冲压车间' },
  { id: 'u-li', label: '李四', detail: '质量部' },
  { id: 'u-wang', label: '王五', detail: '质量部' },
]);
const orgUnits = createMemoryOptionSource([
  { id: 'd-qa', label: '质量部' },
  { id: 'd-press', label: '冲压车间' },
]);

/** Record search of several forms: remembers which forms were asked. */
function fakeRecords() {
  const asked: string[] = [];
  const byForm: Record<string, { id: string; label: string }[]> = {
    suppliers: [
      { id: 'r-1', label: '宁波精工' },
      { id: 'r-2', label: '苏州华达' },
    ],
  };
  const records = (formId: string) => {
    asked.push(formId);
    return createMemoryOptionSource(byForm[formId] ?? []);
  };
  return { records, asked };
}

/** An upload adapter keeping files in memory. */
function fakeUpload(): UploadAdapter & { readonly stored: Map<string, string> } {
  const stored = new Map<string, string>([['f-old', '旧合同.pdf']]);
  return {
    stored,
    async upload(file) {
      const ref = `f-${stored.size + 1}`;
      stored.set(ref, file.name);
      return { ref, name: file.name, size: file.size };
    },
    async lookup(ref) {
      const name = stored.get(ref);
      return name ? { ref, name } : undefined;
    },
  };
}

const form = defineForm({
  properties: {
    owner: { type: 'string', format: 'user', title: '负责人' },
    dept: { type: 'string', format: 'org-unit', title: '部门' },
    supplier: { type: 'string', format: 'record', 'x-form': 'suppliers', title: '供应商' },
    contract: { type: 'string', title: '合同' },
    photos: { type: 'array', uniqueItems: true, items: { type: 'string' }, title: '照片' },
  },
  nodes: {
    a: field('owner'),
    b: field('dept'),
    c: field('supplier'),
    d: field('contract', { widget: 'file', props: { accept: '.pdf' } }),
    e: field('photos', { widget: 'file' }),
  },
});

describe('user and department pickers', () => {
  it('searches the host directory and stores the user id', async () => {
    const host: FormHost = { directory: { users, orgUnits } };
    const { engine, user } = renderForm(form, { host });
    const input = screen.getByRole('combobox', { name: '负责人' });
    await user.type(input, '质量');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['李四质量部', '王五质量部']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(engine.getValue('owner')).toBe('u-wang');
    expect(input).toHaveValue('王五');
    await user.click(screen.getByRole('combobox', { name: '部门' }));
    await user.click(await screen.findByRole('option', { name: '冲压车间' }));
    expect(engine.getValue('dept')).toBe('d-press');
  });

  it('shows the name of a stored id, looked up in the directory', async () => {
    renderForm(form, {
      host: { directory: { users, orgUnits } },
      engineOptions: { value: { owner: 'u-li' } },
    });
    await waitFor(() => expect(screen.getByRole('combobox', { name: '负责人' })).toHaveValue('李四'));
  });

  it('says when the host has no directory instead of failing', () => {
    renderForm(form);
    expect(screen.getByRole('textbox', { name: '负责人' })).toHaveAccessibleDescription('此控件未连接数据源');
  });
});

describe('record reference', () => {
  it('searches records of the form the field points to', async () => {
    const { records, asked } = fakeRecords();
    const { engine, user } = renderForm(form, { host: { records } });
    await user.type(screen.getByRole('combobox', { name: '供应商' }), '华达');
    await user.click(await screen.findByRole('option', { name: '苏州华达' }));
    expect(engine.getValue('supplier')).toBe('r-2');
    expect(asked).toContain('suppliers');
  });

  it('shows the record title in read-only mode', async () => {
    const { records } = fakeRecords();
    renderForm(form, { readOnly: true, host: { records }, engineOptions: { value: { supplier: 'r-1' } } });
    expect(await screen.findByText('宁波精工')).toBeInTheDocument();
  });
});

describe('file attachment', () => {
  it('uploads through the host adapter and stores the ref', async () => {
    const upload = fakeUpload();
    const spy = vi.spyOn(upload, 'upload');
    const { engine, user } = renderForm(form, { host: { upload } });
    const input = screen.getByLabelText('合同');
    expect(input).toHaveAttribute('accept', '.pdf');
    await user.upload(input, new File(['%PDF'], '采购合同.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(engine.getValue('contract')).toBe('f-2'));
    expect(spy).toHaveBeenCalledOnce();
    expect(await screen.findByText('采购合同.pdf')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '移除 采购合同.pdf' }));
    expect(engine.getValue('contract')).toBeUndefined();
  });

  it('adds several files to a list field and shows stored names', async () => {
    const upload = fakeUpload();
    const { engine, user } = renderForm(form, {
      host: { upload },
      engineOptions: { value: { photos: ['f-old'] } },
    });
    expect(await screen.findByText('旧合同.pdf')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('照片'), [new File(['a'], '1.jpg'), new File(['b'], '2.jpg')]);
    await waitFor(() => expect(engine.getValue('photos')).toEqual(['f-old', 'f-2', 'f-3']));
    const list = screen.getAllByRole('list').find((l) => within(l).queryByText('1.jpg'));
    expect(list).toHaveTextContent('旧合同.pdf×1.jpg×2.jpg×');
  });

  it('reports a failed upload', async () => {
    const upload: UploadAdapter = { upload: () => Promise.reject(new Error('network')) };
    const { engine, user } = renderForm(form, { host: { upload } });
    await user.upload(screen.getByLabelText('合同'), new File(['x'], 'x.pdf'));
    expect(await screen.findByText('上传失败，请重试')).toBeInTheDocument();
    expect(engine.getValue('contract')).toBeUndefined();
  });
});
