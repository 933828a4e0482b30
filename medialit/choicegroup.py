"""The Tagger's choice buttons: one labelled group of native radio inputs.

ipywidgets' ``RadioButtons`` draws native radio inputs, but the group has no
programmatic name: a screen reader says "writer's own, radio button, 1 of 2"
without saying which item the choice is for.  :class:`ChoiceGroup` draws the
same inputs inside ``<fieldset role="radiogroup">`` named by its
``<legend>`` ("Your tag for 3 [A04]:"), so the group is announced with its
item, and the browser's own radio behaviour stays: Tab reaches the group,
the arrow keys move between (and select) the choices, Space selects.

It is an anywidget (the ``anywidget`` package): the JavaScript below is sent
with the widget (no build step, nothing fetched at run time).  From Python it
behaves like ``RadioButtons``: ``.value`` is the chosen value or None,
``.options`` the (label, value) pairs, ``.description`` the group's name,
and ``.observe(..., names="value")`` sees every change.  Labels and the
description are shown as text, never as markup.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["ChoiceGroup"]

_ESM = r"""
let groups = 0;
function render({ model, el }) {
  const id = `medialit-choices-${Math.random().toString(36).slice(2)}-${++groups}`;  // unique: each widget may load its own copy of this module
  const group = document.createElement("fieldset");
  group.className = "medialit-choices";
  group.setAttribute("role", "radiogroup");
  group.setAttribute("aria-labelledby", `${id}-name`);
  group.style.cssText = "border:0;margin:0.2em 0;padding:0;display:flex;flex-wrap:wrap;align-items:center;gap:0.2em 1.2em";
  // the arrow keys belong to the radio buttons here, not to JupyterLab's
  // shortcuts (which would move to another cell or heading)
  group.addEventListener("keydown", (event) => {
    if (event.key.startsWith("Arrow")) event.stopPropagation();
  });
  const legend = document.createElement("legend");
  legend.id = `${id}-name`;
  legend.style.cssText = "float:left;padding:0;margin-right:0.6em";
  group.append(legend);
  let inputs = [];
  function draw() {
    legend.textContent = model.get("description");
    for (const label of group.querySelectorAll("label")) label.remove();
    inputs = model.get("options").map(([shown, value], n) => {
      const label = document.createElement("label");
      label.style.cssText = "display:inline-flex;align-items:center;gap:0.3em;cursor:pointer";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = id;
      input.value = String(n);
      input.addEventListener("change", () => {
        if (input.checked) { model.set("value", value); model.save_changes(); }
      });
      label.append(input, document.createTextNode(shown));
      group.append(label);
      return [input, value];
    });
    show();
  }
  function show() {
    const chosen = model.get("value");
    for (const [input, value] of inputs) input.checked = value === chosen;
  }
  model.on("change:options", draw);
  model.on("change:description", draw);
  model.on("change:value", show);
  draw();
  el.append(group);
  return () => { model.off("change:options", draw); model.off("change:description", draw); model.off("change:value", show); };
}
export default { render };
"""


class ChoiceGroup(anywidget.AnyWidget):
    """A named group of radio buttons: pick one of ``options`` ((label, value) pairs)."""

    _esm = _ESM
    options = traitlets.List(traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode())).tag(sync=True)
    value = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(self, options, value=None, description: str = "", **kwargs):
        pairs = [(str(label), str(choice)) for label, choice in options]
        super().__init__(options=pairs, value=value, description=description, **kwargs)

    @traitlets.validate("value")
    def _known_value(self, proposal):
        value = proposal["value"]
        if value is not None and value not in {choice for _, choice in self.options}:
            raise traitlets.TraitError(f"{value!r} is not one of the choices.")
        return value
