"""The RPC calls the Odoo 18 web client makes to open a kanban or a form.

Shared by the query-budget tests and by ``bench/bench.py`` (which loads this
file by path), so that both measure the same calls:

* kanban: one ``web_read_group`` on the kanban's group-by (with the
  aggregates of the numeric fields shown), one ``read_progress_bar`` when the
  arch has a ``<progressbar>``, then one ``web_search_read`` per open,
  non-empty column (at most 10 columns, 40 cards each) with the specification
  built from the fields of the kanban arch, as
  ``web/static/src/model/relational_model/relational_model.js`` does;
* form: one ``web_read`` with the specification of the form arch, its x2many
  lists included (40 rows each);
* pivot: one ``read_group`` (not lazy) per pair of a prefix of the row
  group-bys and a prefix of the column group-bys, as
  ``web/static/src/views/pivot/pivot_model.js`` does; a graph is one pivot
  with no column.

Only lxml and the ORM are used: no import from odoo.tests.
"""

from lxml import etree

OPEN_GROUPS = 10
GROUP_LIMIT = 40
COUNT_LIMIT = 10000
X2MANY_LIMIT = 40
# Fields some widgets read besides the field itself (their fieldDependencies).
ACTIVITY_DEPENDENCIES = (
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_state",
    "activity_summary",
    "activity_type_icon",
    "activity_type_id",
)
SUBVIEW_TAGS = ("list", "kanban", "form")


def _field_spec(env, field, node):
    spec = {}
    widget = node.get("widget")
    if field["type"] == "many2one":
        spec = {"fields": {"display_name": {}}}
    elif field["type"] in ("one2many", "many2many"):
        subviews = [child for child in node if child.tag in SUBVIEW_TAGS]
        if subviews:
            comodel = env[field["relation"]]
            spec = {
                "fields": arch_spec(env, comodel, subviews[0]),
                "limit": X2MANY_LIMIT,
                "order": "",
            }
        elif widget in ("many2many_tags", "many2many_avatar_user", "many2many_avatar"):
            spec = {"fields": {"display_name": {}}}
            if "color" in env[field["relation"]]._fields and widget == "many2many_tags":
                spec["fields"]["color"] = {}
        else:
            spec = {"fields": {}}
    return spec


def arch_spec(env, model, arch):
    """The ``specification`` the web client sends for the fields of ``arch``."""
    fields = model.fields_get(attributes=["type", "relation"])
    spec = {}

    def walk(node):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field" and child.get("name") in fields:
                name = child.get("name")
                spec[name] = _field_spec(env, fields[name], child) or spec.get(name, {})
                if child.get("widget") in ("kanban_activity", "list_activity"):
                    for dependency in ACTIVITY_DEPENDENCIES:
                        spec.setdefault(dependency, {})
                    spec["activity_type_id"] = {"fields": {"display_name": {}}}
                continue  # subviews were handled by _field_spec
            walk(child)

    walk(arch)
    spec.setdefault("id", {})
    return spec


def kanban_info(env, model_name, view_ref=None):
    """Arch facts of a kanban view: specification, group-by, order, progress bar."""
    model = env[model_name]
    view_id = env.ref(view_ref).id if view_ref else False
    views = model.get_views([(view_id, "kanban")])
    arch = etree.fromstring(views["views"]["kanban"]["arch"])
    progressbar = arch.find(".//progressbar")
    spec = arch_spec(env, model, arch)
    # As fields_get describes them: only fields that SQL can aggregate.
    described = model.fields_get(list(spec), attributes=["aggregator"])
    aggregates = [
        f"{name}:{described[name]['aggregator']}"
        for name in spec
        if described.get(name, {}).get("aggregator")
    ]
    return {
        "spec": spec,
        "group_by": arch.get("default_group_by"),
        "order": arch.get("default_order") or model._order,
        "aggregates": aggregates,
        "progressbar": (
            {
                "field": progressbar.get("field"),
                "colors": progressbar.get("colors"),
                "sum_field": progressbar.get("sum_field"),
            }
            if progressbar is not None
            else None
        ),
    }


def _order_by(order, only=None):
    parts = []
    for term in order.split(","):
        words = term.split()
        if not words or (only and words[0] != only):
            continue
        direction = words[1].upper() if len(words) > 1 else "ASC"
        parts.append(f"{words[0]} {direction}")
    return ",".join(parts)


def load_kanban(model, info, domain, group_by=None, between_calls=None):
    """Open the kanban like the web client; returns the cards loaded per column.

    ``between_calls`` is called between two RPCs (e.g. to drop the record
    cache, as each RPC of the web client is a request of its own).
    """
    group_by = group_by or info["group_by"]
    pause = between_calls or (lambda: None)
    groups = model.web_read_group(
        domain,
        [agg for agg in info["aggregates"] if not agg.startswith(f"{group_by}:")],
        [group_by],
        limit=OPEN_GROUPS,
        orderby=_order_by(info["order"], only=group_by),
        lazy=True,
    )["groups"]
    if info["progressbar"]:
        pause()
        model.read_progress_bar(domain, group_by, info["progressbar"])
    cards = {}
    opened = 0
    for group in groups:
        if group.get("__fold"):
            continue
        opened += 1
        if opened > OPEN_GROUPS:
            break
        if not group[f"{group_by}_count"]:
            continue
        pause()
        result = model.web_search_read(
            group["__domain"],
            info["spec"],
            limit=GROUP_LIMIT,
            order=_order_by(info["order"]),
            count_limit=COUNT_LIMIT + 1,
        )
        key = group[group_by]
        cards[key[0] if isinstance(key, (list, tuple)) else key] = result["records"]
    return cards


def form_spec(env, model_name, view_ref=None):
    model = env[model_name]
    view_id = env.ref(view_ref).id if view_ref else False
    views = model.get_views([(view_id, "form")])
    return arch_spec(env, model, etree.fromstring(views["views"]["form"]["arch"]))


def load_form(record, spec):
    return record.web_read(spec)


def load_pivot(model, domain, rows, cols=(), measures=("__count",)):
    """Open a pivot (or, without columns, a graph) like the web client;
    returns the groups of the full row x column grouping."""
    result = []
    for row_end in range(len(rows) + 1):
        for col_end in range(len(cols) + 1):
            result = model.read_group(
                domain,
                list(measures),
                list(rows[:row_end]) + list(cols[:col_end]),
                lazy=False,
            )
    return result
