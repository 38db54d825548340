from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Awards that come with a certificate printed by the agency: Giấy khen
# (individual and collective) and the CSTĐCS certificate. LĐTT has none: its
# decision is its only document (domain notes, §3.1 #5 and §4 #4).
CERTIFICATE_CODES = ("GIAY_KHEN_CN", "GIAY_KHEN_TT", "CSTDCS")
# Fields only the issue writes.
LINE_SYSTEM_FIELDS = {"register_number", "record_id"}


class TdktAwardDecisionLine(models.Model):
    """One award of a decision: an approved proposal, its nominee as printed
    ('name; position; unit') and its reward.

    Lines follow their decision's lock and rights. The golden-book number
    (số sổ vàng) of an award with a certificate is taken from the agency's
    yearly register when the decision is issued.
    """

    _name = "tdkt.award.decision.line"
    _description = "Award of a Decision"
    _inherit = ["tdkt.document.child.mixin"]
    _order = "decision_id, sequence, id"
    _check_company_auto = True
    _rec_name = "nominee_text"
    _tdkt_text_limits = {"nominee_text": 500}
    _tdkt_parent_field = "decision_id"
    # Register of the golden book (tdkt.document.register, one per year).
    _tdkt_document_type = "SV"

    decision_id = fields.Many2one(
        "tdkt.award.decision", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="decision_id.company_id", string="Agency", store=True, index=True
    )
    year = fields.Integer(related="decision_id.year", store=True)
    state = fields.Selection(related="decision_id.state", string="Decision Status")
    sequence = fields.Integer(default=10)
    proposal_id = fields.Many2one(
        "tdkt.award.proposal",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    award_type_id = fields.Many2one(
        related="proposal_id.award_type_id", string="Title or Form", store=True
    )
    subject = fields.Selection(related="proposal_id.subject", store=True)
    user_id = fields.Many2one(
        related="proposal_id.user_id", string="User", store=True, index=True
    )
    nominee_text = fields.Char(
        string="Nominee as Printed",
        compute="_compute_nominee_text",
        store=True,
        readonly=False,
        precompute=True,
        help="'Name; position; unit' for a person, the collective's name.",
    )
    amount = fields.Integer(
        string="Reward (VND)",
        compute="_compute_amount",
        store=True,
        help="The award's multiple of the base salary in force on the "
        "decision's date, rounded up to the nearest 10,000 VND.",
    )
    has_certificate = fields.Boolean(compute="_compute_has_certificate", store=True)
    register_number = fields.Integer(
        string="Golden Book No.",
        readonly=True,
        copy=False,
        help="Số sổ vàng: taken from the agency's yearly register when the "
        "decision is issued.",
    )
    record_id = fields.Many2one(
        "tdkt.award.record",
        string="Award History",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.depends("proposal_id")
    def _compute_nominee_text(self):
        for line in self:
            proposal = line.proposal_id
            if proposal.subject == "collective":
                line.nominee_text = proposal.nominee_unit_id.name or False
                continue
            parts = [proposal.person_name, proposal.job_title, proposal.unit_id.name]
            line.nominee_text = "; ".join(part for part in parts if part) or False

    @api.depends("proposal_id", "decision_id.issue_date")
    def _compute_amount(self):
        Salary = self.env["tdkt.award.base.salary"]
        table = Salary._tdkt_table()
        today = fields.Date.context_today(self)
        for line in self:
            day = line.decision_id.issue_date or today
            multiple = line.proposal_id.award_type_id.reward_multiple
            line.amount = (
                Salary._tdkt_reward(multiple, day, table)
                if multiple and Salary._tdkt_amount_on(day, table)
                else 0
            )

    @api.depends("proposal_id")
    def _compute_has_certificate(self):
        for line in self:
            line.has_certificate = (
                line.proposal_id.award_type_id.code in CERTIFICATE_CODES
            )

    # --- what a decision may hold ---------------------------------------------
    @api.model
    def _tdkt_taken(self, proposals):
        """Ids of ``proposals`` held by a decision that is not cancelled."""
        # sudo: another decision may hold the proposal; only ids come back.
        lines = self.sudo().search_fetch(
            [
                ("proposal_id", "in", proposals.ids),
                ("decision_id.state", "!=", "cancelled"),
            ],
            ["proposal_id", "decision_id"],
        )
        return {line.proposal_id.id: line.decision_id for line in lines}

    def _tdkt_check_decidable(self):
        """Each line's proposal is approved, within the agency's authority
        (Law 2022, art. 80) and in no other decision."""
        taken = self._tdkt_taken(self.proposal_id)
        seen = set()
        for line in self:
            proposal = line.proposal_id
            if proposal.id in seen:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is twice in the decision.",
                        proposal=proposal.display_name,
                    )
                )
            seen.add(proposal.id)
            if proposal.state != "approved":
                states = dict(
                    proposal._fields["state"]._description_selection(self.env)
                )
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is %(state)s: only proposals approved by "
                        "the council are decided.",
                        proposal=proposal.display_name,
                        state=states[proposal.state].lower(),
                    )
                )
            # The same authority check as the proposal's own 'decide' move.
            proposal._tdkt_check_decide()
            other = taken.get(proposal.id)
            if other and other != line.decision_id:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is already in the decision '%(decision)s'.",
                        proposal=proposal.display_name,
                        decision=other.display_name,
                    )
                )
            if line.decision_id.year != proposal.year:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' rewards %(year)s, not the decision's year.",
                        proposal=proposal.display_name,
                        year=proposal.year,
                    )
                )
        Salary = self.env["tdkt.award.base.salary"]
        for line in self.filtered(lambda l: l.award_type_id.reward_multiple):
            day = line.decision_id.issue_date or fields.Date.context_today(self)
            Salary._tdkt_reward(line.award_type_id.reward_multiple, day)

    # --- CRUD: lines follow their decision ------------------------------------
    def _tdkt_check_system_fields(self, vals_list):
        if self.env.su:
            return
        for vals in vals_list:
            if LINE_SYSTEM_FIELDS & set(vals):
                raise AccessError(
                    self.env._(
                        "The golden-book number and the award history of an "
                        "award are written by the issue of its decision."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_system_fields(vals_list)
        lines = super().create(vals_list)
        lines._tdkt_check_decidable()
        return lines

    def write(self, vals):
        self._tdkt_check_system_fields([vals])
        if not self.env.su:
            self.check_access("write")
        self._tdkt_check_vals([vals])
        if set(vals) - LINE_SYSTEM_FIELDS:
            # The lock holds for everyone, the superuser included.
            self._tdkt_check_parents(self.decision_id)
        if vals.get("decision_id"):
            self._tdkt_check_parents(self._tdkt_parents_of([vals]))
        result = super().write(vals)
        if {"proposal_id", "decision_id"} & set(vals):
            self._tdkt_check_decidable()
        return result

    # --- certificates ----------------------------------------------------------
    def _tdkt_check_certificate(self):
        for line in self:
            if not line.has_certificate:
                raise UserError(
                    self.env._(
                        "'%(award)s' has no certificate: the decision and its list "
                        "are its only document.",
                        award=line.award_type_id.name,
                    )
                )
            if line.decision_id.state != "issued" or not line.register_number:
                raise UserError(
                    self.env._(
                        "The certificate of '%(nominee)s' is printed once its "
                        "decision is issued (and not revoked).",
                        nominee=line.nominee_text,
                    )
                )

    def action_print_certificate(self):
        self.check_access("read")
        self._tdkt_check_certificate()
        return self.env.ref(
            "tdkt_emulation.action_report_tdkt_award_certificate"
        ).report_action(self)

    def _tdkt_certificate(self):
        """What the certificate of this award prints, by block."""
        self.ensure_one()
        decision = self.decision_id
        layout = self.env["tdkt.award.certificate.layout"]._tdkt_for(self.company_id)
        proposal = self.proposal_id
        code = self.award_type_id.code
        if self.subject == "collective":
            salutation, name, position = "Tập thể:", proposal.nominee_unit_id.name, ""
        else:
            # sudo: the person's gender (an HR record) for 'Ông' / 'Bà' only
            gender = proposal.employee_id.sudo().gender
            salutation = {"male": "Ông:", "female": "Bà:"}.get(gender, "Ông/Bà:")
            name = (proposal.person_name or "").upper()
            position = ", ".join(
                part for part in (proposal.job_title, proposal.unit_id.name) if part
            )
        issued = decision.issue_date.strftime("%d/%m/%Y") if decision.issue_date else ""
        return {
            "layout": layout,
            "issuer": (
                layout.issuer_title or decision._tdkt_issuer_of_agency()
            ).upper(),
            "verb": "CÔNG NHẬN DANH HIỆU" if code == "CSTDCS" else "TẶNG",
            "award": decision._tdkt_print_award_name(self.award_type_id).upper(),
            "salutation": salutation,
            "name": name or "",
            "position": position,
            "achievement": f"{(decision.achievement or '').rstrip('.')}.",
            "reference": [
                f"Quyết định số {decision.document_number} ngày {issued}",
                f"Số sổ vàng: {self.register_number}",
            ],
            "date": decision._tdkt_print_date(),
            "signers": decision._tdkt_print_signers()[0],
        }

    # --- golden-book register (tdkt.document.register) ------------------------
    def _tdkt_format_number(self, number):
        return str(number)

    def _tdkt_number_typed_elsewhere(self, number):
        return False

    def _tdkt_register_scope(self):
        """The golden book is the agency's, one per year."""
        self.ensure_one()
        return {"company_id": self.company_id.id, "year": self.year}

    def _tdkt_number_taken_message(self):
        return self.env._("This golden-book number is already taken.")
