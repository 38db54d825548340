import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class TdktDocumentRegister(models.Model):
    """The agency's register of issued documents (sổ đăng ký văn bản đi).

    One entry per number given: agency, type of document, year, number and
    the document that holds it. An emulation cluster keeps its own register
    (its papers are numbered under its code, apart from the agency's): its
    entries name the cluster. The database refuses a second entry with the
    same number, so two concurrent issues can never share one: the second
    one waits for the first, sees its number taken and takes the next. The
    entry is written in the issuing transaction, so a failed issue gives its
    number back (no gaps).
    """

    _name = "tdkt.document.register"
    _description = "Register of Issued Documents"
    _order = "company_id, year desc, code, number desc"
    _rec_name = "document_number"

    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, readonly=True
    )
    cluster_id = fields.Many2one(
        "tdkt.cluster",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The cluster whose own register this is; empty for the agency's.",
    )
    code = fields.Char(string="Document Type", required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True)
    number = fields.Integer(required=True, readonly=True)
    document_number = fields.Char(string="Number and Symbol", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", readonly=True
    )

    _sql_constraints = [
        (
            "number_uniq",
            "unique nulls not distinct (company_id, cluster_id, code, year, number)",
            "This number is already in the register.",
        ),
    ]

    @api.model
    def _tdkt_register(self, document, number=0):
        """Enter ``document`` in its register and return its number.

        With ``number`` (typed by hand), that number or a clear error;
        without, the next free number of the register.
        """
        scope = document._tdkt_register_scope()
        key = {
            "company": scope["company_id"],
            "cluster": scope.get("cluster_id") or None,
            "code": document._tdkt_document_type,
            "year": scope["year"],
        }
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT number FROM tdkt_document_register
                 WHERE company_id = %(company)s AND code = %(code)s
                   AND cluster_id IS NOT DISTINCT FROM %(cluster)s
                   AND year = %(year)s AND res_model = %(model)s AND res_id = %(id)s
                """,
                model=document._name,
                id=document.id,
                **key,
            )
        )
        row = cr.fetchone()
        if row and (not number or row[0] == number):
            return row[0]  # issued again: the document keeps its number
        if not number:
            cr.execute(
                SQL(
                    """
                    SELECT COALESCE(MAX(number), 0) + 1 FROM tdkt_document_register
                     WHERE company_id = %(company)s AND code = %(code)s
                       AND cluster_id IS NOT DISTINCT FROM %(cluster)s
                       AND year = %(year)s
                    """,
                    **key,
                )
            )
            candidate = cr.fetchone()[0]
        else:
            candidate = number
        while True:
            if not number and document._tdkt_number_typed_elsewhere(candidate):
                candidate += 1
                continue
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        SQL(
                            """
                            INSERT INTO tdkt_document_register
                                (company_id, cluster_id, code, year, number,
                                 document_number,
                                 res_model, res_id, create_uid, create_date,
                                 write_uid, write_date)
                            VALUES (%(company)s, %(cluster)s, %(code)s, %(year)s,
                                    %(number)s,
                                    %(name)s, %(model)s, %(id)s, %(uid)s,
                                    now() at time zone 'UTC', %(uid)s,
                                    now() at time zone 'UTC')
                            """,
                            number=candidate,
                            name=document._tdkt_format_number(candidate),
                            model=document._name,
                            id=document.id,
                            uid=self.env.uid,
                            **key,
                        )
                    )
            except psycopg2.errors.UniqueViolation:
                # Taken meanwhile by a transaction that has now committed.
                if number:
                    raise UserError(document._tdkt_number_taken_message()) from None
                candidate += 1
                continue
            return candidate
