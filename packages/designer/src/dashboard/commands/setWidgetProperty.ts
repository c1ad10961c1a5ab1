import { type Command, refuse } from '../../core/Command.ts';
import { type Dashboard, hasQuery, type Widget } from '../dashboardTypes.ts';
import { getPath, parsePath, setPath } from '../editPath.ts';
import { noWidget, replaceWidget, widgetOf } from '../widgetAccess.ts';

/** Keys with commands of their own: the id never changes, the place through move/resize, the type through setWidgetType. */
const OWN_COMMANDS = new Set(['id', 'type', 'layout']);

/**
 * Sets a property of a widget by its dotted path — `title`, `query.filter`, `query.groupBy`,
 * `query.timeBucket.unit`, `query.measures.0.field`, `display.stacked`, `thresholds.bands.1.color`,
 * `target`, `content`… — or removes it with `undefined`. Whether the value fits is the validator's
 * to say (as a problem linked to the widget), so a half-made setting is kept while it is being made;
 * only a query where the widget's type has none is refused.
 * Consecutive edits of one property merge into one undo step.
 */
export function setWidgetProperty(id: string, key: string, value: unknown): Command<Dashboard> {
  return {
    label: { 'zh-CN': '修改组件设置', en: 'Change widget setting' },
    mergeKey: `widget:${id}:${key}`,
    run(dashboard) {
      const path = parsePath(key);
      if (!path || OWN_COMMANDS.has(String(path[0]))) {
        return refuse(`不能这样修改 ${key}`, `${key} cannot be changed this way`);
      }
      const widget = widgetOf(dashboard, id);
      if (!widget) return noWidget(id);
      // A query comes with the widget's type (setType, setSource); a text or alert list has none to edit.
      if (path[0] === 'query' && !hasQuery(widget))
        return refuse('此组件没有查询', 'this widget has no query');
      const next = setPath(widget, path, value) as Widget;
      return { document: replaceWidget(dashboard, id, next) };
    },
  };
}

/** A widget property by its dotted path (undefined when unset or the widget is unknown). */
export function getWidgetProperty(dashboard: Dashboard, id: string, key: string): unknown {
  const path = parsePath(key);
  const widget = widgetOf(dashboard, id);
  return path && widget ? getPath(widget, path) : undefined;
}
