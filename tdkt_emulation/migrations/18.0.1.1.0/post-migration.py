"""Plan lines become lines of any official document (issue 7).

The legal bases and recipients of plans move from their plan-only tables to
the shared document lines; a review report's recipients, one per line of a
text field, become lines too; the register lists the numbers in use.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists


def _copy_lines(cr, old_table, new_table, extra=""):
    if not table_exists(cr, old_table):
        return
    cr.execute(
        SQL(
            """
            INSERT INTO %(new)s (res_model, res_id, company_id, sequence, name%(extra)s,
                                 create_uid, create_date, write_uid, write_date)
            SELECT 'tdkt.plan', plan_id, company_id, sequence, name%(extra)s,
                   create_uid, create_date, write_uid, write_date
              FROM %(old)s
            """,
            new=SQL.identifier(new_table),
            old=SQL.identifier(old_table),
            extra=SQL(extra),
        )
    )


def migrate(cr, version):
    if not version:
        return
    _copy_lines(cr, "tdkt_plan_legal_basis", "tdkt_document_legal_basis", ", reference")
    _copy_lines(cr, "tdkt_plan_recipient", "tdkt_document_recipient", ", partner_id")
    if column_exists(cr, "tdkt_plan_review", "recipients"):
        cr.execute(
            """
            INSERT INTO tdkt_document_recipient
                   (res_model, res_id, company_id, sequence, name,
                    create_uid, create_date, write_uid, write_date)
            SELECT 'tdkt.plan.review', review.id, review.company_id, line.n,
                   btrim(line.text), review.create_uid, review.create_date,
                   review.write_uid, review.write_date
              FROM tdkt_plan_review AS review,
                   regexp_split_to_table(review.recipients, E'\\n')
                       WITH ORDINALITY AS line(text, n)
             WHERE btrim(line.text) != ''
            """
        )
    for table, model, code in (
        ("tdkt_plan", "tdkt.plan", "KH"),
        ("tdkt_plan_review", "tdkt.plan.review", "BC"),
    ):
        cr.execute(
            SQL(
                """
                UPDATE %(table)s SET revision = 1
                 WHERE state IN ('issued', 'closed') AND COALESCE(revision, 0) = 0
                """,
                table=SQL.identifier(table),
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO tdkt_document_register
                       (company_id, code, year, number, document_number,
                        res_model, res_id, create_uid, create_date,
                        write_uid, write_date)
                SELECT company_id, %(code)s, year, number, document_number,
                       %(model)s, id, write_uid, write_date, write_uid, write_date
                  FROM %(table)s
                 WHERE number > 0 AND state IN ('issued', 'closed')
                ON CONFLICT DO NOTHING
                """,
                code=code,
                model=model,
                table=SQL.identifier(table),
            )
        )
