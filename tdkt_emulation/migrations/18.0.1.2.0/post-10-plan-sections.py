"""A plan's body becomes ordered sections (issue 12, point 2).

The fixed purposes, requirements and implementation of each plan move into
sections with the seed's headings, the task table in between, so that every
plan prints as before. Issued plans are locked against the ORM: the sections
are written in SQL, as the document lines were before them.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists

# (heading, column of the text, kind, sub-section of the previous main one)
SECTIONS = (
    ("I. MỤC ĐÍCH, YÊU CẦU", None, "text", False),
    ("1. Mục đích", "purposes", "text", True),
    ("2. Yêu cầu", "requirements", "text", True),
    ("II. NỘI DUNG, THỜI GIAN THỰC HIỆN", None, "table", False),
    ("III. TỔ CHỨC THỰC HIỆN", "implementation", "text", False),
)


def _insert(cr, plan, sequence, heading, body, kind, parent_id):
    cr.execute(
        SQL(
            """
            INSERT INTO tdkt_document_section
                   (res_model, res_id, company_id, sequence, name, body, kind,
                    parent_id, create_uid, create_date, write_uid, write_date)
            VALUES ('tdkt.plan', %(plan)s, %(company)s, %(sequence)s, %(name)s,
                    %(body)s, %(kind)s, %(parent)s, %(uid)s, now() at time zone 'UTC',
                    %(uid)s, now() at time zone 'UTC')
            RETURNING id
            """,
            plan=plan["id"],
            company=plan["company_id"],
            sequence=sequence,
            name=heading,
            body=body,
            kind=kind,
            parent=parent_id,
            uid=plan["write_uid"] or 1,
        )
    )
    return cr.fetchone()[0]


def migrate(cr, version):
    if not version:
        return
    columns = [
        column
        for column in ("purposes", "requirements", "implementation")
        if column_exists(cr, "tdkt_plan", column)
    ]
    if not columns:
        return
    cr.execute(
        SQL(
            """
            SELECT p.id, p.company_id, p.write_uid, %(columns)s
              FROM tdkt_plan p
             WHERE NOT EXISTS (
                   SELECT 1 FROM tdkt_document_section s
                    WHERE s.res_model = 'tdkt.plan' AND s.res_id = p.id)
             ORDER BY p.id
            """,
            columns=SQL(", ").join(
                SQL("p.%s", SQL.identifier(column)) for column in columns
            ),
        )
    )
    for plan in cr.dictfetchall():
        parent_id = None
        for index, (heading, column, kind, is_sub) in enumerate(SECTIONS):
            section_id = _insert(
                cr,
                plan,
                10 * (index + 1),
                heading,
                plan.get(column) if column else None,
                kind,
                parent_id if is_sub else None,
            )
            if not is_sub:
                parent_id = section_id
