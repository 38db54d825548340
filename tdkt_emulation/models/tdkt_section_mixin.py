from odoo import fields, models
from odoo.exceptions import ValidationError

SECTION_KINDS = [
    ("text", "Text"),
    ("table", "Task Table"),
]


class TdktSectionMixin(models.AbstractModel):
    """A section of a document's body: a heading of its own ('I. MỤC ĐÍCH,
    YÊU CẦU', '1. Mục đích'), a rich text, an optional parent section, and a
    kind marking the one section under which the document prints its table
    (a plan's tasks).

    Shared by the sections of official documents (``tdkt.document.section``)
    and those of the templates they start from (``tdkt.plan.template.section``);
    each concrete model adds ``parent_id`` and the field of its container.
    """

    _name = "tdkt.section.mixin"
    _description = "Document Section"
    _tdkt_text_limits = {"name": 500, "body": 50000}

    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Heading",
        required=True,
        help="Printed as typed, with its own numbering, e.g. 'I. MỤC ĐÍCH, YÊU "
        "CẦU' or '1. Mục đích'.",
    )
    body = fields.Html(string="Text")
    kind = fields.Selection(
        SECTION_KINDS,
        required=True,
        default="text",
        help="The section of kind 'Task Table' prints the document's table of "
        "tasks after its text; a document has at most one.",
    )

    def _tdkt_section_siblings(self):
        """The sections of the same document or template, this one included."""
        raise NotImplementedError

    def _tdkt_check_structure(self):
        """One table section at most; sub-sections one level deep, under a
        main section of the same document (called by each model's
        constraint on ``kind`` and ``parent_id``)."""
        for section in self:
            siblings = section._tdkt_section_siblings()
            if (
                section.kind == "table"
                and len(siblings.filtered(lambda other: other.kind == "table")) > 1
            ):
                raise ValidationError(
                    self.env._(
                        "Only one section can hold the task table; '%(heading)s' "
                        "is a second one.",
                        heading=section.name,
                    )
                )
            parent = section.parent_id
            if parent and (
                parent == section or parent.parent_id or parent not in siblings
            ):
                raise ValidationError(
                    self.env._(
                        "'%(heading)s' can only be a sub-section of a main section "
                        "of the same document.",
                        heading=section.name,
                    )
                )

    def _tdkt_reading_order(self):
        """[(section, level)] in reading order: each main section (by
        sequence) followed by its sub-sections; level 0 or 1."""
        sections = self.sorted(lambda s: (s.sequence, s.id))
        children = {}
        for section in sections:
            if section.parent_id in sections:
                children.setdefault(section.parent_id, []).append(section)
        ordered = []
        for section in sections:
            if section.parent_id in sections:
                continue
            ordered.append((section, 0))
            ordered.extend((child, 1) for child in children.get(section, []))
        return ordered
