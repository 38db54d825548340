from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

RECORD_SOURCES = [
    ("entered", "Entered by the Office"),
    ("proposal", "Conferred from a Proposal"),
]
ISSUER_LEVELS = [
    ("own", "Own Agency"),
    ("higher", "Higher Level"),
]
# Fields only the system writes: where a record comes from, its revocation.
RECORD_SYSTEM_FIELDS = {
    "source",
    "proposal_id",
    "revoked",
    "revoked_reason",
    "revoked_date",
}
# Fields a record of the past is made of: a conferred proposal writes them
# itself, the Office types them for the years before the product.
RECORD_FACTS = (
    "award_type_id",
    "employee_id",
    "unit_id",
    "year",
    "decision_number",
    "decision_date",
    "issuer",
)


class TdktAwardRecord(models.Model):
    """One title or form a person or a collective received (award history).

    The streak rules of the eligibility engine read these records, never
    typed text: the Office enters the past years' awards (by hand or from
    an XLSX file) and each proposal conferred later adds its own record.
    """

    _name = "tdkt.award.record"
    _description = "Award History"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _order = "year desc, award_type_id, nominee_name, id"
    _check_company_auto = True
    _rec_name = "nominee_name"
    _tdkt_text_limits = {
        "decision_number": 60,
        "issuer": 200,
        "note": 1000,
    }

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Title or Form",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    subject = fields.Selection(related="award_type_id.subject", store=True)
    kind = fields.Selection(related="award_type_id.kind", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        index=True,
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index=True
    )
    # Kept for the pivot and graph of awards by unit.
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Department", store=True
    )
    unit_id = fields.Many2one(
        "tdkt.unit",
        string="Collective",
        index=True,
        check_company=True,
        tracking=True,
        help="The department or member agency that received a collective award.",
    )
    nominee_name = fields.Char(
        string="Awarded To",
        compute="_compute_nominee_name",
        store=True,
        index=True,
    )
    year = fields.Integer(required=True, index=True, tracking=True)
    decision_number = fields.Char(
        string="Decision No.", tracking=True, help="e.g. 05/QĐ-TTr"
    )
    decision_date = fields.Date(tracking=True)
    issuer = fields.Char(
        string="Issued By",
        tracking=True,
        help="Who signed the decision, e.g. 'Chánh Thanh tra tỉnh' or "
        "'Chủ tịch UBND tỉnh'.",
    )
    issuer_level = fields.Selection(
        ISSUER_LEVELS, required=True, default="own", tracking=True
    )
    source = fields.Selection(
        RECORD_SOURCES, required=True, default="entered", readonly=True
    )
    note = fields.Char()
    proposal_id = fields.Many2one(
        "tdkt.award.proposal",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The proposal this award was conferred from.",
    )
    revoked = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Its decision was revoked: the award stays in the history but no "
        "longer counts.",
    )
    revoked_reason = fields.Text(string="Revocation Reason", readonly=True, copy=False)
    revoked_date = fields.Date(readonly=True, copy=False)

    @api.depends("employee_id.name", "unit_id.name")
    def _compute_nominee_name(self):
        for record in self:
            # sudo: a colleague's name is shown in the history; Staff may not
            # read HR records.
            record.nominee_name = (
                # sudo: the name of a colleague only (HR record).
                record.employee_id.sudo().name or record.unit_id.name or False
            )

    @api.depends("nominee_name", "award_type_id", "year")
    def _compute_display_name(self):
        for record in self:
            record.display_name = (
                f"{record.award_type_id.name or ''} {record.year} - "
                f"{record.nominee_name or ''}"
            )

    # --- constraints ------------------------------------------------------------
    @api.constrains(*RECORD_FACTS)
    def _check_record(self):
        this_year = fields.Date.context_today(self).year
        for record in self:
            award = record.award_type_id
            if record.year > this_year or record.year < 1945:
                raise ValidationError(
                    self.env._(
                        "The year %(year)s of an award in the history is not valid: "
                        "it cannot be in the future.",
                        year=record.year,
                    )
                )
            if not (record.decision_number or "").strip() or not record.decision_date:
                raise ValidationError(
                    self.env._(
                        "Give the number and the date of the decision that "
                        "conferred '%(award)s' in %(year)s.",
                        award=award.name,
                        year=record.year,
                    )
                )
            if record.decision_date.year < record.year:
                raise ValidationError(
                    self.env._(
                        "The decision of %(date)s comes before the year %(year)s "
                        "it rewards.",
                        date=record.decision_date.strftime("%d/%m/%Y"),
                        year=record.year,
                    )
                )
            if award.subject == "individual" and (
                not record.employee_id or record.unit_id
            ):
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is for individuals: choose the person, not a "
                        "collective.",
                        award=award.name,
                    )
                )
            if award.subject == "collective" and (
                not record.unit_id or record.employee_id
            ):
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is for collectives: choose the department or "
                        "agency, not a person.",
                        award=award.name,
                    )
                )
        self._tdkt_check_twice()

    def _tdkt_check_twice(self):
        """A nominee holds a title or form once a year."""
        self.flush_model(["employee_id", "unit_id", "award_type_id", "year"])
        for nominee in ("employee_id", "unit_id"):
            mine = self.filtered(nominee)
            if not mine:
                continue
            # sudo: the other record may be one the user cannot read; only
            # the clashing keys come back.
            clashes = self.sudo()._read_group(
                [
                    (nominee, "in", mine[nominee].ids),
                    ("award_type_id", "in", mine.award_type_id.ids),
                    ("year", "in", list(set(mine.mapped("year")))),
                ],
                [nominee, "award_type_id", "year"],
                ["__count"],
                having=[("__count", ">", 1)],
            )
            if clashes:
                who, award, year, _count = clashes[0]
                raise ValidationError(
                    self.env._(
                        "'%(nominee)s' already has '%(award)s' in %(year)s in the "
                        "history.",
                        nominee=who.sudo().name,  # sudo: HR record name only
                        award=award.name,
                        year=year,
                    )
                )

    # --- CRUD: the Office keeps the history -------------------------------------
    def _tdkt_check_office(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("change the award history"))

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_office()
        self._tdkt_check_vals(vals_list)
        if not self.env.su:
            for vals in vals_list:
                for name in RECORD_SYSTEM_FIELDS:
                    vals.pop(name, None)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_office()
        self._tdkt_check_vals([vals])
        if not self.env.su:
            if RECORD_SYSTEM_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "Where an award in the history comes from, and its "
                        "revocation, are kept by the system."
                    )
                )
            facts = set(RECORD_FACTS) & set(vals)
            if facts and self.filtered(lambda r: r.source == "proposal"):
                raise UserError(
                    self.env._(
                        "An award conferred from a proposal is changed through its "
                        "proposal, not in the history."
                    )
                )
        return super().write(vals)

    def unlink(self):
        self._tdkt_check_office()
        return super().unlink()

    def action_print_certificate(self):
        """The certificate of this award, from the decision that conferred it."""
        self.ensure_one()
        line = self.env["tdkt.award.decision.line"].search(
            [("record_id", "=", self.id)], limit=1
        )
        if not line:
            raise UserError(
                self.env._(
                    "'%(award)s' was not conferred by a decision issued here: "
                    "its certificate is not printed from the history.",
                    award=self.display_name,
                )
            )
        return line.action_print_certificate()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_conferred(self):
        if not self.env.su and self.filtered(lambda r: r.source == "proposal"):
            raise UserError(
                self.env._("An award conferred from a proposal stays in the history.")
            )
